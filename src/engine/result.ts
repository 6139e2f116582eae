import type { CompiledScenario, ConversationContext, Decision, Outcome } from '../scenario/index.ts';
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
  passed: boolean;
  passMark: number;
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
    path: context.path,
    decisions: context.decisions,
    timersOn: context.timerScale !== null,
  };
}

/**
 * The result in the CLI's `play --json` shape (the spec's contract): each
 * decision as node, reply (1-based offered), tact, techniques and ms.
 */
export function resultJson(result: ConversationResult): object {
  const { scenario, ending, outcome, satisfied, mood, scores, passed, path } = result;
  return {
    scenario, ending, outcome, satisfied, mood, scores, passed, path,
    decisions: result.decisions.map((d) => ({
      node: d.node,
      reply: d.reply,
      ...(d.timedOut ? { timeout: true } : {}),
      tact: d.tact,
      techniques: d.techniques,
      ms: d.ms,
    })),
  };
}
