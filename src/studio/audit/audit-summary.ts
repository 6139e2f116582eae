// Straight from the files, not src/audit/index.ts: the page needs the wording and labels, not the engine (nor zod, whose eval probe the page's CSP reports).
import type { Finding, ScenarioAudit } from '../../audit/audit.ts';
import { findingsCount, NO_FINDINGS, passText, percent, thresholdsText } from '../../audit/audit-wording.ts';
import { share } from '../../audit/length-bias.ts';
import type { StrategyOutcome } from '../../audit/play-strategy.ts';
import type { RouteSummary } from '../../audit/ranking.ts';
import { NAIVE_STRATEGIES, RANDOM_STRATEGY } from '../../audit/strategies.ts';
import type { AuditThresholds } from '../../audit/thresholds.ts';
import type { EndingSpread } from './ending-spread.ts';

/** One row of the rules-of-thumb table. */
export interface StrategyRow {
  /** The rule in a trainer's words ("Always the first reply in the file"). */
  rule: string;
  plays: string;
  /** "PASS" / "fail" for a rule played once, the share of plays that passed otherwise. */
  passes: string;
  meanOverall: string;
  /** True when this row is behind a finding. */
  finding: boolean;
}

/** One row of the length-bias table. */
export interface LengthBiasRow {
  measure: string;
  decisions: string;
  share: string;
  finding: boolean;
}

/** One row of the ranking-sanity table: a route the audit names, and what it is checked against. */
export interface RouteRow {
  route: string;
  overall: string;
  ending: string;
  passes: string;
  /** The route as reply numbers, one per decision ("1, 2"): `tactful play FILE --choose 1,2` replays it. */
  replies: string;
  /** The ranking check on this route, in words ("" when it is not checked). */
  check: string;
  finding: boolean;
}

/** One row of the score spread per ending. */
export interface EndingRow {
  ending: string;
  outcome: string;
  routes: string;
  min: string;
  max: string;
  passing: string;
}

/** What the Audit panel shows for one audit: the facts of `tactful audit` for one scenario, as text. */
export interface AuditSummary {
  /** "No findings: …" or "3 findings". */
  verdict: string;
  /** Each finding as "Kind: message". */
  findings: string[];
  strategies: StrategyRow[];
  /** How many plays the randomised rules got, for the table's caption. */
  strategiesNote: string;
  lengthBias: LengthBiasRow[];
  lengthBiasNote: string;
  routes: RouteRow[];
  routesNote: string;
  endings: EndingRow[];
  thresholds: string;
}

/** Each kind of finding in a trainer's words. */
const KIND_WORDS: Record<Finding['kind'], string> = {
  'naive-strategy': 'Rule of thumb',
  'random-play': 'Random play',
  'length-bias': 'Length bias',
  ranking: 'Ranking',
  spread: 'Spread',
};

