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
 * Returns false when `limit` routes were reached first. It keeps its own
 * stack rather than recursing, so a scenario of any length cannot overflow
 * the call stack.
 */
export function walkReplyRoutes(compiled: CompiledScenario, onRoute: (route: WalkedRoute) => void, limit: number): boolean {
  const { scenario } = compiled;
  const visited = new Set<string>();
  const choices: number[] = [];
  const replies: Reply[] = [];
  const decisions: Decision[] = [];
  /** A decision on the route being walked: the state it is met in, what is offered, which reply to try next, and the ids entering it added to `visited`. */
  interface Step { node: DialogueNode; state: ConversationState; offered: Reply[]; offeredTacts: number[]; allowanceMs: number; next: number; landed: readonly string[] }
  const route: Step[] = [];
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

  /** Arrives at a node or ending: a finished route is reported, a decision becomes the next step. Returns whether it did. */
  const arrive = (id: string, state: ConversationState, landed: readonly string[]): boolean => {
    if (routes >= limit) {
      complete = false;
      return false;
    }
    const ending = scenario.endings[id];
    if (ending) {
      routes++;
      const { scores, passed } = scoreConversation({
        scenario, dimensionRanges: compiled.analysis.dimensionRanges, decisions, outcome: ending.outcome, mood: state.mood,
      });
      onRoute({ choices, replies, ending: id, scores, passed });
      return false;
    }
    const node = scenario.nodes[id] as DialogueNode;
    const offered = offeredReplies(node, state);
    const allowanceMs = readingAllowanceMs(node.customer, offered.map((r) => r.say));
    route.push({ node, state, offered, offeredTacts: offered.map((r) => r.tact), allowanceMs, next: 0, landed });
    return true;
  };
  const leave = (landed: readonly string[]): void => {
    decisions.pop();
    replies.pop();
    choices.pop();
    for (const at of landed) visited.delete(at);
  };

  const start: ConversationState = { mood: scenario.customer.mood, variables: { ...scenario.variables } };
  const first = land(scenario.start, start)!;
  for (const at of first) visited.add(at);
  arrive(first[first.length - 1]!, start, []);
  while (route.length > 0) {
    const step = route[route.length - 1]!;
    if (step.next === step.offered.length) {
      route.pop();
      if (route.length > 0) leave(step.landed);
      continue;
    }
    const { node, state, offered, offeredTacts, allowanceMs } = step;
    const i = step.next++;
    const reply = offered[i]!;
    const after = applyEffect(reply, state);
    const landed = land(reply.goto, after);
    if (!landed) continue;
    for (const at of landed) visited.add(at);
    choices.push(i + 1);
    replies.push(reply);
    decisions.push({
      node: node.id, reply: i + 1, replyIndex: reply.index, timedOut: false, tact: reply.tact, offeredTacts,
      offered: offered.map((r) => r.index), shown: offered.map((r) => r.index), critical: reply.critical,
      techniques: reply.techniques, ms: 0, limitMs: node.timeLimitMs, allowanceMs,
      moodBefore: state.mood, moodAfter: after.mood, score: reply.score, at: 0,
    });
    if (!arrive(landed[landed.length - 1]!, after, landed)) leave(landed);
  }
  return complete;
}
