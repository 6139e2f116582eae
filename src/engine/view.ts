import type { Emotion } from '../scenario/index.ts';
import type { CompiledScenario } from './machine.ts';
import type { ConversationContext } from './transcript.ts';
import { emotionForMood } from './emotion.ts';
import type { ConversationResult } from './result.ts';

/** A reply as the UI shows it. `number` is what the player presses (1-based, in the order shown). */
export interface OfferedReply {
  number: number;
  say: string;
}

/**
 * The player's most recent decision, as the UI shows it after a reply or a
 * timeout: what they said, whether time ran out, and how the mood moved.
 *
 * @example
 * const d = talk.view().lastDecision;
 * if (d && d.count > seen) showYourLine(d.timedOut ? 'Time ran out' : d.said);
 */
export interface LastDecision {
  /** How many decisions have been made so far (1 for the first): a new decision has a higher count. */
  count: number;
  /** The node the decision was made at. */
  node: string;
  /** The reply's text; null when the timer ran out. */
  said: string | null;
  timedOut: boolean;
  /** Mood after minus mood before (not rounded). */
  moodChange: number;
}

/**
 * Everything a UI needs to draw the conversation at one moment. The game
 * renders this and sends events; it never decides a branch or a score.
 */
export interface ConversationView {
  /** 'presenting': the line is being shown; 'choosing': replies are up; 'ended'. */
  phase: 'presenting' | 'choosing' | 'ended';
  node: string;
  customerName: string;
  /** The customer's current line (the last line at an ending). */
  line: string;
  emotion: Emotion;
  mood: number;
  replies: OfferedReply[];
  /** When the reply timer runs out, on the conversation clock; null when untimed or not yet started. */
  deadline: { startsAt: number; endsAt: number } | null;
  variables: ConversationContext['variables'];
  /** The last reply or timeout; null before the first. */
  lastDecision: LastDecision | null;
  /** Present once the conversation has ended. */
  result: ConversationResult | null;
}

/** Reads the view from the machine's context. */
export function viewOf(
  compiled: CompiledScenario,
  context: ConversationContext,
  phase: ConversationView['phase'],
  result: ConversationResult | null,
): ConversationView {
  const { scenario } = compiled;
  const node = scenario.nodes[context.node];
  const ending = scenario.endings[context.node];
  const line = node?.kind === 'dialogue' ? node.customer : (ending?.customer ?? '');
  const explicit = node?.kind === 'dialogue' ? node.emotion : ending?.emotion;
  const replies = node?.kind === 'dialogue' ? context.shown.map((index, i) => ({ number: i + 1, say: node.replies[index - 1]!.say })) : [];
  return {
    phase,
    node: context.node,
    customerName: scenario.customer.name,
    line,
    emotion: explicit ?? emotionForMood(context.mood),
    mood: context.mood,
    replies,
    deadline:
      phase === 'choosing' && context.limitMs !== null && context.shownAt !== null
        ? { startsAt: context.shownAt, endsAt: context.shownAt + context.limitMs }
        : null,
    variables: context.variables,
    lastDecision: lastDecisionOf(compiled, context),
    result,
  };
}

/** The last decision in the context, with the reply's text looked up in the scenario. */
function lastDecisionOf(compiled: CompiledScenario, context: ConversationContext): LastDecision | null {
  const count = context.decisions.length;
  const d = context.decisions[count - 1];
  if (!d) return null;
  const node = compiled.scenario.nodes[d.node];
  const said = d.timedOut || node?.kind !== 'dialogue' ? null : (node.replies[(d.replyIndex ?? 0) - 1]?.say ?? null);
  return { count, node: d.node, said, timedOut: d.timedOut, moodChange: d.moodAfter - d.moodBefore };
}
