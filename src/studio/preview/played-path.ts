import type { ConversationMap } from '../../map/conversation-map.ts';
import type { PlayedDecision } from '../../preview/preview-protocol.ts';

/** The path a preview has played so far, as the preview reports it. */
export interface PlayedPath {
  /** The node the play started at. */
  start: string;
  /** Every node and ending visited, in order (the start first). */
  nodes: readonly string[];
  /** The decisions made, in order: one for each dialogue node left. */
  decisions: readonly PlayedDecision[];
}

/** The boxes and arrows of the map a played path went through. */
export interface PlayedOnMap {
  start: string;
  nodes: Set<string>;
  /** Arrow ids (MapEdge.id): `node/reply/N`, `node/timeout`, `node/route/N`. */
  edges: Set<string>;
}

/**
 * Which boxes and arrows of the map a preview's path went through: each
 * step from a dialogue node is the arrow of the reply chosen there (or its
 * timeout), each step from a branch node the route that leads where the
 * path went. Steps the map does not have (it is a version behind) are left
 * out.
 *
 * @example playedOnMap(map, { start: 'opening', nodes: ['opening', 'address'], decisions: [{ node: 'opening', reply: 1, ms: 900 }] }).edges // Set { 'opening/reply/1' }
 */
export function playedOnMap(map: ConversationMap, path: PlayedPath): PlayedOnMap {
  const kinds = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const edgeIds = new Set(map.edges.map((e) => e.id));
  const edges = new Set<string>();
  let next = 0;
  for (let i = 0; i + 1 < path.nodes.length; i++) {
    const from = path.nodes[i]!;
    const to = path.nodes[i + 1]!;
    if (kinds.get(from) === 'branch') {
      const route = map.edges.find((e) => e.kind === 'route' && e.from === from && e.to === to);
      if (route) edges.add(route.id);
      continue;
    }
    const decision = path.decisions[next++];
    if (!decision || decision.node !== from) continue;
    const id = decision.reply === null ? `${from}/timeout` : `${from}/reply/${decision.reply}`;
    if (edgeIds.has(id)) edges.add(id);
  }
  return { start: path.start, nodes: new Set(path.nodes.filter((n) => kinds.has(n))), edges };
}
