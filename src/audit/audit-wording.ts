import type { StrategyOutcome } from './play-strategy.ts';
import type { AuditThresholds } from './thresholds.ts';

/**
 * The audit's wording and number formats, shared by `tactful audit` (the
 * terminal) and the studio's Audit panel, so both say the same thing in the
 * same figures. Plain strings: no terminal layout, no markup.
 */

/** A share (0..1) as a whole percentage: 0.456 → "46%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** How often a rule of thumb passed: "PASS" or "fail" for a rule played once, the share of its plays otherwise. */
export function passText(outcome: StrategyOutcome): string {
  if (outcome.runs === 1) return outcome.passRate > 0 ? 'PASS' : 'fail';
  return percent(outcome.passRate);
}

/** What the audit says when it finds nothing to fix. */
export const NO_FINDINGS = 'No findings: no rule of thumb passes, and the scores rank conversations as a trainer would.';

/** "1 finding", "3 findings". */
export function findingsCount(count: number): string {
  return `${count} finding${count === 1 ? '' : 's'}`;
}

/** The thresholds in a trainer's words, as two sentences (the CLI prints each on its own line). */
export function thresholdsText(t: AuditThresholds): [string, string] {
  return [
    `Thresholds: a rule of thumb may pass at most ${percent(t.naivePass)} of its plays (and of the scenarios); random play at most ${percent(t.randomPass)}, averaging below ${t.randomMean};`,
    `the longest reply may be a best reply (the shortest a worst) at most at ${percent(t.lengthBias)} of decisions; a route with a poor move must score below the best clean route.`,
  ];
}
