import type { TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario } from '../engine/index.ts';
import { lengthBias, share, totalBias, type LengthBias } from './length-bias.ts';
import { playStrategy, type StrategyOutcome } from './play-strategy.ts';
import { checkRoutes, type RouteCheck } from './ranking.ts';
import { NAIVE_STRATEGIES, RANDOM_STRATEGY } from './strategies.ts';
import { DEFAULT_THRESHOLDS, type AuditThresholds } from './thresholds.ts';

/** One thing the audit would fix before showing the scenario to a cohort. */
export interface Finding {
  /** The scenario id, or null for a finding about the files taken together. */
  scenario: string | null;
  kind: 'naive-strategy' | 'random-play' | 'length-bias' | 'ranking' | 'spread';
  message: string;
}

/** Everything the audit learnt about one scenario. */
export interface ScenarioAudit {
  scenario: string;
  file: string;
  title: string;
  strategies: StrategyOutcome[];
  random: StrategyOutcome;
  lengthBias: LengthBias;
  routes: RouteCheck;
  findings: Finding[];
}

/** The audit of several scenarios (a folder, the library). */
export interface AuditReport {
  thresholds: AuditThresholds;
  scenarios: ScenarioAudit[];
  /** Across all scenarios: per rule, the share of scenarios it passes more often than allowed, and its mean pass rate. */
  library: {
    strategies: { strategy: string; scenariosPassed: number; passRate: number; meanOverall: number }[];
    random: { passRate: number; meanOverall: number };
    lengthBias: LengthBias;
  };
  /** Every finding, per scenario first, then the library's. */
  findings: Finding[];
}

const percent = (n: number): string => `${Math.round(n * 100)}%`;

/**
 * Audits one scenario: can it be beaten without skill, and do its scores
 * rank conversations the way a trainer would? Runs in-process on the
 * engine; deterministic for a given seed.
 *
 * @example auditScenario(compiled, catalogue).findings.length === 0
 */
export function auditScenario(compiled: CompiledScenario, catalogue: TechniqueCatalogue, thresholds: AuditThresholds = DEFAULT_THRESHOLDS): ScenarioAudit {
  const { scenario } = compiled;
  const id = scenario.id;
  const strategies = NAIVE_STRATEGIES.map((s) => playStrategy(compiled, s, thresholds.runs, thresholds.seed));
  const random = playStrategy(compiled, RANDOM_STRATEGY, thresholds.randomRuns, thresholds.seed);
  const bias = lengthBias(scenario);
  const routes = checkRoutes(compiled, catalogue, thresholds.routeLimit);
  const findings: Finding[] = [];
  const find = (kind: Finding['kind'], message: string): void => {
    findings.push({ scenario: id, kind, message });
  };

  for (const outcome of strategies) {
    if (outcome.passRate > thresholds.naivePass) {
      const label = NAIVE_STRATEGIES.find((s) => s.id === outcome.strategy)!.label;
      find('naive-strategy', `choosing ${label} passes ${outcome.runs === 1 ? '' : `${percent(outcome.passRate)} of the time `}(mean overall ${outcome.meanOverall}); make the best reply's position, length and wording give nothing away`);
    }
  }
  if (random.passRate > thresholds.randomPass) {
    find('random-play', `random play passes ${percent(random.passRate)} of ${random.runs} plays (at most ${percent(thresholds.randomPass)} allowed); make weak replies cost more, or route careless play to a poorer ending`);
  }
  if (random.meanOverall >= thresholds.randomMean) {
    find('random-play', `random play averages ${random.meanOverall} overall (below ${thresholds.randomMean} wanted); make weak replies cost more`);
  }
  if (bias.decisions > 0 && share(bias.longestIsBest, bias.decisions) > thresholds.lengthBias) {
    find('length-bias', `the longest reply is a best reply at ${bias.longestIsBest} of ${bias.decisions} decisions (${percent(share(bias.longestIsBest, bias.decisions))}); write some short good replies and some long weak ones`);
  }
  if (bias.decisions > 0 && share(bias.shortestIsWorst, bias.decisions) > thresholds.lengthBias) {
    find('length-bias', `the shortest reply is a worst reply at ${bias.shortestIsWorst} of ${bias.decisions} decisions (${percent(share(bias.shortestIsWorst, bias.decisions))}); let some weak replies ramble`);
  }
  const { bestClean, bestPoor } = routes;
  if (bestClean && bestPoor && bestPoor.overall >= bestClean.overall) {
    find('ranking', `a route with ${bestPoor.poor.join(', ')} scores ${bestPoor.overall} (--choose ${bestPoor.choices}), at least as much as the best route without a poor move, ${bestClean.overall} (--choose ${bestClean.choices}); a poor move must cost more than it gains`);
  }
  const { worstClean, bestGiveIn } = routes;
  if (worstClean && bestGiveIn && bestGiveIn.overall >= worstClean.overall) {
    find('ranking', `a route that gives in scores ${bestGiveIn.overall} (--choose ${bestGiveIn.choices}), at least as much as the weakest route that stays in policy with no poor move, ${worstClean.overall} (--choose ${worstClean.choices}); giving in, even if taken back, must cost more than it gains`);
  }
  if (routes.passingRoutes === 0) {
    find('spread', `no route passes (best overall ${routes.best?.overall ?? '-'}, pass mark ${scenario.scoring.passMark}); a trainee who plays well must be able to pass`);
  } else if (routes.passingRoutes === routes.routes) {
    find('spread', `every route passes (worst overall ${routes.worst?.overall ?? '-'}); poor play must be able to fail`);
  }
  return { scenario: id, file: scenario.file, title: scenario.title, strategies, random, lengthBias: bias, routes, findings };
}

