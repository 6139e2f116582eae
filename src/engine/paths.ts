import { initialTransition, transition } from 'xstate';
import type { CompiledScenario, ConversationContext, Outcome } from '../scenario/index.ts';
import { offeredReplies, type DialogueNode } from '../scenario/index.ts';
import { resultOf } from './result.ts';

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

/**
 * Enumerates the routes through a scenario on its XState machine (pure
 * `transition`, replies at 0 ms, timers standard). A route visits each node
 * at most once, so loops such as "wait out the timer and hear the line
 * again" count once rather than forever. Each offered reply, and letting the
 * timer run out on a timed node, is a separate route.
 *
 * @example enumeratePaths(compiled).endings[0].overall // { min: 41, max: 88 }
 */
export function enumeratePaths(compiled: CompiledScenario, limit = 100_000): PathsReport {
  const { scenario } = compiled;
  const machine = compiled.machine;
  const perEnding = new Map<string, { paths: number; min: number; max: number; best: string | null }>();
  let total = 0;
  let complete = true;

  const visit = (snapshot: Snapshot, visited: Set<string>, choices: string[]): void => {
    if (total >= limit) {
      complete = false;
      return;
    }
    const context = snapshot.context as ConversationContext;
    if (snapshot.status === 'done') {
      total++;
      const result = resultOf(compiled, context);
      const entry = perEnding.get(result.ending) ?? { paths: 0, min: Infinity, max: -Infinity, best: null };
      entry.paths++;
      entry.min = Math.min(entry.min, result.scores.overall);
      if (result.scores.overall > entry.max) {
        entry.max = result.scores.overall;
        entry.best = choices.join(',');
      }
      perEnding.set(result.ending, entry);
      return;
    }
    const node = scenario.nodes[context.node] as DialogueNode;
    const next = (event: Parameters<typeof transition<typeof machine>>[2], label: string): void => {
      const [after] = transition(machine, snapshot, event);
      const landed = (after.context as ConversationContext).path.slice(context.path.length);
      if (landed.some((id) => visited.has(id))) return;
      const seen = new Set(visited);
      for (const id of landed) seen.add(id);
      visit(after, seen, [...choices, label]);
    };
    context.shown.forEach((_, i) => next({ type: 'REPLY', reply: i + 1 }, String(i + 1)));
    if (context.limitMs !== null) next({ type: 'TIMEOUT' }, 't');
  };

  const [start] = initialTransition(machine, { timers: 'standard' });
  visit(start, new Set((start.context as ConversationContext).path), []);

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
