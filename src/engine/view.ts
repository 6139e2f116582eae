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
    result,
  };
}
