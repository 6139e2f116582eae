import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { ConversationMap, MapNode } from './conversation-map.ts';

/** A box's width on the map, in map units (pixels at zoom 1). */
export const NODE_WIDTH = 224;
/** Height of the id line at the top of a box. */
export const HEADER_HEIGHT = 26;
/** Height of each line of text under it. */
export const TEXT_LINE_HEIGHT = 17;
/** Space below the last line. */
export const BOX_PADDING = 10;
/** About this many characters of the studio's sans-serif fit on one line of a box at 12.5 px. */
export const CHARS_PER_LINE = 34;
/** The customer's line is cut after this many lines (with "…"). */
export const MAX_TEXT_LINES = 3;

/** Up to this many boxes, the layout takes its time for fewer crossings (every hand-written scenario so far). */
const FULL_QUALITY_UP_TO = 150;
/** Above this many, crossings are left as they fall: minimising them is most of the time of a big layout. */
const NO_CROSSING_MINIMISATION_ABOVE = 600;

/**
 * The layered layout, top to bottom like a conversation read in order,
 * with straight arrows (polylines: orthogonal routing costs more and reads
 * worse for crossing back-edges). Big maps trade tidiness for time: less
 * thorough crossing minimisation, simpler node placement, and above 600
 * boxes none (on a generated 2,000-node file, crossing minimisation is
 * most of the layout's time). Arrows' labels are not given to ELK: as
 * label nodes they double the layout's time, and the map places them
 * itself near each arrow's start.
 */
export function layoutOptions(nodeCount: number): LayoutOptions {
  const options: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '44',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  };
  if (nodeCount <= FULL_QUALITY_UP_TO) return options;
  Object.assign(options, {
    'elk.layered.considerModelOrder.strategy': 'NONE',
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  });
  if (nodeCount > NO_CROSSING_MINIMISATION_ABOVE) options['elk.layered.crossingMinimization.strategy'] = 'NONE';
  return options;
}

/**
 * Cuts text into at most `maxLines` lines of about `perLine` characters,
 * at spaces where it can, ending with "…" when something was left out.
 *
 * @example wrapText('The tracking says delivered. It was not.', 20, 2) // ['The tracking says', 'delivered. It was…']
 */
export function wrapText(text: string, perLine = CHARS_PER_LINE, maxLines = MAX_TEXT_LINES): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length && lines.length < maxLines; i++) {
    let word = words[i]!;
    if (word.length > perLine) word = `${word.slice(0, perLine - 1)}…`;
    const joined = current ? `${current} ${word}` : word;
    if (joined.length <= perLine) {
      current = joined;
      continue;
    }
    lines.push(current);
    current = word;
  }
  if (current && lines.length < maxLines) lines.push(current);
  else if (current) i--;
  if (i < words.length && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1).trimEnd() : last}…`;
  }
  return lines;
}

/** The lines of text inside a box under its id: the customer's line, a branch's conditions, an ending's outcome and line. */
export function boxLines(node: MapNode): string[] {
  if (node.kind === 'branch') return node.conditions.slice(0, 4).map((c, i) => wrapText(c === 'else' ? 'else' : `${i + 1}. ${c}`, CHARS_PER_LINE, 1)[0] ?? '').concat(node.conditions.length > 4 ? [`… ${node.conditions.length - 4} more`] : []);
  if (node.kind === 'ending') return [`Ending: ${node.outcome ?? ''}`, ...wrapText(node.line, CHARS_PER_LINE, 2)];
  return wrapText(node.line);
}

/** A box's height for its lines of text. */
export function boxHeight(node: MapNode): number {
  return HEADER_HEIGHT + Math.max(1, boxLines(node).length) * TEXT_LINE_HEIGHT + BOX_PADDING;
}

/**
 * The map as ELK's input: one child per box (its size from its text), one
 * edge per arrow. Arrows to an id that is not on the map are left out (the
 * file would not have read).
 */
export function toElkGraph(map: ConversationMap): ElkNode {
  const ids = new Set(map.nodes.map((n) => n.id));
  const children: ElkNode[] = map.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: boxHeight(node) }));
  const edges: ElkExtendedEdge[] = map.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] }));
  return { id: 'map', layoutOptions: layoutOptions(children.length), children, edges };
}

