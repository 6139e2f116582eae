import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditScenario, DEFAULT_THRESHOLDS, NAIVE_STRATEGIES, NO_FINDINGS, type ScenarioAudit } from '../../../src/audit/index.ts';
import { auditText } from '../../../src/cli/audit-text.ts';
import { enumeratePaths, loadScenario, type CompiledScenario } from '../../../src/engine/index.ts';
import { buildCatalogue } from '../../../src/scenario/index.ts';
import { auditedAt, auditSummary, lintErrorsText } from '../../../src/studio/audit/audit-summary.ts';
import { endingSpread } from '../../../src/studio/audit/ending-spread.ts';
import { twoRepliesEach } from '../../fixtures/studio/two-replies-each.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
// The shipped catalogue, as the studio's worker and the CLI use it.
const { catalogue } = buildCatalogue(readFileSync(join(ROOT, 'scenarios', 'techniques.yaml'), 'utf8'));
const TEMPLATE = twoRepliesEach('late-parcel');

function compiled(text: string): CompiledScenario {
  const loaded = loadScenario('scenarios/late-parcel.yaml', text, catalogue);
  if (!loaded.compiled) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.compiled;
}

/** The panel's summary of a text, through the real audit (what the studio's worker runs). */
function summaryOf(text: string): { audit: ScenarioAudit; summary: ReturnType<typeof auditSummary> } {
  const c = compiled(text);
  const audit = auditScenario(c, catalogue);
  return { audit, summary: auditSummary(audit, endingSpread(c, DEFAULT_THRESHOLDS.routeLimit), DEFAULT_THRESHOLDS) };
}

