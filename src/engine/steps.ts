import { evaluate, namesIn, truthy, type Expression, type Value } from '../scenario/expression.ts';
import type { BranchNode, DialogueNode, Effect, Reply, Scenario } from '../scenario/model.ts';
import { readingAllowanceMs } from '../scenario/reading-time.ts';
import { clampMood, type ConversationState } from '../scenario/semantics.ts';
import { shownOrder } from './reply-order.ts';
import type { ConversationContext, Decision } from './transcript.ts';

/**
 * The conversation's steps as pure functions from one context to the next:
 * entering a node, choosing a reply, letting the timer run out, seeing the
 * replies. The machine's actions call these, one per transition, so a reply
 * costs XState a single context update rather than one per action.
 *
 * What depends only on the scenario is worked out once, not on every reply:
 * which nodes have conditional replies, which expressions read `mood`, and
 * each node's reading allowance for a given set of offered replies. The
 * rules are semantics.ts's (offered replies, effects, branch routes); a
 * property test keeps the two equal.
 *
 * @example
 * const steps = conversationSteps(scenario);
 * const next = steps.reply(context, 'opening', 2, clock.now());
 */
export interface ConversationSteps {
  /** The context on arriving at a node or ending (through any branch nodes): its replies offered and ordered, the timer's limit set. */
  enter(context: ConversationContext, id: string): ConversationContext;
  /** Records reply `index` (1-based, file order) at a dialogue node at time `at`, then enters its `goto`. */
  reply(context: ConversationContext, node: string, index: number, at: number): ConversationContext;
  /** Records a timeout at a dialogue node, then enters its `onTimeout.goto`. */
  timeout(context: ConversationContext, node: string): ConversationContext;
  /** The replies are shown (the game's SHOWN event, `at` its time): the reply timer counts from then. */
  show(context: ConversationContext, at: number | undefined): ConversationContext;
}

/** A dialogue node, with what never changes about it during a play. */
interface NodeFacts {
  node: DialogueNode;
  /** Some reply has an `if`: what is offered depends on the state. */
  conditional: boolean;
  /** Reading allowance by set of offered replies (bit i set = reply i+1 offered), filled on first use. */
  allowance?: Map<number, number>;
}

/**
 * What `if` and `set` expressions read: the variables and `mood`, exactly
 * as semantics.ts's scopeOf builds it, but without its object spread
 * (`{ ...variables, mood }`): V8 is slow to add a key to a spread copy, and
 * this runs on many replies. With no prototype, a variable named like one of
 * Object's (`__proto__`) stays a plain own property, as in the spread.
 */
export function evaluationScope(state: ConversationState): Record<string, Value> {
  const scope = Object.assign(Object.create(null) as Record<string, Value>, state.variables);
  scope.mood = state.mood;
  return scope;
}

const moodReaders = new WeakMap<Expression, boolean>();
/** Whether an expression reads `mood` (worked out once per expression). */
function readsMood(expression: Expression): boolean {
  let reads = moodReaders.get(expression);
  if (reads === undefined) moodReaders.set(expression, (reads = namesIn(expression).includes('mood')));
  return reads;
}

/**
 * Evaluates `if` and `set` expressions in a state. One that never reads
 * `mood` is evaluated against the variables themselves (the scope would only
 * add `mood` to them); the others share one scope, built on first need.
 */
function evaluatorIn(state: ConversationState): (expression: Expression) => Value {
  let scope: Record<string, Value> | undefined;
  return (expression) => evaluate(expression, readsMood(expression) ? (scope ??= evaluationScope(state)) : state.variables);
}

/** Whether an `if` holds in a state (a branch route's, or a reply's). */
export function holds(condition: Expression, state: ConversationState): boolean {
  return truthy(evaluatorIn(state)(condition));
}

