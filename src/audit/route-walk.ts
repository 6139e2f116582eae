import { scoreConversation, type Scores } from '../engine/index.ts';
import { applyEffect, offeredReplies, readingAllowanceMs, routeBranch, type ConversationState, type DialogueNode, type Reply } from '../scenario/index.ts';
import { type CompiledScenario, type Decision } from '../engine/index.ts';

/** A finished route as the fast walk scores it. Its lists are the walk's own: copy them to keep them. */
export interface WalkedRoute {
  /** 1-based offered reply numbers in file order: a `--choose` list. */
  choices: readonly number[];
  replies: readonly Reply[];
  ending: string;
  scores: Scores;
  passed: boolean;
}

/**
 * Walks every route of replies through a scenario with the scenario's own
 * semantics (offered replies, effects, branch routing) and the engine's
 * scoring, without running the XState machine: routes share their prefixes,
 * so this is two orders of magnitude faster than replaying each one, which
 * is what lets `tactful audit` check the whole library in seconds.
 *
 * It follows the same rules as the engine's `walkRoutes` (and `tactful
 * paths`) without timeouts: replies in file order at 0 ms, timers standard,
 * each node visited at most once. The audit replays the routes it reports
 * through the real engine, and a property test keeps the two in step.
 * Returns false when `limit` routes were reached first.
 */
export function walkReplyRoutes(compiled: CompiledScenario, onRoute: (route: WalkedRoute) => void, limit: number): boolean {
  const { scenario } = compiled;
  const visited = new Set<string>();
  const choices: number[] = [];
  const replies: Reply[] = [];
  const decisions: Decision[] = [];
  let routes = 0;
  let complete = true;

  /** Enters a node: routes through branch nodes; returns the ids landed on, or null when one was visited before. */
  const land = (id: string, state: ConversationState): string[] | null => {
    const landed: string[] = [];
    let at = id;
    for (;;) {
      if (visited.has(at) || landed.includes(at)) return null;
      landed.push(at);
      const node = scenario.nodes[at];
      if (node?.kind !== 'branch') return landed;
      at = routeBranch(node, state);
    }
  };

  const visit = (id: string, state: ConversationState): void => {
    if (routes >= limit) {
      complete = false;
      return;
    }
    const ending = scenario.endings[id];
    if (ending) {
      routes++;
      const { scores, passed } = scoreConversation({
        scenario, dimensionRanges: compiled.analysis.dimensionRanges, decisions, outcome: ending.outcome, mood: state.mood,
      });
      onRoute({ choices, replies, ending: id, scores, passed });
      return;
    }
    const node = scenario.nodes[id] as DialogueNode;
    const offered = offeredReplies(node, state);
    const offeredTacts = offered.map((r) => r.tact);
    const allowanceMs = readingAllowanceMs(node.customer, offered.map((r) => r.say));
    offered.forEach((reply, i) => {
      const after = applyEffect(reply, state);
      const landed = land(reply.goto, after);
      if (!landed) return;
      for (const at of landed) visited.add(at);
      choices.push(i + 1);
      replies.push(reply);
      decisions.push({
        node: node.id, reply: i + 1, replyIndex: reply.index, timedOut: false, tact: reply.tact, offeredTacts,
        offered: offered.map((r) => r.index), shown: offered.map((r) => r.index), critical: reply.critical,
        techniques: reply.techniques, ms: 0, limitMs: node.timeLimitMs, allowanceMs,
        moodBefore: state.mood, moodAfter: after.mood, score: reply.score, at: 0,
      });
      visit(landed[landed.length - 1]!, after);
      decisions.pop();
      replies.pop();
      choices.pop();
      for (const at of landed) visited.delete(at);
    });
  };

  const start: ConversationState = { mood: scenario.customer.mood, variables: { ...scenario.variables } };
  const landed = land(scenario.start, start)!;
  for (const at of landed) visited.add(at);
  visit(landed[landed.length - 1]!, start);
  return complete;
}
