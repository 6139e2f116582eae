import { initialTransition, transition } from 'xstate';
import type { Outcome } from '../scenario/index.ts';
import type { CompiledScenario } from './machine.ts';
import { resultOf, type ConversationResult } from './result.ts';

/** What `tactful paths` reports for one ending. */
export interface EndingPaths {
  ending: string;
  outcome: Outcome;
  /** Routes found to this ending. */
  paths: number;
  /** Lowest and highest overall score over those routes (null when none). */
  overall: { min: number; max: number } | null;
  /** An example route with the best overall score, as a `--choose` list. */
  bestChoices: string | null;
}

/** Every route through a scenario, summarised per ending. */
export interface PathsReport {
  scenario: string;
  /** Total routes found. */
  paths: number;
  /** False when the limit stopped the count early (the figures are then a lower bound). */
  complete: boolean;
  endings: EndingPaths[];
  /** Minimum and maximum reachable sums of each extra dimension (what scores are rescaled against). */
  dimensions: Record<string, { label: string; min: number; max: number }>;
}

type Snapshot = ReturnType<typeof initialTransition<CompiledScenario['machine']>>[0];

/** One complete route through a scenario, as `walkRoutes` finds it. */
export interface Route {
  /** The route as a `--choose` list (file-order reply numbers, `t` for a timeout). */
  choices: string[];
  result: ConversationResult;
}

/**
 * Walks every route through a scenario on its XState machine (pure
 * `transition`, replies at 0 ms, timers standard, replies in file order). A
 * route visits each node at most once, so loops such as "wait out the timer
 * and hear the line again" count once rather than forever. Each offered
 * reply, and letting the timer run out on a timed node, is a separate route.
 * Returns false when `limit` routes were reached before the walk finished.
 * With `timeouts: false` only replies are followed (what the audit compares).
 *
 * The walk keeps its own stack rather than recursing, so a scenario of any
 * length (a generated chain of 20,000 nodes) cannot overflow the call stack.
 *
 * @example walkRoutes(compiled, (route) => console.log(route.choices.join(','), route.result.scores.overall));
 */
export function walkRoutes(compiled: CompiledScenario, onRoute: (route: Route) => void, limit = 100_000, options: { timeouts?: boolean } = {}): boolean {
  const timeouts = options.timeouts ?? true;
  const machine = compiled.machine;
  type Move = { event: Parameters<typeof transition<typeof machine>>[2]; label: string };
  /** A node on the route being walked: where it stands, the moves from it still to try, and the ids that entering it added to `visited`. */
  interface Step { snapshot: Snapshot | null; pathLength: number; moves: Move[]; next: number; added: readonly string[] }

  // One shared set and list, undone on the way back: copying them per step cost more than the walk.
  const visited = new Set<string>();
  const choices: string[] = [];
  const route: Step[] = [];
  let total = 0;
  let complete = true;

  /** Arrives at a snapshot: a finished route is reported, an unfinished one becomes the next step. Returns whether it did. */
  const arrive = (snapshot: Snapshot, added: readonly string[]): boolean => {
    if (total >= limit) {
      complete = false;
      return false;
    }
    const context = snapshot.context;
    if (snapshot.status === 'done') {
      total++;
      onRoute({ choices: [...choices], result: resultOf(compiled, context) });
      return false;
    }
    const moves: Move[] = context.shown.map((_, i) => ({ event: { type: 'REPLY', reply: i + 1 }, label: String(i + 1) }));
    if (timeouts && context.limitMs !== null) moves.push({ event: { type: 'TIMEOUT' }, label: 't' });
    route.push({ snapshot, pathLength: context.path.length, moves, next: 0, added });
    return true;
  };
  const leave = (added: readonly string[]): void => {
    choices.pop();
    for (const id of added) visited.delete(id);
  };

  const [start] = initialTransition(machine, { timers: 'standard' });
  for (const id of start.context.path) visited.add(id);
  arrive(start, []);
  while (route.length > 0) {
    const step = route[route.length - 1]!;
    if (step.next === step.moves.length) {
      route.pop();
      if (route.length > 0) leave(step.added);
      continue;
    }
    const move = step.moves[step.next++]!;
    const [after] = transition(machine, step.snapshot!, move.event);
    // A snapshot holds the whole route so far; once its last move is taken it is let go, so a long chain keeps few of them.
    if (step.next === step.moves.length) step.snapshot = null;
    const landed = after.context.path.slice(step.pathLength);
    if (landed.some((id) => visited.has(id))) continue;
    for (const id of landed) visited.add(id);
    choices.push(move.label);
    if (!arrive(after, landed)) leave(landed);
  }
  return complete;
}

/**
 * Every route through a scenario (see `walkRoutes`), summarised per ending.
 *
 * @example enumeratePaths(compiled).endings[0].overall // { min: 41, max: 88 }
 */
export function enumeratePaths(compiled: CompiledScenario, limit = 100_000): PathsReport {
  const { scenario } = compiled;
  const perEnding = new Map<string, { paths: number; min: number; max: number; best: string | null }>();
  let total = 0;
  const complete = walkRoutes(compiled, ({ choices, result }) => {
    total++;
    const entry = perEnding.get(result.ending) ?? { paths: 0, min: Infinity, max: -Infinity, best: null };
    entry.paths++;
    entry.min = Math.min(entry.min, result.scores.overall);
    if (result.scores.overall > entry.max) {
      entry.max = result.scores.overall;
      entry.best = choices.join(',');
    }
    perEnding.set(result.ending, entry);
  }, limit);

  const endings: EndingPaths[] = Object.values(scenario.endings).map((ending) => {
    const entry = perEnding.get(ending.id);
    return {
      ending: ending.id,
      outcome: ending.outcome,
      paths: entry?.paths ?? 0,
      overall: entry ? { min: entry.min, max: entry.max } : null,
      bestChoices: entry?.best ?? null,
    };
  });
  const dimensions: PathsReport['dimensions'] = {};
  for (const [id, { label }] of Object.entries(scenario.scoring.dimensions)) {
    const range = compiled.analysis.dimensionRanges[id] ?? { min: 0, max: 0 };
    dimensions[id] = { label, ...range };
  }
  return { scenario: scenario.id, paths: total, complete, endings, dimensions };
}
