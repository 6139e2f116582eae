import type { Decision, DialogueNode, Reply } from '../scenario/index.ts';

/**
 * The best reply that was offered at a decision: the highest tact, the
 * first in offered order on a tie. The debrief shows it beside the choice,
 * in the terminal and in the browser alike.
 *
 * @example bestOfferedReply(node, decision)?.say
 */
export function bestOfferedReply(node: DialogueNode, decision: Decision): Reply | undefined {
  let best: Reply | undefined;
  for (const index of decision.offered) {
    const reply = node.replies[index - 1];
    if (reply && (!best || reply.tact > best.tact)) best = reply;
  }
  return best;
}
