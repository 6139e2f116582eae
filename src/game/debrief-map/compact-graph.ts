import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ConversationMap, MapNode } from '../../map/conversation-map.ts';
import { toElkGraph } from '../../map/elk-graph.ts';

/** A compact box's id is cut after this many characters (with "…"). */
export const MAX_ID_CHARS = 20;
/** About this many map units per character of a box's 12.5 px label. */
const CHAR_WIDTH = 7.3;
const MIN_BOX_WIDTH = 64;
const BOX_SIDE_PADDING = 20;
/** A dialogue or branch box: one line, its id. */
export const BOX_HEIGHT = 24;
/** An ending's box: its id, and its outcome under it. */
export const ENDING_HEIGHT = 38;

/** The id as a compact box shows it: cut to `MAX_ID_CHARS` with "…". */
export function boxTitle(node: Pick<MapNode, 'id'>): string {
  return node.id.length > MAX_ID_CHARS ? `${node.id.slice(0, MAX_ID_CHARS - 1)}…` : node.id;
}

/** A compact box's size, in map units: wide enough for its id (and an ending's outcome). */
export function boxSize(node: MapNode): { width: number; height: number } {
  const chars = Math.max(boxTitle(node).length, node.kind === 'ending' ? (node.outcome ?? '').length : 0);
  return { width: Math.max(MIN_BOX_WIDTH, Math.round(chars * CHAR_WIDTH + BOX_SIDE_PADDING)), height: node.kind === 'ending' ? ENDING_HEIGHT : BOX_HEIGHT };
}

/**
 * The studio's ELK graph of the map (same arrows, layered layout and
 * options, so the debrief's map has the shape the trainer saw in the
 * studio), with compact boxes: only the id, and an ending's outcome, fit on
 * a phone's debrief. The gaps between boxes shrink with them.
 */
export function compactGraph(map: ConversationMap): ElkNode {
  const graph = toElkGraph(map);
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  return {
    ...graph,
    // Tighter than the studio's: a conversation of a dozen turns then fits a debrief's box at a readable size.
    layoutOptions: { ...graph.layoutOptions, 'elk.spacing.nodeNode': '12', 'elk.layered.spacing.nodeNodeBetweenLayers': '22' },
    children: (graph.children ?? []).map((child) => ({ ...child, ...boxSize(byId.get(child.id)!) })),
  };
}
