import { describe, expect, it } from 'vitest';
import { decisionSpeed, decisionTact, playChoices, satisfactionScore, scoreConversation } from '../../../src/engine/index.ts';
import type { Decision } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

const decision = (over: Partial<Decision>): Decision => ({
  node: 'n', reply: 1, replyIndex: 1, timedOut: false, tact: 0, offeredTacts: [0], offered: [1], shown: [1], critical: false, techniques: [], ms: 0,
  limitMs: null, allowanceMs: 2000, moodBefore: 50, moodAfter: 50, score: {}, at: 0, ...over,
});

describe('tact', () => {
  it('is the chosen reply relative to the worst and best offered', () => {
    expect(decisionTact(decision({ tact: 1, offeredTacts: [2, -3, 1] }))).toBeCloseTo(4 / 5);
    expect(decisionTact(decision({ tact: 2, offeredTacts: [2, -3, 0] }))).toBe(1);
    expect(decisionTact(decision({ tact: -3, offeredTacts: [2, -3, 0] }))).toBe(0);
  });
  it('is 1 when every offered reply has the same tact', () => {
    expect(decisionTact(decision({ tact: -2, offeredTacts: [-2, -2] }))).toBe(1);
    expect(decisionTact(decision({ tact: 1, offeredTacts: [1] }))).toBe(1);
  });
  it('is 0 for a timeout', () => {
    expect(decisionTact(decision({ timedOut: true, reply: null, tact: 0, offeredTacts: [0, -1] }))).toBe(0);
  });
});

describe('speed', () => {
  // Allowance 4.4 s (10 words at 250 wpm + 2 s), limit 10 s.
  const timed = { allowanceMs: 4400, limitMs: 10_000 };
  it('is full within the reading allowance', () => {
    expect(decisionSpeed(decision({ ...timed, ms: 0 }))).toBe(1);
    expect(decisionSpeed(decision({ ...timed, ms: 4400 }))).toBe(1);
  });
  it('falls linearly to 0 at the time limit', () => {
    expect(decisionSpeed(decision({ ...timed, ms: 7200 }))).toBeCloseTo(0.5);
    expect(decisionSpeed(decision({ ...timed, ms: 8600 }))).toBeCloseTo(0.25);
    expect(decisionSpeed(decision({ ...timed, ms: 10_000 }))).toBe(0);
  });
  it('is 0 for a timeout', () => {
    expect(decisionSpeed(decision({ ...timed, timedOut: true, ms: 10_000 }))).toBe(0);
  });
  it('does not count untimed decisions', () => {
    expect(decisionSpeed(decision({ limitMs: null, ms: 99_000 }))).toBeNull();
  });
  it('stays full until the limit when the allowance is longer than the limit', () => {
    expect(decisionSpeed(decision({ allowanceMs: 12_000, limitMs: 10_000, ms: 9_000 }))).toBe(1);
  });
});

describe('satisfaction', () => {
  it('clamps the final mood into the outcome band', () => {
    expect(satisfactionScore('satisfied', 50)).toBe(70);
    expect(satisfactionScore('satisfied', 95)).toBe(95);
    expect(satisfactionScore('neutral', 90)).toBe(69);
    expect(satisfactionScore('neutral', 10)).toBe(40);
    expect(satisfactionScore('dissatisfied', 80)).toBe(39);
    expect(satisfactionScore('dissatisfied', 5)).toBe(20);
    expect(satisfactionScore('escalated', 60)).toBe(19);
    expect(satisfactionScore('lost', 3)).toBe(3);
  });
});

/** Customer line 5 words, replies 2 + 3 words: allowance 10/250 min + 2 s = 4.4 s. */
const timedScenario = `
id: timed
title: Timed
customer: { name: Ann, mood: 50, patience: 10s }
scoring:
  weights: { tact: 0.5, speed: 0.25, satisfaction: 0.25, policy: 0 }
  dimensions: { policy: { label: Policy } }
start: ask
nodes:
  ask:
    customer: one two three four five
    replies:
      - { say: good reply, tact: 3, mood: 10, score: { policy: 2 }, goto: next }
      - { say: poor reply here, tact: -1, mood: -30, score: { policy: -1 }, goto: next }
  next:
    customer: six seven eight nine ten
    replies:
      - { say: good reply, tact: 1, mood: 5, goto: happy }
      - { say: poor reply here, tact: 0, score: { policy: 1 }, goto: cross }
endings:
  happy: { customer: Thanks., outcome: satisfied }
  cross: { customer: Hmph., outcome: dissatisfied }
`;

