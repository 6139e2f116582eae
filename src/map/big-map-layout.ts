import type { ConversationMap, MapEdge } from './conversation-map.ts';
import { boxHeight, NODE_WIDTH } from './elk-graph.ts';
import type { Point } from './map-layout.ts';
import type { Rect, Size } from './viewport.ts';

/**
 * Above this many boxes the map is laid out here, not by ELK: ELK's
 * layered layout of a generated 200-node file with 600 arrows took over a
 * second, and of a 2,000-node one 9 s in Node (docs/performance.md, "Map"),
 * most of it routing arrows that cross dozens of layers. Hand-written
 * scenarios (the library's largest has under 40 boxes) stay with ELK.
 */
export const BIG_MAP_ABOVE = 150;

/** Gap between boxes in a layer, and between layers. */
const GAP_X = 36;
const GAP_Y = 48;
/** A jump's tag: "↪ id", beside the box it leaves. */
const JUMP_HEIGHT = 20;
const JUMP_GAP = 4;
const JUMP_CHAR_WIDTH = 7;
const JUMP_MAX_WIDTH = 140;

/** An arrow drawn as a short tag naming where it goes, instead of a line across the map. */
export interface Jump {
  /** The arrow's id (its route ends at the tag). */
  edge: string;
  /** Where the arrow goes. */
  to: string;
  /** What the tag says: the arrow's own label, then where it goes ("2 · −1 ↪ n26"). */
  text: string;
  box: Rect;
}

/** A big map's layout: the same boxes and routes as ELK's, plus the jumps. */
export interface BigMapLayout {
  boxes: Map<string, Rect>;
  routes: Map<string, Point[]>;
  jumps: Jump[];
  size: Size;
}

/** What a jump's tag says. */
export function jumpText(edge: MapEdge): string {
  return `${edge.label} ↪ ${edge.to}`;
}

/** Width of a jump's tag for its text. */
export function jumpWidth(text: string): number {
  return Math.min(JUMP_MAX_WIDTH, 18 + JUMP_CHAR_WIDTH * text.length);
}

/**
 * Each box's layer, as a conversation reads: the arrows that lead back to
 * a box already on the way from the start (found depth first, the start
 * first, then any box no route reaches, in file order) are set aside, and
 * every other arrow leads at least one layer down (the longest way from a
 * box with no arrow in). A box reached both straight from the opening and
 * after two more questions sits below those questions, where the
 * conversation usually gets to it.
 */
