import { walkRoutes } from '../engine/index.ts';
import type { CompiledScenario, TechniqueCatalogue } from '../scenario/index.ts';

/** A route, as a trainer can replay it: `tactful play FILE --choose <choices>`. */
export interface RouteSummary {
  choices: string;
  overall: number;
  passed: boolean;
  ending: string;
  /** The poor techniques and critical mistakes on the route. */
  poor: string[];
}

/** What the routes through a scenario say about its scoring. */
export interface RouteCheck {
  routes: number;
  /** False when the route limit stopped the walk (figures are then from the routes seen). */
  complete: boolean;
  best: RouteSummary | null;
  worst: RouteSummary | null;
  /** The best-scoring route with no poor technique and no critical mistake. */
  bestClean: RouteSummary | null;
  /** The best-scoring route that does contain one. */
  bestPoor: RouteSummary | null;
  passingRoutes: number;
}

/**
 * Walks every route of replies (file order, at once, no timeouts: letting
 * the clock run out is never a trainer's model answer; see `walkRoutes`) and
 * keeps what ranking sanity and spread need: the best and worst routes, and
 * the best with and without a poor move. A route is "poor" when a chosen
 * reply lists a technique the catalogue calls poor, or is a critical mistake.
 */
export function checkRoutes(compiled: CompiledScenario, catalogue: TechniqueCatalogue, limit: number): RouteCheck {
  const check: RouteCheck = { routes: 0, complete: true, best: null, worst: null, bestClean: null, bestPoor: null, passingRoutes: 0 };
  check.complete = walkRoutes(compiled, ({ choices, result }) => {
    check.routes++;
    const poor = new Set<string>();
    for (const d of result.decisions) {
      if (d.critical) poor.add('critical mistake');
      for (const t of d.techniques) if (catalogue.get(t)?.kind === 'poor') poor.add(t);
    }
    const route: RouteSummary = { choices: choices.join(','), overall: result.scores.overall, passed: result.passed, ending: result.ending, poor: [...poor] };
    if (route.passed) check.passingRoutes++;
    if (!check.best || route.overall > check.best.overall) check.best = route;
    if (!check.worst || route.overall < check.worst.overall) check.worst = route;
    if (poor.size === 0) {
      if (!check.bestClean || route.overall > check.bestClean.overall) check.bestClean = route;
    } else if (!check.bestPoor || route.overall > check.bestPoor.overall) {
      check.bestPoor = route;
    }
  }, limit, { timeouts: false });
  return check;
}
