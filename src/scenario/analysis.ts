import { namesIn, type Expression } from './expression.ts';
import type { Effect, Scenario } from './model.ts';
import { applyEffect, offeredReplies, routeBranch, type ConversationState } from './semantics.ts';

/** What the linter learns by exploring a scenario's graph and states. */
export interface Analysis {
  /** Node and ending ids reachable from `start`, ignoring conditions. */
  reachable: Set<string>;
  /** Node ids from which no ending can be reached, ignoring conditions. */
  deadEnds: Set<string>;
  /** Cycles made only of branch nodes (they would route forever). */
  branchLoops: string[][];
  /**
   * True when every reachable state (node, relevant variables, mood) was
   * explored within the budget; the semantic findings below are exact then.
   */
  exact: boolean;
  /** States explored. */
  states: number;
  /** Endings reached in the state exploration. */
  endingsReached: Set<string>;
  /** Nodes where some reachable state can reach no ending (exact only). */
  traps: Set<string>;
  /** Minimum and maximum reachable sum of each extra dimension. */
  dimensionRanges: Record<string, { min: number; max: number }>;
}

/** One explored state and where it can go. */
interface StateVertex {
  node: string;
  state: ConversationState;
  edges: { to: number; score: Record<string, number> }[];
}

/**
 * Explore at most this many states per node (and never fewer than 5,000 in
 * all). Hand-written scenarios stay far below it; a huge generated one with
 * many counters would otherwise spend seconds on a walk whose answer is only
 * "too many states to say".
 */
const STATES_PER_NODE = 8;
const MIN_BUDGET = 5_000;

/**
 * Explores a scenario: structural reachability, dead ends, and a bounded
 * walk over every combination of node, mood and variable values that
 * conditions can tell apart. Variables that no condition reads are left out
 * of the state, which keeps the walk small without changing its answers.
 */
export function analyse(scenario: Scenario): Analysis {
  const successors = structuralSuccessors(scenario);
  const reachable = reach([scenario.start], (id) => successors.get(id) ?? []);
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of successors) {
    for (const to of tos) {
      const list = predecessors.get(to);
      if (list) list.push(from);
      else predecessors.set(to, [from]);
    }
  }
  const canEnd = reach(Object.keys(scenario.endings), (id) => predecessors.get(id) ?? []);
  const deadEnds = new Set(Object.keys(scenario.nodes).filter((id) => !canEnd.has(id)));
  const branchLoops = findBranchLoops(scenario);

  const explored = deadEnds.size === 0 && branchLoops.length === 0 ? exploreStates(scenario) : undefined;
  const endingsReached = new Set<string>();
  const traps = new Set<string>();
  let dimensionRanges: Analysis['dimensionRanges'];
  if (explored && explored.exact) {
    for (const v of explored.vertices) if (v.node in scenario.endings) endingsReached.add(v.node);
    const canFinish = reachIndexes(explored.vertices, (i) => scenario.endings[explored.vertices[i]!.node] !== undefined);
    explored.vertices.forEach((v, i) => {
      if (!canFinish.has(i)) traps.add(v.node);
    });
    dimensionRanges = sumRanges(scenario, explored.vertices, (i) => scenario.endings[explored.vertices[i]!.node] !== undefined);
  } else {
    dimensionRanges = structuralRanges(scenario, successors);
  }
  return {
    reachable, deadEnds, branchLoops, exact: explored?.exact ?? false, states: explored?.vertices.length ?? 0,
    endingsReached, traps, dimensionRanges,
  };
}

/** Every id each node can go to, whatever the conditions. */
export function structuralSuccessors(scenario: Scenario): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') out.set(node.id, node.routes.map((r) => r.goto));
    else out.set(node.id, [...node.replies.map((r) => r.goto), ...(node.timeLimitMs !== null ? [node.onTimeout.goto] : [])]);
  }
  return out;
}

function reach(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length > 0) {
    for (const to of next(stack.pop()!)) {
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return seen;
}

function findBranchLoops(scenario: Scenario): string[][] {
  // Depth-first search over branch nodes only, colouring nodes: a route back
  // to a node still on the trail is a loop (conditions might select it).
  const loops: string[][] = [];
  const finished = new Set<string>();
  const trail: string[] = [];
  const visit = (id: string): void => {
    const node = scenario.nodes[id];
    if (!node || node.kind !== 'branch' || finished.has(id)) return;
    const at = trail.indexOf(id);
    if (at >= 0) {
      loops.push(trail.slice(at));
      return;
    }
    trail.push(id);
    for (const r of node.routes) visit(r.goto);
    trail.pop();
    finished.add(id);
  };
  for (const id of Object.keys(scenario.nodes)) visit(id);
  return loops;
}

/** Variables (and `mood`) that can change which reply is offered or which branch is taken. */
function relevantNames(scenario: Scenario): Set<string> {
  const conditions: Expression[] = [];
  const assignments = new Map<string, Expression[]>();
  const collect = (effect: Effect): void => {
    for (const a of effect.set) {
      const list = assignments.get(a.name);
      if (list) list.push(a.expression);
      else assignments.set(a.name, [a.expression]);
    }
  };
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') {
      for (const r of node.routes) if (r.condition) conditions.push(r.condition);
    } else {
      collect(node.onTimeout);
      for (const r of node.replies) {
        if (r.condition) conditions.push(r.condition);
        collect(r);
      }
    }
  }
  const relevant = new Set(conditions.flatMap(namesIn));
  const queue = [...relevant];
  while (queue.length > 0) {
    for (const expr of assignments.get(queue.pop()!) ?? []) {
      for (const name of namesIn(expr)) {
        if (!relevant.has(name)) {
          relevant.add(name);
          queue.push(name);
        }
      }
    }
  }
  return relevant;
}

