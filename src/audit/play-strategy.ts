import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { SteppedClock, startConversation, type ConversationResult } from '../engine/index.ts';
import type { DialogueNode } from '../scenario/index.ts';
import type { CompiledScenario } from '../engine/index.ts';
import type { NaiveStrategy } from './strategies.ts';

/** How a rule of thumb fared on one scenario. */
export interface StrategyOutcome {
  strategy: string;
  runs: number;
  /** Share of runs that passed (0..1). */
  passRate: number;
  meanOverall: number;
  /** Runs that never reached an ending (a loop the rule can't leave); they count as not passed. */
  unfinished: number;
}

/** A scenario that loops longer than this under one rule is counted as unfinished. */
const MAX_DECISIONS = 500;

/**
 * Plays one rule of thumb through the real engine, answering every decision
 * at once (so speed is always full marks: the rule gets every benefit of the
 * doubt). The rule sees the offered replies in file order.
 */
export function playStrategy(compiled: CompiledScenario, strategy: NaiveStrategy, runs: number, seed: number): StrategyOutcome {
  const count = strategy.randomised ? runs : 1;
  let passed = 0;
  let overall = 0;
  let unfinished = 0;
  for (let run = 0; run < count; run++) {
    const result = playOnce(compiled, strategy, seed + run);
    if (!result) {
      unfinished++;
      continue;
    }
    if (result.passed) passed++;
    overall += result.scores.overall;
  }
  return { strategy: strategy.id, runs: count, passRate: passed / count, meanOverall: Math.round(overall / count), unfinished };
}

function playOnce(compiled: CompiledScenario, strategy: NaiveStrategy, seed: number): ConversationResult | null {
  const rng = xoroshiro128plus(seed);
  const talk = startConversation(compiled, { clock: new SteppedClock() });
  try {
    for (let step = 0; step < MAX_DECISIONS && !talk.ended; step++) {
      const node = compiled.scenario.nodes[talk.context.node] as DialogueNode;
      const shown = talk.context.shown.map((index) => node.replies[index - 1]!);
      const choice = strategy.pick(shown, rng);
      talk.reply(shown.indexOf(choice) + 1);
    }
    return talk.result();
  } finally {
    talk.stop();
  }
}
