import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditScenario, auditScenarios, DEFAULT_THRESHOLDS, lengthBias, NAIVE_STRATEGIES, playStrategy } from '../../../src/audit/index.ts';
import { parseChoices, playChoices } from '../../../src/engine/index.ts';
import type { CompiledScenario } from '../../../src/engine/index.ts';
import { catalogue, compileYaml } from '../helpers.ts';

const fixture = (path: string): CompiledScenario => compileYaml(readFileSync(`tests/fixtures/audit/${path}`, 'utf8'), `tests/fixtures/audit/${path}`);
const honest = fixture('clean/honest-refund.yaml');
const firstBiased = fixture('findings/best-always-first.yaml');
const giveInPays = fixture('findings/give-in-pays.yaml');
const kinds = (audit: { findings: { kind: string; message: string }[] }): string[] => audit.findings.map((f) => f.kind);
const strategy = (id: string) => NAIVE_STRATEGIES.find((s) => s.id === id)!;

describe('tactful audit', () => {
  it('finds nothing in a scenario no rule of thumb can pass', () => {
    const audit = auditScenario(honest, catalogue);
    expect(audit.findings).toEqual([]);
    expect(audit.routes.passingRoutes).toBeGreaterThan(0);
    expect(audit.routes.passingRoutes).toBeLessThan(audit.routes.routes);
    expect(audit.random.passRate).toBeLessThan(DEFAULT_THRESHOLDS.randomPass);
  });

  it('finds that "always press 1" and "pick the longest" pass when the best reply is first and longest', () => {
    const audit = auditScenario(firstBiased, catalogue);
    const naive = audit.findings.filter((f) => f.kind === 'naive-strategy').map((f) => f.message);
    expect(naive.some((m) => m.includes('always the first reply'))).toBe(true);
    expect(naive.some((m) => m.includes('always the longest reply'))).toBe(true);
    expect(naive.some((m) => m.includes('always the last reply'))).toBe(false);
    expect(kinds(audit)).toContain('length-bias');
    expect(audit.lengthBias).toEqual({ decisions: 2, longestIsBest: 2, shortestIsWorst: 2 });
  });

  it('finds a give-in route that out-scores the best clean route, with both routes to replay', () => {
    const audit = auditScenario(giveInPays, catalogue);
    const ranking = audit.findings.find((f) => f.kind === 'ranking')!;
    expect(ranking.message).toContain('give-in');
    const { bestPoor, bestClean } = audit.routes;
    expect(bestPoor!.overall).toBeGreaterThanOrEqual(bestClean!.overall);
    // The routes it names replay to the scores it reports.
    for (const route of [bestPoor!, bestClean!]) {
      expect(ranking.message).toContain(`--choose ${route.choices}`);
      const steps = parseChoices(route.choices);
      const played = 'steps' in steps ? playChoices(giveInPays, steps.steps) : undefined;
      expect(played && 'result' in played && played.result.scores.overall).toBe(route.overall);
    }
  });

  it('finds a give-in that out-scores the weakest route that stays in policy, even when it is below the best', () => {
    const retracted = fixture('findings/retracted-give-in.yaml');
    const audit = auditScenario(retracted, catalogue);
    const { bestGiveIn, worstClean, bestClean } = audit.routes;
    expect(bestGiveIn!.overall).toBeLessThan(bestClean!.overall);
    expect(bestGiveIn!.overall).toBeGreaterThanOrEqual(worstClean!.overall);
    const ranking = audit.findings.filter((f) => f.kind === 'ranking').map((f) => f.message);
    expect(ranking).toEqual([
      `a route that gives in scores ${bestGiveIn!.overall} (--choose ${bestGiveIn!.choices}), at least as much as the weakest route that stays in policy with no poor move, ${worstClean!.overall} (--choose ${worstClean!.choices}); giving in, even if taken back, must cost more than it gains`,
    ]);
  });

  it('finds a scenario every route passes, and one no route passes', () => {
    const easy = compileYaml(`
id: easy
title: Easy
customer: { name: Al, mood: 90 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Hello., tact: 1, goto: done }
      - { say: Hi there., tact: 1, goto: done }
endings:
  done: { customer: Bye., outcome: satisfied }
`);
    expect(auditScenario(easy, catalogue).findings.find((f) => f.kind === 'spread')!.message).toMatch(/^every route passes/);
    const hard = compileYaml(`
id: hard
title: Hard
customer: { name: Al, mood: 0 }
scoring: { passMark: 100 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Hello., tact: 1, goto: done }
      - { say: Hi there., tact: 0, goto: done }
endings:
  done: { customer: Bye., outcome: lost }
`);
    expect(auditScenario(hard, catalogue).findings.find((f) => f.kind === 'spread')!.message).toMatch(/^no route passes/);
  });

  it('counts a critical mistake as a poor move in ranking', () => {
    const critical = compileYaml(`
id: critical-ranking
title: Critical ranking
customer: { name: Al, mood: 40 }
start: a
nodes:
  a:
    customer: Just give me the pills.
    replies:
      - { say: I can't without the prescription; I'll ring the surgery now., tact: 2, mood: 10, goto: done }
      - { say: Here you go., tact: 2, mood: 60, critical: true, goto: done }
      - { say: No., tact: -2, mood: -10, goto: done }
endings:
  done: { customer: Okay., outcome: satisfied }
`);
    const audit = auditScenario(critical, catalogue);
    expect(audit.routes.bestPoor!.poor).toEqual(['critical mistake']);
    expect(audit.routes.bestPoor!.passed).toBe(false);
    expect(kinds(audit)).toContain('ranking');
  });

  it('plays each rule of thumb through the engine, the same way every time for a seed', () => {
    expect(playStrategy(honest, strategy('first'), 40, 1)).toMatchObject({ runs: 1, passRate: 0 });
    const a = playStrategy(honest, strategy('question'), 30, 5);
    const b = playStrategy(honest, strategy('question'), 30, 5);
    expect(a).toEqual(b);
    expect(a.runs).toBe(30);
  });

  it('adds library-wide findings when several scenarios are audited together', () => {
    const report = auditScenarios([honest, firstBiased, giveInPays], catalogue);
    const library = report.findings.filter((f) => f.scenario === null);
    expect(library.some((f) => f.message.startsWith('"first" passes 2 of 3 scenarios'))).toBe(true);
    expect(report.library.lengthBias.decisions).toBe(8);
    expect(report.findings.filter((f) => f.scenario === 'honest-refund')).toEqual([]);
  });

  it('reads thresholds: a looser one turns a finding off', () => {
    const loose = { ...DEFAULT_THRESHOLDS, lengthBias: 1 };
    expect(kinds(auditScenario(firstBiased, catalogue, loose))).not.toContain('length-bias');
  });

  it('measures length bias over decisions whose replies differ in tact', () => {
    expect(lengthBias(honest.scenario)).toEqual({ decisions: 4, longestIsBest: 1, shortestIsWorst: 1 });
  });
});
