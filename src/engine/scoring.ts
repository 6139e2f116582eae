import type { Outcome, Scenario } from '../scenario/index.ts';
import type { Decision } from './transcript.ts';

/** Scores 0..100 as integers. `tact` and `speed` are null when not scored. */
export interface Scores {
  tact: number | null;
  speed: number | null;
  satisfaction: number;
  overall: number;
  /** Extra dimensions by id. */
  [dimension: string]: number | null;
}

/** The outcome bands satisfaction is clamped into. */
export const OUTCOME_BANDS: Record<Outcome, { min: number; max: number }> = {
  satisfied: { min: 70, max: 100 },
  neutral: { min: 40, max: 69 },
  dissatisfied: { min: 20, max: 39 },
  escalated: { min: 0, max: 19 },
  lost: { min: 0, max: 19 },
};

/** What scoring needs to know about a finished conversation. */
export interface ScoringInput {
  scenario: Scenario;
  /** Minimum and maximum reachable sum of each extra dimension (from the linter). */
  dimensionRanges: Record<string, { min: number; max: number }>;
  decisions: readonly Decision[];
  outcome: Outcome;
  /** The customer's raw final mood. */
  mood: number;
}

/**
 * Tact of one decision, 0..1: the chosen reply's tact relative to the
 * offered ones. 1 when every offered reply has the same tact; 0 for a timeout.
 */
export function decisionTact(d: Decision): number {
  if (d.timedOut) return 0;
  const best = Math.max(...d.offeredTacts);
  const worst = Math.min(...d.offeredTacts);
  return best === worst ? 1 : (d.tact - worst) / (best - worst);
}

/**
 * Speed of one timed decision, 0..1: full marks within the reading
 * allowance, falling linearly to 0 at the time limit; 0 for a timeout.
 * Null when the decision was untimed (it does not count either way).
 */
export function decisionSpeed(d: Decision): number | null {
  if (d.limitMs === null) return null;
  if (d.timedOut) return 0;
  if (d.ms <= d.allowanceMs) return 1;
  if (d.allowanceMs >= d.limitMs) return d.ms < d.limitMs ? 1 : 0;
  return Math.max(0, Math.min(1, 1 - (d.ms - d.allowanceMs) / (d.limitMs - d.allowanceMs)));
}

/** The final mood clamped into the outcome's band. */
export function satisfactionScore(outcome: Outcome, mood: number): number {
  const band = OUTCOME_BANDS[outcome];
  return Math.max(band.min, Math.min(band.max, Math.round(mood)));
}

/**
 * Scores a finished conversation exactly as the spec says. A play with a
 * critical mistake (a reply marked `critical`) is never passed. Pure: the CLI,
 * the game and every report call this one function.
 *
 * Decisions a trainer can check by hand: each score is rounded to an integer
 * first, and overall is the weighted mean of those rounded scores, so the
 * numbers on the debrief add up. Scores that are not scored (speed with
 * timers off, tact with no decision) hand their weight to the rest.
 */
export function scoreConversation(input: ScoringInput): { scores: Scores; passed: boolean } {
  const { scenario, decisions } = input;
  const tact = decisions.length === 0 ? null : Math.round((100 * sum(decisions.map(decisionTact))) / decisions.length);
  const speeds = decisions.map(decisionSpeed).filter((s): s is number => s !== null);
  const speed = speeds.length === 0 ? null : Math.round((100 * sum(speeds)) / speeds.length);
  const satisfaction = satisfactionScore(input.outcome, input.mood);
  const scores: Scores = { tact, speed, satisfaction, overall: 0 };
  for (const dimension of Object.keys(scenario.scoring.dimensions)) {
    const total = sum(decisions.map((d) => d.score[dimension] ?? 0));
    const range = input.dimensionRanges[dimension] ?? { min: 0, max: 0 };
    scores[dimension] = range.max === range.min ? 100 : clamp(Math.round((100 * (total - range.min)) / (range.max - range.min)));
  }
  let weighted = 0;
  let weightTotal = 0;
  for (const [name, weight] of Object.entries(scenario.scoring.weights)) {
    const value = scores[name];
    if (value === null || value === undefined || weight <= 0) continue;
    weighted += weight * value;
    weightTotal += weight;
  }
  // The epsilon keeps 88.4999999 (float noise) from rounding differently than by hand.
  scores.overall = weightTotal === 0 ? 0 : clamp(Math.round(weighted / weightTotal + 1e-9));
  // A critical mistake fails the play whatever the overall: the scores stay honest, the verdict does not bend.
  const critical = decisions.some((d) => d.critical);
  return { scores, passed: !critical && scores.overall >= scenario.scoring.passMark };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
}