describe('the Audit panel summary', () => {
  it('lists every rule of thumb, then random play, with the figures the audit measured', () => {
    const { audit, summary } = summaryOf(TEMPLATE);
    expect(summary.strategies).toHaveLength(NAIVE_STRATEGIES.length + 1);
    expect(summary.strategies[0]).toMatchObject({ rule: 'Always the first reply in the file', plays: '1', meanOverall: String(audit.strategies[0]!.meanOverall) });
    const random = summary.strategies.at(-1)!;
    expect(random).toMatchObject({ rule: 'A reply at random', plays: String(DEFAULT_THRESHOLDS.randomRuns), meanOverall: String(audit.random.meanOverall) });
    expect(random.passes).toBe(`${Math.round(audit.random.passRate * 100)}%`);
    // A rule played once passes or fails; a randomised one passes a share of its plays.
    for (const [i, o] of audit.strategies.entries()) {
      expect(summary.strategies[i]!.passes).toBe(o.runs === 1 ? (o.passRate > 0 ? 'PASS' : 'fail') : `${Math.round(o.passRate * 100)}%`);
    }
  });

  it('flags exactly the rows behind a finding, and states each finding with its kind in words', () => {
    const { audit, summary } = summaryOf(TEMPLATE);
    // The template is short: always choosing the first (or the longest) reply wins it.
    const naive = audit.findings.filter((f) => f.kind === 'naive-strategy').length;
    expect(naive).toBeGreaterThan(0);
    expect(summary.strategies.filter((r) => r.finding && r.rule !== 'A reply at random')).toHaveLength(naive);
    expect(summary.strategies.find((r) => r.rule === 'Always the first reply in the file')).toMatchObject({ passes: 'PASS', finding: true });
    expect(summary.findings).toEqual(audit.findings.map((f) => expect.stringContaining(f.message) as string));
    expect(summary.findings[0]).toMatch(/^Rule of thumb: choosing always the first reply in the file passes/);
    expect(summary.verdict).toBe(`${audit.findings.length} findings: fix them before a cohort plays this scenario.`);
  });

  it('says "No findings" in the CLI\'s words for a scenario the audit passes', () => {
    const file = 'scenarios/worn-once.yaml';
    const c = loadScenario(file, readFileSync(join(ROOT, file), 'utf8'), catalogue).compiled!;
    const audit = auditScenario(c, catalogue);
    expect(audit.findings).toEqual([]);
    const summary = auditSummary(audit, endingSpread(c, DEFAULT_THRESHOLDS.routeLimit), DEFAULT_THRESHOLDS);
    expect(summary.verdict).toBe(NO_FINDINGS);
    expect(auditText({ thresholds: DEFAULT_THRESHOLDS, scenarios: [audit], library: { strategies: [], random: { passRate: 0, meanOverall: 0 }, lengthBias: audit.lengthBias }, findings: [] })).toContain(NO_FINDINGS);
    expect(summary.strategies.some((r) => r.finding)).toBe(false);
  });

  it('shows the routes ranking sanity compares, as reply numbers, with the check on the poor route', () => {
    const { audit, summary } = summaryOf(TEMPLATE);
    const best = summary.routes.find((r) => r.route === 'Best route')!;
    expect(best).toMatchObject({ overall: String(audit.routes.best!.overall), ending: audit.routes.best!.ending, replies: audit.routes.best!.choices.replace(/,/g, ', ') });
    const poor = summary.routes.find((r) => r.route.startsWith('Best route with a poor move'))!;
    expect(poor.route).toBe('Best route with a poor move (dismiss)');
    expect(poor.check).toBe(`Below the best route without a poor move (${audit.routes.bestClean!.overall}), as it should be`);
    expect(poor.finding).toBe(false);
    // The template has no give-in reply.
    expect(summary.routes.find((r) => r.route === 'Best route that gives in')).toMatchObject({ overall: '—', check: 'No such route' });
    expect(summary.routesNote).toBe(`${audit.routes.routes} routes of replies walked (file order, at once, each node at most once, no timeouts): ${audit.routes.passingRoutes} passes; overall from ${audit.routes.worst!.overall} to ${audit.routes.best!.overall}.`);
  });

  it('flags the ranking check when a poor move scores as well as clean play', () => {
    // Dismissing the customer now pleases them as much as owning the problem: the scores no longer rank the routes.
    const text = TEMPLATE.replace('tact: -2\n        mood: -15', 'tact: 2\n        mood: +10');
    const { audit, summary } = summaryOf(text);
    expect(audit.findings.map((f) => f.kind)).toContain('ranking');
    const poor = summary.routes.find((r) => r.route.startsWith('Best route with a poor move'))!;
    expect(poor.finding).toBe(true);
    expect(poor.check).toBe(`Not below the best route without a poor move (${audit.routes.bestClean!.overall})`);
    expect(summary.findings.some((f) => f.startsWith('Ranking: a route with dismiss scores'))).toBe(true);
  });

  it('gives the length bias as counts of decisions and shares', () => {
    const { audit, summary } = summaryOf(TEMPLATE);
    const { decisions, longestIsBest } = audit.lengthBias;
    expect(summary.lengthBias[0]).toMatchObject({ measure: 'The longest reply is a best reply', decisions: `${longestIsBest} of ${decisions}`, share: `${Math.round((longestIsBest / decisions) * 100)}%` });
    expect(summary.lengthBiasNote).toBe(`Over the ${decisions} decisions whose replies differ in tact; at most 45% allowed.`);
  });

  it('gives the same score spread per ending as `tactful paths` on a scenario without timers', () => {
    const c = compiled(TEMPLATE);
    const paths = enumeratePaths(c);
    const spread = endingSpread(c, DEFAULT_THRESHOLDS.routeLimit);
    expect(spread.map((e) => ({ ending: e.ending, outcome: e.outcome, paths: e.routes, overall: e.overall }))).toEqual(paths.endings.map(({ ending, outcome, paths: n, overall }) => ({ ending, outcome, paths: n, overall })));
    const summary = auditSummary(auditScenario(c, catalogue), spread, DEFAULT_THRESHOLDS);
    expect(summary.endings.map((e) => [e.ending, e.min, e.max])).toEqual(paths.endings.map((e) => [e.ending, String(e.overall!.min), String(e.overall!.max)]));
  });

  it('marks an ending no route of replies reaches', () => {
    const text = TEMPLATE.replace('endings:', 'endings:\n  never:\n    customer: Nobody ends here.\n    outcome: lost');
    const c = compiled(text);
    const summary = auditSummary(auditScenario(c, catalogue), endingSpread(c, DEFAULT_THRESHOLDS.routeLimit), DEFAULT_THRESHOLDS);
    expect(summary.endings.find((e) => e.ending === 'never')).toEqual({ ending: 'never', outcome: 'lost', routes: '0', min: '—', max: '—', passing: 'Not reached by a route of replies' });
  });

  it('says when the audit ran and how long it took, in ms under a second', () => {
    expect(auditedAt('10:32:05', 420.4)).toBe('Audited at 10:32:05 in 420 ms.');
    expect(auditedAt('10:32:05', 2345)).toBe('Audited at 10:32:05 in 2.3 s.');
  });

  it('asks for the lint errors to be fixed first, with their count', () => {
    expect(lintErrorsText(2)).toBe('Fix the errors in Problems first: the audit needs a file that passes tactful lint (this one has 2 errors).');
    expect(lintErrorsText(1)).toBe('Fix the errors in Problems first: the audit needs a file that passes tactful lint (this one has 1 error).');
  });
});
