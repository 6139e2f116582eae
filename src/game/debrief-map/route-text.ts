import type { ConversationMap } from '../../map/conversation-map.ts';
import type { MapRoute } from './path-map.ts';

/**
 * A route in words, one step per box, for the map's text alternative: the
 * node's id, "timed out" where the timer ran out there, and an ending's
 * outcome. Branch nodes are left out: the trainee never saw them, and the
 * map's arrows already go through them.
 *
 * @example routeSteps(map, route) // ['opening', 'address (timed out)', 'unhappy (ending: dissatisfied)']
 */
export function routeSteps(map: ConversationMap, route: MapRoute): string[] {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const steps: string[] = [];
  route.nodes.forEach((id, i) => {
    const node = byId.get(id);
    if (node?.kind === 'branch') return;
    if (node?.kind === 'ending') steps.push(`${id} (ending: ${node.outcome ?? ''})`);
    else steps.push(route.edges[i] === `${id}/timeout` ? `${id} (timed out)` : id);
  });
  return steps;
}

/** A route on one line: "opening → address (timed out) → unhappy (ending: dissatisfied)". */
export function routeLine(map: ConversationMap, route: MapRoute): string {
  return routeSteps(map, route).join(' → ');
}