/**
 * Audits several scenarios and adds the library-wide checks: how many
 * scenarios each rule of thumb passes, random play overall, and length
 * bias over every decision.
 */
export function auditScenarios(
  scenarios: readonly CompiledScenario[],
  catalogue: TechniqueCatalogue | ((compiled: CompiledScenario) => TechniqueCatalogue),
  thresholds: AuditThresholds = DEFAULT_THRESHOLDS,
): AuditReport {
  const catalogueOf = typeof catalogue === 'function' ? catalogue : () => catalogue;
  const audits = scenarios.map((compiled) => auditScenario(compiled, catalogueOf(compiled), thresholds));
  const n = Math.max(1, audits.length);
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / n;
  const strategies = NAIVE_STRATEGIES.map((s, i) => {
    const outcomes = audits.map((a) => a.strategies[i]!);
    return {
      strategy: s.id,
      scenariosPassed: outcomes.filter((o) => o.passRate > thresholds.naivePass).length,
      passRate: mean(outcomes.map((o) => o.passRate)),
      meanOverall: Math.round(mean(outcomes.map((o) => o.meanOverall))),
    };
  });
  const random = { passRate: mean(audits.map((a) => a.random.passRate)), meanOverall: Math.round(mean(audits.map((a) => a.random.meanOverall))) };
  const bias = totalBias(audits.map((a) => a.lengthBias));
  const findings: Finding[] = audits.flatMap((a) => a.findings);
  if (audits.length > 1) {
    const library = (kind: Finding['kind'], message: string): void => {
      findings.push({ scenario: null, kind, message });
    };
    for (const s of strategies) {
      if (s.scenariosPassed / audits.length > thresholds.naivePass) {
        library('naive-strategy', `"${s.strategy}" passes ${s.scenariosPassed} of ${audits.length} scenarios (at most ${percent(thresholds.naivePass)} allowed)`);
      }
    }
    if (random.passRate > thresholds.randomPass) library('random-play', `random play passes ${percent(random.passRate)} of plays across the library`);
    if (random.meanOverall >= thresholds.randomMean) library('random-play', `random play averages ${random.meanOverall} across the library`);
    if (share(bias.longestIsBest, bias.decisions) > thresholds.lengthBias) {
      library('length-bias', `the longest reply is a best reply at ${percent(share(bias.longestIsBest, bias.decisions))} of the library's ${bias.decisions} decisions`);
    }
  }
  return { thresholds, scenarios: audits, library: { strategies, random, lengthBias: bias }, findings };
}
