import type { Value } from '../scenario/expression.ts';
import type { Scenario } from '../scenario/model.ts';

/**
 * Where a play starts when it does not start at the scenario's `start`:
 * the studio's "Play from here" starts at any dialogue or branch node, with
 * the mood and variable values the trainer chose, to try a late part of a
 * conversation without replaying its beginning. Anything left out keeps the
 * scenario's own starting value.
 */
export interface StartPoint {
  /** A dialogue or branch node's id (a branch node routes at once, as when a reply leads to it). */
  node: string;
  /** The customer's mood on arrival, 0..100. Default: the scenario's `customer.mood`. */
  mood?: number;
  /** Values for some declared variables. The rest keep their declared starting values. */
  variables?: Readonly<Record<string, Value>>;
}

const typeName = (value: Value): string => (typeof value === 'boolean' ? 'true or false' : typeof value === 'number' ? 'a number' : 'text');

/**
 * What is wrong with a start point for this scenario, in a trainer's words
 * (one message per problem); empty when a play can start there. A start at
 * an ending is refused: there would be nothing to play.
 *
 * @example startPointProblems(scenario, { node: 'refund', mood: 20 }) // []
 */
export function startPointProblems(scenario: Scenario, from: StartPoint): string[] {
  const problems: string[] = [];
  if (!Object.hasOwn(scenario.nodes, from.node)) {
    problems.push(
      Object.hasOwn(scenario.endings, from.node)
        ? `"${from.node}" is an ending: start from a dialogue or branch node.`
        : `There is no node "${from.node}" in this scenario.`,
    );
  }
  if (from.mood !== undefined && !(Number.isFinite(from.mood) && from.mood >= 0 && from.mood <= 100)) {
    problems.push(`Mood must be a number from 0 to 100 (got ${String(from.mood)}).`);
  }
  for (const [name, value] of Object.entries(from.variables ?? {})) {
    if (!Object.hasOwn(scenario.variables, name)) {
      problems.push(`There is no variable "${name}" in this scenario's variables.`);
      continue;
    }
    const declared = scenario.variables[name]!;
    if (typeof value !== typeof declared || (typeof value === 'number' && !Number.isFinite(value))) {
      problems.push(`Variable "${name}" holds ${typeName(declared)}, not ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`);
    }
  }
  return problems;
}
