import { describe, expect, it } from 'vitest';
import { decisionSpeed, scoreConversation, type Decision } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/scenario/index.ts';
import { compileYaml } from '../helpers.ts';

// Edge cases of the scoring rules, at the exact boundaries the spec names
// (found by mutation testing: docs/quality.md).

const decision = (over: Partial<Decision>): Decision => ({
  node: 'n', reply: 1, replyIndex: 1, timedOut: false, tact: 0, offeredTacts: [0], offered: [1], shown: [1], critical: false, techniques: [], ms: 0,
  limitMs: null, allowanceMs: 2000, moodBefore: 50, moodAfter: 50, score: {}, at: 0, ...over,
});

describe('speed at its boundaries', () => {
  it('is 0 for a timeout whatever time the decision records', () => {
    expect(decisionSpeed(decision({ timedOut: true, reply: null, limitMs: 10_000, allowanceMs: 4400, ms: 0 }))).toBe(0);
    expect(decisionSpeed(decision({ timedOut: true, reply: null, limitMs: 10_000, allowanceMs: 4400, ms: 4400 }))).toBe(0);
  });

  it('gives full marks to a reply exactly at the reading allowance, even when the allowance reaches the limit', () => {
    expect(decisionSpeed(decision({ limitMs: 3000, allowanceMs: 3000, ms: 3000 }))).toBe(1);
  });

  it('gives 0 to a reply past the limit when the allowance outlasts the limit', () => {
    // The allowance (6 s) is longer than the limit (4 s): full marks only before the limit.
    expect(decisionSpeed(decision({ limitMs: 4000, allowanceMs: 6000, ms: 6500 }))).toBe(0);
    expect(decisionSpeed(decision({ limitMs: 4000, allowanceMs: 6000, ms: 3999 }))).toBe(1);
  });
});

describe('overall and the verdict at their boundaries', () => {
  const compiled = compileYaml(`
id: boundaries
title: Boundaries
customer: { name: Ann, mood: 50 }
start: ask
nodes:
  ask:
    customer: Hello.
    replies:
      - { say: Yes., tact: 2, goto: done }
      - { say: No., tact: 0, goto: done }
      - { say: Maybe., tact: 1, goto: done }
endings:
  done: { outcome: neutral }
`);
  const withScoring = (scoring: Partial<Scenario['scoring']>): Scenario => ({
    ...compiled.scenario,
    scoring: { ...compiled.scenario.scoring, ...scoring },
  });
  const middle = decision({ tact: 1, offeredTacts: [2, 0, 1], replyIndex: 3, reply: 3 });

  it('passes a play whose overall equals the pass mark exactly', () => {
    const scenario = withScoring({ weights: { tact: 1 }, passMark: 50 });
    const r = scoreConversation({ scenario, dimensionRanges: {}, decisions: [middle], outcome: 'neutral', mood: 50 });
    expect(r.scores.overall).toBe(50);
    expect(r.passed).toBe(true);
    const stricter = scoreConversation({ scenario: withScoring({ weights: { tact: 1 }, passMark: 51 }), dimensionRanges: {}, decisions: [middle], outcome: 'neutral', mood: 50 });
    expect(stricter.passed).toBe(false);
  });

  it('is 0 (not NaN) when no weighted score is scored', () => {
    // Only speed carries weight, and an untimed play has no speed score.
    const scenario = withScoring({ weights: { speed: 1, tact: 0 }, passMark: 0 });
    const r = scoreConversation({ scenario, dimensionRanges: {}, decisions: [middle], outcome: 'neutral', mood: 50 });
    expect(r.scores.speed).toBeNull();
    expect(r.scores.overall).toBe(0);
    expect(r.passed).toBe(true);
  });

  it('ignores a weight that names no score instead of turning overall into NaN', () => {
    const scenario = withScoring({ weights: { tact: 1, satisfaction: 1, empathy: 3 }, passMark: 60 });
    const r = scoreConversation({ scenario, dimensionRanges: {}, decisions: [middle], outcome: 'neutral', mood: 60 });
    // (1·50 + 1·60) / 2 = 55; "empathy" is not a scored dimension.
    expect(r.scores).toEqual({ tact: 50, speed: null, satisfaction: 60, overall: 55 });
    expect(r.passed).toBe(false);
  });
});