describe('a whole conversation', () => {
  const compiled = compileYaml(timedScenario);
  const play = (spec: string, timers: 'standard' | '1.5x' | '2x' | 'off' = 'standard') => {
    const steps = spec.split(',').map((s) => (s === 't' ? { kind: 'timeout' as const } : { kind: 'reply' as const, number: Number(s.split('@')[0]), afterMs: Math.round(Number(s.split('@')[1] ?? 0) * 1000) }));
    const played = playChoices(compiled, steps, timers);
    if ('error' in played) throw new Error(played.error.message);
    return played.result;
  };

  it('scores all best replies at once as 100 tact and 100 speed', () => {
    const r = play('1,1');
    // mood 50 +10 +5 = 65, satisfied → clamped up to 70; policy sum 2 in range -1..3 → 75.
    expect(r.scores).toEqual({ tact: 100, speed: 100, satisfaction: 70, overall: 93, policy: 75 });
    // overall = (0.5·100 + 0.25·100 + 0.25·70) / 1 = 92.5 → 93 (policy has weight 0: not counted)
    expect(r.passed).toBe(true);
  });

  it('scores all worst replies as 0 tact', () => {
    const r = play('2,2');
    // mood 50 −30 = 20, dissatisfied band 20..39 → 20; policy 0 in −1..3 → 25.
    expect(r.scores).toEqual({ tact: 0, speed: 100, satisfaction: 20, overall: 30, policy: 25 });
    expect(r.passed).toBe(false);
  });

  it('falls speed linearly after the reading allowance', () => {
    // Both decisions answered after 7.2 s: 1 − (7.2 − 4.4)/(10 − 4.4) = 0.5 each.
    const r = play('1@7.2,1@7.2');
    expect(r.scores.speed).toBe(50);
    expect(r.decisions.map((d) => d.ms)).toEqual([7200, 7200]);
    // overall = 0.5·100 + 0.25·50 + 0.25·70 = 80
    expect(r.scores.overall).toBe(80);
  });

  it('stretches the time limit with the 2× setting but not the allowance', () => {
    // limit 20 s: 1 − (12.2 − 4.4)/(20 − 4.4) = 0.5
    expect(play('1@12.2,1@12.2', '2x').scores.speed).toBe(50);
    // limit 15 s: 1 − (9.7 − 4.4)/(15 − 4.4) = 0.5
    expect(play('1@9.7,1@9.7', '1.5x').scores.speed).toBe(50);
  });

  it('counts a timeout as tact 0 and speed 0', () => {
    // Timeout at ask (default: mood −10, ask again), then best, best.
    const r = play('t,1,1');
    expect(r.decisions[0]).toMatchObject({ timedOut: true, reply: null, ms: 10_000 });
    // tact: (0 + 1 + 1)/3 = 66.7 → 67; speed (0 + 1 + 1)/3 → 67
    expect(r.scores.tact).toBe(67);
    expect(r.scores.speed).toBe(67);
    expect(r.mood).toBe(55);
  });

  it('does not score speed with timers off and shares its weight out', () => {
    const r = play('1@60,1@60', 'off');
    expect(r.scores.speed).toBeNull();
    expect(r.timersOn).toBe(false);
    // overall = (0.5·100 + 0.25·70) / 0.75 = 90
    expect(r.scores.overall).toBe(90);
  });
});

describe('weights and extra dimensions', () => {
  const base = (weights: string) => compileYaml(`
id: weights
title: Weights
customer: { name: Ann, mood: 80 }
scoring:
  weights: ${weights}
  passMark: 60
  dimensions: { policy: { label: Stays within policy } }
start: ask
nodes:
  ask:
    customer: Hello.
    replies:
      - { say: Yes., tact: 2, score: { policy: -2 }, goto: done }
      - { say: No., tact: 0, score: { policy: 2 }, goto: done }
      - { say: Maybe., tact: 1, goto: done }
endings:
  done: { outcome: satisfied }
`);

  it('normalises weights that do not sum to 1', () => {
    // tact 100, speed not scored (untimed), satisfaction 80, policy: −2 in −2..2 → 0
    const compiled = base('{ tact: 2, satisfaction: 2, policy: 1 }');
    const r = playChoices(compiled, [{ kind: 'reply', number: 1, afterMs: 0 }]);
    if ('error' in r) throw new Error(r.error.message);
    expect(r.result.scores).toMatchObject({ tact: 100, speed: null, satisfaction: 80, policy: 0 });
    // (2·100 + 2·80 + 1·0) / 5 = 72
    expect(r.result.scores.overall).toBe(72);
    expect(r.result.passed).toBe(true);
  });

  it('rescales an extra dimension over the reachable minimum and maximum', () => {
    const compiled = base('{ tact: 1, policy: 1 }');
    const r = playChoices(compiled, [{ kind: 'reply', number: 3, afterMs: 0 }]);
    if ('error' in r) throw new Error(r.error.message);
    // policy 0 in −2..2 → 50; tact (1 − 0)/(2 − 0) = 50
    expect(r.result.scores.policy).toBe(50);
    expect(r.result.scores.overall).toBe(50);
    expect(r.result.passed).toBe(false);
  });

  it('uses the pass mark: overall ≥ passMark passes', () => {
    const compiled = base('{ tact: 1 }');
    const pass = playChoices(compiled, [{ kind: 'reply', number: 3, afterMs: 0 }]);
    if ('error' in pass) throw new Error(pass.error.message);
    expect(pass.result.scores.overall).toBe(50);
    expect(pass.result.passed).toBe(false);
    const best = playChoices(compiled, [{ kind: 'reply', number: 1, afterMs: 0 }]);
    if ('error' in best) throw new Error(best.error.message);
    expect(best.result.scores.overall).toBe(100);
    expect(best.result.passed).toBe(true);
  });
});

describe('scoreConversation', () => {
  it('scores a conversation with no decision on satisfaction alone', () => {
    const compiled = compileYaml(`
id: nothing
title: Nothing to decide
customer: { name: Ann, mood: 75 }
start: done
nodes:
  unused:
    customer: Never said.
    replies: [{ say: Ok., goto: done }]
endings:
  done: { outcome: satisfied }
`);
    const { scores } = scoreConversation({ scenario: compiled.scenario, dimensionRanges: {}, decisions: [], outcome: 'satisfied', mood: 75 });
    expect(scores).toEqual({ tact: null, speed: null, satisfaction: 75, overall: 75 });
  });
});
