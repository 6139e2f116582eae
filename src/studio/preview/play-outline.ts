import type { Value } from '../../scenario/expression.ts';
import type { Scenario } from '../../scenario/model.ts';

/** A node a play can start at, as the Play panel lists it. */
export interface StartNode {
  id: string;
  kind: 'dialogue' | 'branch';
  /** The customer's line (a dialogue node), or the branch's routes' targets ("→ reassured, unhappy"). */
  line: string;
}

/** What the Play panel needs of a checked scenario: where it starts, its starting mood and variables, and the nodes a play can start at. */
export interface PlayOutline {
  start: string;
  mood: number;
  /** The declared variables with their starting values (their types are the inputs' types). */
  variables: Record<string, Value>;
  /** Dialogue and branch nodes, in file order. */
  nodes: StartNode[];
}

/**
 * The Play panel's outline of a scenario, built in the lint worker from the
 * same check as the problems and the map (a few bytes per node to send).
 *
 * @example playOutline(scenario).variables // { checkedAddress: false }
 */
export function playOutline(scenario: Scenario): PlayOutline {
  return {
    start: scenario.start,
    mood: scenario.customer.mood,
    variables: { ...scenario.variables },
    nodes: Object.values(scenario.nodes).map((node) =>
      node.kind === 'dialogue' ? { id: node.id, kind: 'dialogue', line: node.customer } : { id: node.id, kind: 'branch', line: `→ ${node.routes.map((r) => r.goto).join(', ')}` },
    ),
  };
}
