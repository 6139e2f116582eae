import type { DialogueNode, Reply } from '../scenario/index.ts';
import type { Decision } from './transcript.ts';

/**
 * The best reply that was offered at a decision: the highest tact, the
 * first in offered order on a tie. The debrief shows it beside the choice,
 * in the terminal and in the browser alike.
 *
 * @example bestOfferedReply(node, decision)?.say
 */
export function bestOfferedReply(node: DialogueNode, decision: Pick<Decision, 'offered'>): Reply | undefined {
  let best: Reply | undefined;
  for (const index of decision.offered) {
    const reply = node.replies[index - 1];
    if (reply && (!best || reply.tact > best.tact)) best = reply;
  }
  return best;
}

/**
 * Whether a decision chose a best reply: one with the highest tact offered
 * (a tie counts). A timeout never does. Both debriefs ask this, so they
 * agree on every decision.
 *
 * @example wasBestReply(node, decision) ? 'Best reply' : 'A better reply was offered'
 */
export function wasBestReply(node: DialogueNode, decision: Decision): boolean {
  if (decision.timedOut || decision.replyIndex === null) return false;
  const best = bestOfferedReply(node, decision);
  return !!best && node.replies[decision.replyIndex - 1]!.tact >= best.tact;
}