/** Builds the step functions for one scenario (called once, when it is compiled). */
export function conversationSteps(scenario: Scenario): ConversationSteps {
  const dialogues = new Map<string, NodeFacts>();
  const branches = new Map<string, BranchNode>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'dialogue') dialogues.set(node.id, { node, conditional: node.replies.some((r) => r.condition !== undefined) });
    else branches.set(node.id, node);
  }
  const dialogue = (id: string): DialogueNode => dialogues.get(id)!.node;

  /** Reading allowance for the offered replies (file order), as readingAllowanceMs computes it. */
  const allowanceFor = (node: DialogueNode, offered: readonly Reply[]): number => {
    const facts = dialogues.get(node.id)!;
    facts.allowance ??= new Map();
    let set = 0;
    for (const r of offered) set |= 1 << (r.index - 1);
    let ms = facts.allowance.get(set);
    if (ms === undefined) {
      ms = readingAllowanceMs(node.customer, offered.map((r) => r.say));
      facts.allowance.set(set, ms);
    }
    return ms;
  };

  /** The replies offered in a state: those whose `if` holds, in file order (semantics.ts's offeredReplies). */
  const offeredIn = (facts: NodeFacts, value: (expression: Expression) => Value): readonly Reply[] =>
    facts.conditional ? facts.node.replies.filter((r) => r.condition === undefined || truthy(value(r.condition))) : facts.node.replies;

  /**
   * The state after a reply's or a timeout's effect (semantics.ts's
   * applyEffect): `set` expressions all read the state from before it, and
   * most replies set nothing, so they keep the same variables.
   */
  const afterEffect = (effect: Effect, state: ConversationState): ConversationState => {
    const mood = clampMood(state.mood + effect.mood);
    if (effect.set.length === 0) return { mood, variables: state.variables };
    const value = evaluatorIn(state);
    const variables = { ...state.variables };
    for (const assignment of effect.set) variables[assignment.name] = value(assignment.expression);
    return { mood, variables };
  };

  /** Where a branch node sends the conversation: the first route whose `if` holds, else the fallback (semantics.ts's routeBranch). */
  const routeOf = (branch: BranchNode, value: (expression: Expression) => Value): string =>
    (branch.routes.find((r) => r.condition === undefined || truthy(value(r.condition))) ?? branch.routes[branch.routes.length - 1]!).goto;

  /**
   * Arriving at a node or ending, in a context whose mood, variables and time
   * are already those after the decision that led here (`now` is when it was
   * made). A run of branch nodes is routed here at once, every one of them
   * recorded in the path: routing changes nothing but where the conversation
   * is, so the machine's eventless transitions through them, which follow the
   * same `if`s, have no context left to update (a run of thousands stays linear).
   */
  const enter = (context: ConversationContext, id: string): ConversationContext => {
    const path = [...context.path, id];
    const value = evaluatorIn(context);
    let at = id;
    for (let branch = branches.get(at); branch; branch = branches.get(at)) {
      at = routeOf(branch, value);
      path.push(at);
    }
    const facts = dialogues.get(at);
    if (!facts) return { ...context, node: at, shown: [], path, shownAt: null, limitMs: null, ending: at in scenario.endings ? at : null };
    const { node } = facts;
    const limit = node.timeLimitMs;
    return {
      ...context,
      node: at,
      // Entering comes after the reply's effect, so the `if`s see the state this node is offered in.
      // The turn that draws a shuffled order is the number of nodes visited before this one.
      shown: shownOrder(node, offeredIn(facts, value), context.seed, path.length - 1).map((r) => r.index),
      path,
      // Unless the game waits to say the line has been presented, the replies are up at once.
      shownAt: context.waitForShown ? null : context.now,
      limitMs: limit !== null && context.timerScale !== null ? Math.round(limit * context.timerScale) : null,
      ending: null,
    };
  };

  /** Records a decision (a reply, or a timeout when `chosen` is null) and applies its effect. */
  const decide = (context: ConversationContext, node: DialogueNode, chosen: Reply | null, effect: Effect, at: number): ConversationContext => {
    const after = afterEffect(effect, context);
    const shownAt = context.shownAt ?? context.now;
    // Scoring reads the offered replies in file order, so a score never depends on where a reply was shown.
    const offered = node.replies.filter((r) => context.shown.includes(r.index));
    const decision: Decision = {
      node: node.id,
      reply: chosen ? context.shown.indexOf(chosen.index) + 1 : null,
      replyIndex: chosen ? chosen.index : null,
      timedOut: chosen === null,
      tact: chosen ? chosen.tact : 0,
      offeredTacts: offered.map((r) => r.tact),
      offered: offered.map((r) => r.index),
      shown: [...context.shown],
      critical: chosen?.critical ?? false,
      techniques: chosen ? chosen.techniques : [],
      ms: Math.max(0, at - shownAt),
      limitMs: context.limitMs,
      allowanceMs: allowanceFor(node, offered),
      moodBefore: context.mood,
      moodAfter: after.mood,
      score: effect.score,
      at,
    };
    return { ...context, mood: after.mood, variables: after.variables, decisions: [...context.decisions, decision], now: at };
  };

  return {
    enter,
    reply(context, id, index, at) {
      const node = dialogue(id);
      const chosen = node.replies[index - 1]!;
      return enter(decide(context, node, chosen, chosen, at), chosen.goto);
    },
    timeout(context, id) {
      const node = dialogue(id);
      const at = (context.shownAt ?? context.now) + (context.limitMs ?? 0);
      return enter(decide(context, node, null, node.onTimeout, at), node.onTimeout.goto);
    },
    show(context, at) {
      return { ...context, shownAt: at !== undefined ? Math.max(at, context.now) : context.now };
    },
  };
}
