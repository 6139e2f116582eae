import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ConversationMap } from './conversation-map.ts';
import { BIG_MAP_ABOVE, layOutBigMap, type Jump } from './big-map-layout.ts';
import { toElkGraph } from './elk-graph.ts';
import type { Rect, Size } from './viewport.ts';

/** A point in map units. */
export interface Point {
  x: number;
  y: number;
}

/** A map with its layout: where each box is and the route of each arrow, in map units. */
export interface LaidOutMap {
  map: ConversationMap;
  boxes: Map<string, Rect>;
  /** Each arrow's route from its start to its end (through its bends). */
  routes: Map<string, Point[]>;
  /** Arrows drawn as a tag naming their target (big maps only; see big-map-layout.ts). */
  jumps: Jump[];
  size: Size;
}

/** The layout engine: ELK's `layout`, in its worker on the page, or its bundled build in a test. */
export type LayoutEngine = (graph: ElkNode) => Promise<ElkNode>;

/** Reads ELK's answer into boxes and routes; arrows ELK gave no route are left out. */
export function readLayout(map: ConversationMap, laid: ElkNode): LaidOutMap {
  const boxes = new Map<string, Rect>();
  for (const child of laid.children ?? []) boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
  const routes = new Map<string, Point[]>();
  for (const edge of (laid as ElkNode & { edges?: { id: string; sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[] }[] }).edges ?? []) {
    const section = edge.sections?.[0];
    if (section) routes.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
  }
  return { map, boxes, routes, jumps: [], size: { width: laid.width ?? 0, height: laid.height ?? 0 } };
}

/** Lays a map out: with the engine (ELK), or, above BIG_MAP_ABOVE boxes, with the big-map layout at once. */
export async function layOut(map: ConversationMap, engine: LayoutEngine): Promise<LaidOutMap> {
  if (map.nodes.length > BIG_MAP_ABOVE) return { map, ...layOutBigMap(map) };
  return readLayout(map, await engine(toElkGraph(map)));
}

/** The point `distance` along a route from its start (its end if the route is shorter). */
export function pointAlong(route: readonly Point[], distance: number): Point {
  let left = distance;
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length >= left && length > 0) return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length };
    left -= length;
  }
  return route[route.length - 1] ?? { x: 0, y: 0 };
}
