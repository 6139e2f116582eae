import type { Analysis } from '../../scenario/analysis.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { BestRoute } from '../../engine/best-route.ts';
import type { Decision } from '../../engine/transcript.ts';
import { signedTact, tactBand, type ConversationMap, type MapEdge, type MapNode } from '../../map/conversation-map.ts';

/** Above this many boxes the debrief's map keeps only the routes and their neighbours: a phone could not show more readably. */
export const WHOLE_MAP_UP_TO = 60;

/** The route of a play, or of the best route, as boxes and arrows of the map. */
export interface MapRoute {
  /** Every node and ending gone through, in order (a node visited twice is listed twice). */
  nodes: string[];
  /** The arrow taken out of each of them but the last, in order (ids as on the map). */
  edges: string[];
}

/** What the debrief's map draws: the scenario's map, the trainee's route on it and where the best route went. */
export interface PathMap {
  /** The boxes and arrows drawn (all of them, or around the routes when the scenario is large: see `trimmed`). */
  map: ConversationMap;
  taken: MapRoute;
  /** The best route from where the trainee left it (empty when every choice was a best reply). */
  best: MapRoute;
  /** The node where the trainee left the best route, if they did. */
  leftAt: string | null;
  /** Set when boxes were left out: how many are drawn of how many the scenario has. */
  trimmed: { shown: number; total: number } | null;
}

/**
 * The scenario's map for the debrief: the same boxes and arrows, with the
 * same ids, as the studio's `conversationMap`, built from the compiled
 * scenario alone (the game keeps no source file, and the debrief shows
 * neither file lines nor conditions as written).
 */
export function scenarioMap(scenario: Scenario, analysis: Pick<Analysis, 'reachable'>): ConversationMap {
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const flags = (id: string): Pick<MapNode, 'start' | 'unreachable' | 'deadEnd' | 'sourceLine'> => ({
    start: id === scenario.start, unreachable: !analysis.reachable.has(id), deadEnd: false, sourceLine: 0,
  });
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') {
      nodes.push({ id: node.id, kind: 'branch', line: '', conditions: node.routes.map((r, i) => (r.condition ? `condition ${i + 1}` : 'else')), ...flags(node.id) });
      node.routes.forEach((r, i) => edges.push({ id: `${node.id}/route/${i + 1}`, from: node.id, to: r.goto, kind: 'route', label: r.condition ? `if ${i + 1}` : 'else' }));
      continue;
    }
    nodes.push({ id: node.id, kind: 'dialogue', line: node.customer, conditions: [], ...flags(node.id) });
    for (const r of node.replies) {
      edges.push({ id: `${node.id}/reply/${r.index}`, from: node.id, to: r.goto, kind: 'reply', label: `${r.index} · ${signedTact(r.tact)}`, tact: tactBand(r.tact), tactValue: r.tact });
    }
    if (node.timeLimitMs !== null) edges.push({ id: `${node.id}/timeout`, from: node.id, to: node.onTimeout.goto, kind: 'timeout', label: 'timeout' });
  }
  for (const ending of Object.values(scenario.endings)) {
    nodes.push({ id: ending.id, kind: 'ending', line: ending.customer, conditions: [], outcome: ending.outcome, ...flags(ending.id) });
  }
  return { nodes, edges };
}

/**
 * The arrows a route took: out of a dialogue node, the reply its decision
 * chose (or its timeout); out of a branch node, the route to where it went
 * (the first route there, when several lead to the same place).
 *
 * @example routeEdges(map, ['opening', 'address', 'unhappy'], decisions) // ['opening/reply/2', 'address/timeout']
 */
export function routeEdges(map: ConversationMap, path: readonly string[], decisions: readonly Pick<Decision, 'node' | 'replyIndex' | 'timedOut'>[]): string[] {
  const kinds = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const edges: string[] = [];
  let next = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i]!;
    if (kinds.get(from) === 'branch') {
      const route = map.edges.find((e) => e.kind === 'route' && e.from === from && e.to === path[i + 1]);
      if (route) edges.push(route.id);
      continue;
    }
    const decision = decisions[next++];
    if (!decision || decision.node !== from) break;
    edges.push(decision.timedOut || decision.replyIndex === null ? `${from}/timeout` : `${from}/reply/${decision.replyIndex}`);
  }
  return edges;
}

/**
 * The boxes to draw for a large scenario: those on either route and those
 * one arrow out of them (where the trainee could have gone instead), with
 * the arrows between them. Arrows into the routes are not followed back: an
 * ending on a route may be reached from anywhere, and those boxes say
 * nothing about this play. A map of `limit` boxes or fewer is kept whole.
 */
export function trimAround(map: ConversationMap, routes: readonly MapRoute[], limit = WHOLE_MAP_UP_TO): { map: ConversationMap; trimmed: PathMap['trimmed'] } {
  if (map.nodes.length <= limit) return { map, trimmed: null };
  const on = new Set(routes.flatMap((r) => r.nodes));
  const keep = new Set(on);
  for (const e of map.edges) if (on.has(e.from)) keep.add(e.to);
  const nodes = map.nodes.filter((n) => keep.has(n.id));
  return { map: { nodes, edges: map.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) }, trimmed: { shown: nodes.length, total: map.nodes.length } };
}

/**
 * Everything the debrief's map draws for a finished play: the trainee's
 * route (its `path` and decisions), and the best route from the first
 * choice that was not a best reply (engine/best-route.ts).
 */
export function pathMap(scenario: Scenario, analysis: Pick<Analysis, 'reachable'>, play: { path: readonly string[]; decisions: readonly Decision[] }, best: BestRoute, limit = WHOLE_MAP_UP_TO): PathMap {
  const whole = scenarioMap(scenario, analysis);
  const taken: MapRoute = { nodes: [...play.path], edges: routeEdges(whole, play.path, play.decisions) };
  const bestRoute: MapRoute = { nodes: [...best.path], edges: routeEdges(whole, best.path, best.decisions) };
  const { map, trimmed } = trimAround(whole, [taken, bestRoute], limit);
  return { map, taken, best: bestRoute, leftAt: best.leftAt === null ? null : (best.path[0] ?? null), trimmed };
}
