import { parseChoices, playChoices } from '../engine/index.ts';
import type { Reply, TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario } from '../engine/index.ts';
import { walkReplyRoutes } from './route-walk.ts';

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
  /** The lowest-scoring route with no poor technique and no critical mistake: staying in policy, if not brilliantly. */
  worstClean: RouteSummary | null;
  /** The best-scoring route that gives in (a `give-in` reply), even if it is taken back later. */
  bestGiveIn: RouteSummary | null;
  passingRoutes: number;
}

/**
 * Walks every route of replies (file order, at once, no timeouts: letting
 * the clock run out is never a trainer's model answer; see `walkReplyRoutes`) and
 * keeps what ranking sanity and spread need: the best and worst routes, and
 * the best with and without a poor move. A route is "poor" when a chosen
 * reply lists a technique the catalogue calls poor, or is a critical mistake.
 */
export function checkRoutes(compiled: CompiledScenario, catalogue: TechniqueCatalogue, limit: number): RouteCheck {
  const check: RouteCheck = { routes: 0, complete: true, best: null, worst: null, bestClean: null, bestPoor: null, worstClean: null, bestGiveIn: null, passingRoutes: 0 };
  // Which replies are poor moves, worked out once rather than per route.
  const poorReplies = new Set<Reply>();
  for (const node of Object.values(compiled.scenario.nodes)) {
    if (node.kind !== 'dialogue') continue;
    for (const r of node.replies) if (r.critical || r.techniques.some((t) => catalogue.get(t)?.kind === 'poor')) poorReplies.add(r);
  }
  check.complete = walkReplyRoutes(compiled, ({ choices, replies, ending, scores, passed }) => {
    check.routes++;
    if (passed) check.passingRoutes++;
    const overall = scores.overall;
    const poor = (): string[] => {
      const found = new Set<string>();
      for (const reply of replies) {
        if (reply.critical) found.add('critical mistake');
        for (const t of reply.techniques) if (catalogue.get(t)?.kind === 'poor') found.add(t);
      }
      return [...found];
    };
    const summary = (): RouteSummary => ({ choices: choices.join(','), overall, passed, ending, poor: poor() });
    if (!check.best || overall > check.best.overall) check.best = summary();
    if (!check.worst || overall < check.worst.overall) check.worst = summary();
    const isPoor = replies.some((r) => poorReplies.has(r));
    if (!isPoor) {
      if (!check.bestClean || overall > check.bestClean.overall) check.bestClean = summary();
      if (!check.worstClean || overall < check.worstClean.overall) check.worstClean = summary();
    } else if (!check.bestPoor || overall > check.bestPoor.overall) {
      check.bestPoor = summary();
    }
    if ((!check.bestGiveIn || overall > check.bestGiveIn.overall) && replies.some((r) => r.techniques.includes('give-in'))) check.bestGiveIn = summary();
  }, limit);
  // The routes the report names are replayed through the real engine: what a trainer reruns with --choose must match.
  for (const route of [check.best, check.worst, check.bestClean, check.bestPoor, check.worstClean, check.bestGiveIn]) if (route) confirmOnEngine(compiled, route);
  return check;
}

/** Replays a route on the engine and fails loudly if the fast walk scored it differently. */
function confirmOnEngine(compiled: CompiledScenario, route: RouteSummary): void {
  const parsed = parseChoices(route.choices);
  const played = 'steps' in parsed ? playChoices(compiled, parsed.steps) : undefined;
  if (!played || !('result' in played) || played.result.scores.overall !== route.overall || played.result.passed !== route.passed) {
    throw new Error(`audit: route ${route.choices} of ${compiled.scenario.id} scores differently on the engine; please report this`);
  }
}