const DASH = '—';
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The audit of one scenario as the panel presents it: the verdict and each
 * finding (the CLI's messages), the rules of thumb with random play, length
 * bias, the routes ranking sanity compares, and the score spread per ending.
 * Figures are formatted as `tactful audit` prints them.
 */
export function auditSummary(audit: ScenarioAudit, endings: readonly EndingSpread[], thresholds: AuditThresholds): AuditSummary {
  const count = audit.findings.length;
  return {
    verdict: count === 0 ? NO_FINDINGS : `${findingsCount(count)}: fix ${count === 1 ? 'it' : 'them'} before a cohort plays this scenario.`,
    findings: audit.findings.map((f) => `${KIND_WORDS[f.kind]}: ${f.message}`),
    strategies: strategyRows(audit, thresholds),
    strategiesNote: `Each rule answers at once, so it always gets full speed marks. Random play: ${thresholds.randomRuns} plays; other randomised rules: ${thresholds.runs}.`,
    lengthBias: lengthBiasRows(audit, thresholds),
    lengthBiasNote:
      audit.lengthBias.decisions === 0
        ? 'No decision has replies of different tact, so length cannot give the answer away.'
        : `Over the ${plural(audit.lengthBias.decisions, 'decision')} whose replies differ in tact; at most ${percent(thresholds.lengthBias)} allowed.`,
    routes: routeRows(audit),
    routesNote: routesNote(audit, thresholds),
    endings: endings.map(endingRow),
    thresholds: thresholdsText(thresholds).join(' '),
  };
}

function strategyRows(audit: ScenarioAudit, t: AuditThresholds): StrategyRow[] {
  const row = (label: string, o: StrategyOutcome, finding: boolean): StrategyRow => ({
    rule: capital(label),
    plays: String(o.runs),
    passes: passText(o),
    meanOverall: String(o.meanOverall),
    finding,
  });
  const rows = audit.strategies.map((o) => row(NAIVE_STRATEGIES.find((s) => s.id === o.strategy)?.label ?? o.strategy, o, o.passRate > t.naivePass));
  rows.push(row(RANDOM_STRATEGY.label, audit.random, audit.random.passRate > t.randomPass || audit.random.meanOverall >= t.randomMean));
  return rows;
}

function lengthBiasRows(audit: ScenarioAudit, t: AuditThresholds): LengthBiasRow[] {
  const { decisions, longestIsBest, shortestIsWorst } = audit.lengthBias;
  if (decisions === 0) return [];
  const row = (measure: string, n: number): LengthBiasRow => ({
    measure,
    decisions: `${n} of ${decisions}`,
    share: percent(share(n, decisions)),
    finding: share(n, decisions) > t.lengthBias,
  });
  return [row('The longest reply is a best reply', longestIsBest), row('The shortest reply is a worst reply', shortestIsWorst)];
}

function routeRows(audit: ScenarioAudit): RouteRow[] {
  const { best, worst, bestClean, bestPoor, worstClean, bestGiveIn } = audit.routes;
  const row = (label: string, route: RouteSummary | null, check = '', finding = false): RouteRow =>
    route
      ? { route: label, overall: String(route.overall), ending: route.ending, passes: route.passed ? 'yes' : 'no', replies: route.choices.split(',').join(', '), check, finding }
      : { route: label, overall: DASH, ending: DASH, passes: DASH, replies: DASH, check: check || 'No such route', finding: false };
  // The two ranking checks of `tactful audit`: a poor move, and giving in, must cost more than they gain.
  const below = (route: RouteSummary | null, than: RouteSummary | null, what: string): [string, boolean] => {
    if (!route) return ['No such route', false];
    if (!than) return ['', false];
    return route.overall < than.overall ? [`Below the ${what} (${than.overall}), as it should be`, false] : [`Not below the ${what} (${than.overall})`, true];
  };
  const [poorCheck, poorFinding] = below(bestPoor, bestClean, 'best route without a poor move');
  const [giveInCheck, giveInFinding] = below(bestGiveIn, worstClean, 'weakest route that stays in policy');
  const poorWith = bestPoor && bestPoor.poor.length > 0 ? ` (${bestPoor.poor.join(', ')})` : '';
  return [
    row('Best route', best),
    row('Worst route', worst),
    row('Best route without a poor move', bestClean),
    row(`Best route with a poor move${poorWith}`, bestPoor, poorCheck, poorFinding),
    row('Weakest route that stays in policy', worstClean),
    row('Best route that gives in', bestGiveIn, giveInCheck, giveInFinding),
  ];
}

function routesNote(audit: ScenarioAudit, t: AuditThresholds): string {
  const { routes, complete, passingRoutes, best, worst } = audit.routes;
  const walked = complete ? `${plural(routes, 'route')} of replies walked` : `Only the first ${routes} routes of replies walked`;
  const passing = `${passingRoutes} ${passingRoutes === 1 ? 'passes' : 'pass'}`;
  const spread = best && worst ? `; overall from ${worst.overall} to ${best.overall}` : '';
  const more = complete ? '' : ` (the CLI walks more with --threshold route-limit=N; now ${t.routeLimit})`;
  return `${walked} (file order, at once, each node at most once, no timeouts)${more}: ${passing}${spread}.`;
}

function endingRow(e: EndingSpread): EndingRow {
  return {
    ending: e.ending,
    outcome: e.outcome,
    routes: String(e.routes),
    min: e.overall ? String(e.overall.min) : DASH,
    max: e.overall ? String(e.overall.max) : DASH,
    passing: e.routes === 0 ? 'Not reached by a route of replies' : `${e.passing} of ${e.routes}`,
  };
}

/** When the audit ran and how long it took: "Audited at 10:32:05 in 420 ms." */
export function auditedAt(clock: string, ms: number): string {
  return `Audited at ${clock} in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}.`;
}

/** The panel's message for a file with lint errors (the CLI does not audit one either). */
export function lintErrorsText(errors: number): string {
  const count = errors > 0 ? ` (this one has ${plural(errors, 'error')})` : '';
  return `Fix the errors in Problems first: the audit needs a file that passes tactful lint${count}.`;
}
