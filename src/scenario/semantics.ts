import { evaluate, truthy, type Value } from './expression.ts';
import type { BranchNode, DialogueNode, Effect, Reply } from './model.ts';

/** The part of a conversation that expressions can see and effects change. */
export interface ConversationState {
  mood: number;
  variables: Readonly<Record<string, Value>>;
}

/** Mood is kept within 0..100 after every change. */
export function clampMood(mood: number): number {
  return Math.max(0, Math.min(100, Math.round(mood)));
}

/** The scope expressions are evaluated in: the variables plus `mood`. */
export function scopeOf(state: ConversationState): Record<string, Value> {
  return { ...state.variables, mood: state.mood };
}

/** The replies offered at a node: those whose `if` holds, in file order. */
export function offeredReplies(node: DialogueNode, state: ConversationState): Reply[] {
  const scope = scopeOf(state);
  return node.replies.filter((r) => r.condition === undefined || truthy(evaluate(r.condition, scope)));
}

/**
 * Applies a reply's or a timeout's effect. `set` expressions all read the
 * state from before the change, so their order in the file does not matter.
 */
export function applyEffect(effect: Effect, state: ConversationState): ConversationState {
  const scope = scopeOf(state);
  const variables = { ...state.variables };
  for (const assignment of effect.set) variables[assignment.name] = evaluate(assignment.expression, scope);
  return { mood: clampMood(state.mood + effect.mood), variables };
}

/** Where a branch node sends the conversation: the first true `if`, else the fallback. */
export function routeBranch(node: BranchNode, state: ConversationState): string {
  const scope = scopeOf(state);
  for (const route of node.routes) {
    if (route.condition === undefined || truthy(evaluate(route.condition, scope))) return route.goto;
  }
  // The linter guarantees a fallback; this keeps a hand-built model from hanging.
  return node.routes[node.routes.length - 1]!.goto;
}