function exploreStates(scenario: Scenario): { vertices: StateVertex[]; exact: boolean } {
  const relevant = relevantNames(scenario);
  const keepMood = relevant.has('mood');
  const names = Object.keys(scenario.variables).filter((n) => relevant.has(n)).sort();
  // typeof keeps true apart from "true" and 1 apart from "1".
  const keyOf = (node: string, s: ConversationState): string => {
    let key = keepMood ? `${node}|${s.mood}` : node;
    for (const n of names) {
      const v = s.variables[n];
      key += `|${typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : 'b'}${String(v)}`;
    }
    return key;
  };
  const budget = Math.max(MIN_BUDGET, STATES_PER_NODE * Object.keys(scenario.nodes).length);
  const vertices: StateVertex[] = [];
  const index = new Map<string, number>();
  const visit = (node: string, state: ConversationState): number => {
    const key = keyOf(node, state);
    let i = index.get(key);
    if (i === undefined) {
      i = vertices.length;
      index.set(key, i);
      vertices.push({ node, state, edges: [] });
    }
    return i;
  };
  visit(scenario.start, { mood: scenario.customer.mood, variables: scenario.variables });
  for (let i = 0; i < vertices.length; i++) {
    if (vertices.length > budget) return { vertices, exact: false };
    const v = vertices[i]!;
    const node = scenario.nodes[v.node];
    if (!node) continue; // an ending
    if (node.kind === 'branch') {
      v.edges.push({ to: visit(routeBranch(node, v.state), v.state), score: {} });
      continue;
    }
    for (const reply of offeredReplies(node, v.state)) {
      v.edges.push({ to: visit(reply.goto, applyEffect(reply, v.state)), score: reply.score });
    }
    if (node.timeLimitMs !== null) v.edges.push({ to: visit(node.onTimeout.goto, applyEffect(node.onTimeout, v.state)), score: node.onTimeout.score });
  }
  return { vertices, exact: true };
}

function reachIndexes(vertices: StateVertex[], isGoal: (i: number) => boolean): Set<number> {
  const back: number[][] = vertices.map(() => []);
  vertices.forEach((v, i) => v.edges.forEach((e) => back[e.to]!.push(i)));
  const seen = new Set<number>();
  const stack: number[] = [];
  vertices.forEach((_, i) => {
    if (isGoal(i)) {
      seen.add(i);
      stack.push(i);
    }
  });
  while (stack.length > 0) {
    for (const from of back[stack.pop()!]!) {
      if (!seen.has(from)) {
        seen.add(from);
        stack.push(from);
      }
    }
  }
  return seen;
}

/**
 * Minimum and maximum sum of each dimension over walks from the start to an
 * ending (Bellman-Ford). A loop that keeps adding points would make the sum
 * unbounded; relaxation stops after |V| rounds, so such a loop counts once
 * or twice rather than forever, and reported scores are clamped to 0..100.
 */
function sumRanges(
  scenario: Scenario,
  vertices: { edges: { to: number; score: Record<string, number> }[] }[],
  isEnd: (i: number) => boolean,
): Record<string, { min: number; max: number }> {
  const ranges: Record<string, { min: number; max: number }> = {};
  for (const dimension of Object.keys(scenario.scoring.dimensions)) {
    const extreme = (sign: 1 | -1): number => {
      const best = new Array<number>(vertices.length).fill(Infinity);
      best[0] = 0;
      let changed = true;
      for (let round = 0; changed && round < vertices.length; round++) {
        changed = false;
        vertices.forEach((v, i) => {
          if (best[i] === Infinity) return;
          for (const e of v.edges) {
            const value = best[i]! + sign * (e.score[dimension] ?? 0);
            if (value < best[e.to]!) {
              best[e.to] = value;
              changed = true;
            }
          }
        });
      }
      let result = Infinity;
      best.forEach((b, i) => {
        if (isEnd(i) && b < result) result = b;
      });
      return result === Infinity ? 0 : sign * result + 0; // + 0 turns -0 into 0
    };
    ranges[dimension] = { min: extreme(1), max: extreme(-1) };
  }
  return ranges;
}

/** Ranges on the node graph (conditions ignored) when the state walk ran out of budget. */
function structuralRanges(scenario: Scenario, successors: Map<string, string[]>): Record<string, { min: number; max: number }> {
  const ids = [scenario.start, ...[...successors.keys(), ...Object.keys(scenario.endings)].filter((id) => id !== scenario.start)];
  const position = new Map(ids.map((id, i) => [id, i]));
  const vertices = ids.map((id) => {
    const node = scenario.nodes[id];
    const edges: { to: number; score: Record<string, number> }[] = [];
    if (node?.kind === 'dialogue') {
      for (const r of node.replies) edges.push({ to: position.get(r.goto)!, score: r.score });
      if (node.timeLimitMs !== null) edges.push({ to: position.get(node.onTimeout.goto)!, score: node.onTimeout.score });
    } else if (node?.kind === 'branch') {
      for (const r of node.routes) edges.push({ to: position.get(r.goto)!, score: {} });
    }
    return { edges };
  });
  return sumRanges(scenario, vertices, (i) => scenario.endings[ids[i]!] !== undefined);
}
