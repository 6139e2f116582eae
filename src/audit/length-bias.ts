import type { Scenario } from '../scenario/index.ts';

/** How often reply length gives the answer away. */
export interface LengthBias {
  /** Decisions with two or more replies of different tact. */
  decisions: number;
  /** Of those, how many have a longest reply that is also a best reply. */
  longestIsBest: number;
  /** Of those, how many have a shortest reply that is also a worst reply. */
  shortestIsWorst: number;
}

/**
 * Counts, over a scenario's decisions as written, where the longest reply
 * is a best one and the shortest a worst one. With three replies and no
 * bias each happens about a third of the time.
 */
export function lengthBias(scenario: Scenario): LengthBias {
  const bias: LengthBias = { decisions: 0, longestIsBest: 0, shortestIsWorst: 0 };
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind !== 'dialogue') continue;
    const tacts = node.replies.map((r) => r.tact);
    const best = Math.max(...tacts);
    const worst = Math.min(...tacts);
    if (best === worst) continue;
    bias.decisions++;
    const lengths = node.replies.map((r) => r.say.length);
    const longest = Math.max(...lengths);
    const shortest = Math.min(...lengths);
    if (node.replies.some((r) => r.say.length === longest && r.tact === best)) bias.longestIsBest++;
    if (node.replies.some((r) => r.say.length === shortest && r.tact === worst)) bias.shortestIsWorst++;
  }
  return bias;
}

/** Adds up several scenarios' counts. */
export function totalBias(biases: readonly LengthBias[]): LengthBias {
  return biases.reduce(
    (a, b) => ({ decisions: a.decisions + b.decisions, longestIsBest: a.longestIsBest + b.longestIsBest, shortestIsWorst: a.shortestIsWorst + b.shortestIsWorst }),
    { decisions: 0, longestIsBest: 0, shortestIsWorst: 0 },
  );
}

/** A count as a share of the decisions (0 when there are none). */
export function share(count: number, of: number): number {
  return of === 0 ? 0 : count / of;
}