export function layersOf(map: ConversationMap): Map<string, number> {
  const ids = new Set(map.nodes.map((n) => n.id));
  const next = new Map<string, string[]>();
  for (const edge of map.edges) if (ids.has(edge.from) && ids.has(edge.to)) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  // Depth first, without recursion (a generated map can be thousands of boxes deep).
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const finished: string[] = [];
  const visit = (root: string): void => {
    const stack: { id: string; at: number }[] = [{ id: root, at: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = next.get(top.id) ?? [];
      if (top.at === out.length) {
        state.set(top.id, 'done');
        finished.push(top.id);
        stack.pop();
        continue;
      }
      const to = out[top.at++]!;
      const seen = state.get(to);
      if (seen === 'open') back.add(`${top.id}\n${to}`);
      else if (seen === undefined) {
        state.set(to, 'open');
        stack.push({ id: to, at: 0 });
      }
    }
  };
  const start = map.nodes.find((n) => n.start);
  if (start) visit(start.id);
  for (const node of map.nodes) if (!state.has(node.id)) visit(node.id);
  // Finishing order reversed is an order in which every arrow left goes forward.
  const layer = new Map<string, number>(map.nodes.map((n) => [n.id, 0]));
  for (let i = finished.length - 1; i >= 0; i--) {
    const from = finished[i]!;
    for (const to of next.get(from) ?? []) {
      if (!back.has(`${from}\n${to}`)) layer.set(to, Math.max(layer.get(to)!, layer.get(from)! + 1));
    }
  }
  return layer;
}

/**
 * Lays a big map out in linear time: layers as layersOf reads them,
 * each layer ordered by where its boxes' parents are (one sweep down, the
 * file's order breaking ties), laid left to right and centred. An arrow to
 * the next layer is a straight line; every other arrow (a loop back, a
 * jump ahead, an arrow within a layer) ends at a small tag beside its box
 * naming its target, as flowcharts use off-page connectors: on a big map a
 * line across dozens of layers is unreadable, and it is what made ELK slow.
 */
export function layOutBigMap(map: ConversationMap): BigMapLayout {
  const layer = layersOf(map);
  const height = new Map(map.nodes.map((n) => [n.id, boxHeight(n)]));
  const order = new Map(map.nodes.map((n, i) => [n.id, i]));
  const isStep = (e: MapEdge): boolean => layer.has(e.from) && layer.has(e.to) && layer.get(e.to) === layer.get(e.from)! + 1;
  const jumpsFrom = new Map<string, MapEdge[]>();
  const parents = new Map<string, string[]>();
  for (const edge of map.edges) {
    if (!height.has(edge.from) || !height.has(edge.to)) continue;
    if (isStep(edge)) parents.set(edge.to, [...(parents.get(edge.to) ?? []), edge.from]);
    else jumpsFrom.set(edge.from, [...(jumpsFrom.get(edge.from) ?? []), edge]);
  }

  // Layers in order, each sorted by its parents' mean position in the layer above.
  const rows: string[][] = [];
  for (const node of map.nodes) (rows[layer.get(node.id)!] ??= []).push(node.id);
  const position = new Map<string, number>();
  const columnWidth = (id: string): number => NODE_WIDTH + Math.max(0, ...(jumpsFrom.get(id) ?? []).map((e) => JUMP_GAP + jumpWidth(jumpText(e))));
  const laidRows = rows.filter((row) => row !== undefined);
  for (const row of laidRows) {
    const weight = (id: string): number => {
      const above = (parents.get(id) ?? []).map((p) => position.get(p)).filter((p): p is number => p !== undefined);
      return above.length === 0 ? Infinity : above.reduce((a, b) => a + b, 0) / above.length;
    };
    const weights = new Map(row.map((id) => [id, weight(id)]));
    row.sort((a, b) => weights.get(a)! - weights.get(b)! || order.get(a)! - order.get(b)!);
    let x = 0;
    for (const id of row) {
      const width = columnWidth(id);
      position.set(id, x + NODE_WIDTH / 2);
      x += width + GAP_X;
    }
  }

  const widest = Math.max(0, ...laidRows.map((row) => row.reduce((sum, id) => sum + columnWidth(id) + GAP_X, -GAP_X)));
  const boxes = new Map<string, Rect>();
  const routes = new Map<string, Point[]>();
  const jumps: Jump[] = [];
  let y = 0;
  for (const row of laidRows) {
    const rowWidth = row.reduce((sum, id) => sum + columnWidth(id) + GAP_X, -GAP_X);
    const shift = (widest - rowWidth) / 2;
    let rowHeight = 0;
    for (const id of row) {
      const x = shift + position.get(id)! - NODE_WIDTH / 2;
      boxes.set(id, { x, y, width: NODE_WIDTH, height: height.get(id)! });
      const tags = jumpsFrom.get(id) ?? [];
      tags.forEach((edge, i) => {
        const text = jumpText(edge);
        const box = { x: x + NODE_WIDTH + JUMP_GAP, y: y + i * (JUMP_HEIGHT + JUMP_GAP), width: jumpWidth(text), height: JUMP_HEIGHT };
        jumps.push({ edge: edge.id, to: edge.to, text, box });
        routes.set(edge.id, [{ x: x + NODE_WIDTH, y: box.y + JUMP_HEIGHT / 2 }, { x: box.x, y: box.y + JUMP_HEIGHT / 2 }]);
      });
      rowHeight = Math.max(rowHeight, height.get(id)!, tags.length * (JUMP_HEIGHT + JUMP_GAP) - JUMP_GAP);
    }
    y += rowHeight + GAP_Y;
  }
  for (const edge of map.edges) {
    if (routes.has(edge.id)) continue;
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) continue;
    routes.set(edge.id, [{ x: from.x + from.width / 2, y: from.y + from.height }, { x: to.x + to.width / 2, y: to.y }]);
  }
  return { boxes, routes, jumps, size: { width: widest, height: Math.max(0, y - GAP_Y) } };
}
