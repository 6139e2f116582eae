import { walkReplyRoutes } from '../../audit/index.ts';
import type { CompiledScenario } from '../../engine/index.ts';
import type { Outcome } from '../../scenario/index.ts';

/** The overall scores the routes to one ending can get. */
export interface EndingSpread {
  ending: string;
  outcome: Outcome;
  /** Routes of replies that end here (0: no such route). */
  routes: number;
  /** Lowest and highest overall over those routes; null when none ends here. */
  overall: { min: number; max: number } | null;
  /** Of those routes, how many pass. */
  passing: number;
}

/**
 * The score spread per ending, over the routes the audit walks for ranking
 * and spread (`walkReplyRoutes`: replies in file order, at once, each node at
 * most once, no timeouts, the same route limit), so its figures agree with
 * the audit's best and worst routes. Endings in file order.
 *
 * @example endingSpread(compiled, 50_000)[0] // { ending: 'reassured', outcome: 'satisfied', routes: 1, overall: { min: 85, max: 85 }, passing: 1 }
 */
export function endingSpread(compiled: CompiledScenario, limit: number): EndingSpread[] {
  const seen = new Map<string, { routes: number; min: number; max: number; passing: number }>();
  walkReplyRoutes(compiled, ({ ending, scores, passed }) => {
    const entry = seen.get(ending) ?? { routes: 0, min: Infinity, max: -Infinity, passing: 0 };
    entry.routes++;
    entry.min = Math.min(entry.min, scores.overall);
    entry.max = Math.max(entry.max, scores.overall);
    if (passed) entry.passing++;
    seen.set(ending, entry);
  }, limit);
  return Object.values(compiled.scenario.endings).map(({ id, outcome }) => {
    const entry = seen.get(id);
    return { ending: id, outcome, routes: entry?.routes ?? 0, overall: entry ? { min: entry.min, max: entry.max } : null, passing: entry?.passing ?? 0 };
  });
}
