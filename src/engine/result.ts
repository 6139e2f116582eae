import type { Outcome } from '../scenario/index.ts';
import type { CompiledScenario } from './machine.ts';
import type { ConversationContext, Decision } from './transcript.ts';
import { scoreConversation, type Scores } from './scoring.ts';

/** How a conversation ended and how it scored: what the debrief and every report read. */
export interface ConversationResult {
  scenario: string;
  ending: string;
  outcome: Outcome;
  /** "Left satisfied" means outcome `satisfied`. */
  satisfied: boolean;
  /** The raw final mood (satisfaction is this clamped into the outcome band). */
  mood: number;
  scores: Scores;
  /** Overall ≥ pass mark and no critical mistake. */
  passed: boolean;
  passMark: number;
  /** The decisions that were critical mistakes, in the order made (any one fails the play). */
  criticalMistakes: Decision[];
  /** Every node and ending visited. */
  path: string[];
  decisions: Decision[];
  /** False when the timers were switched off (speed is not scored). */
  timersOn: boolean;
}

/** Builds the result from a finished conversation's context. */
export function resultOf(compiled: CompiledScenario, context: ConversationContext): ConversationResult {
  const { scenario } = compiled;
  const ending = scenario.endings[context.ending ?? '']!;
  const { scores, passed } = scoreConversation({
    scenario,
    dimensionRanges: compiled.analysis.dimensionRanges,
    decisions: context.decisions,
    outcome: ending.outcome,
    mood: context.mood,
  });
  return {
    scenario: scenario.id,
    ending: ending.id,
    outcome: ending.outcome,
    satisfied: ending.outcome === 'satisfied',
    mood: context.mood,
    scores,
    passed,
    passMark: scenario.scoring.passMark,
    criticalMistakes: context.decisions.filter((d) => d.critical),
    path: context.path,
    decisions: context.decisions,
    timersOn: context.timerScale !== null,
  };
}

/**
 * The result in the CLI's `play --json` shape (the spec's contract): each
 * decision as node, reply (1-based offered), tact, techniques and ms.
 */
export function resultJson(result: ConversationResult, order?: { shuffle: number | null }): object {
  const { scenario, ending, outcome, satisfied, mood, scores, passed, path } = result;
  return {
    scenario, ending, outcome, satisfied, mood, scores, passed, path,
    // Which order the reply numbers refer to: file order, or the shuffled order of a seed.
    ...(order ? { order: order.shuffle === null ? 'file' : 'shuffled', ...(order.shuffle === null ? {} : { shuffle: order.shuffle }) } : {}),
    ...(result.criticalMistakes.length > 0 ? { critical: result.criticalMistakes.map((d) => ({ node: d.node, reply: d.reply })) } : {}),
    decisions: result.decisions.map((d) => ({
      node: d.node,
      reply: d.reply,
      ...(d.timedOut ? { timeout: true } : {}),
      ...(d.critical ? { critical: true } : {}),
      tact: d.tact,
      techniques: d.techniques,
      ms: d.ms,
    })),
  };
}
