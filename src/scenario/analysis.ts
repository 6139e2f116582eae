import { evaluate, namesIn, truthy, type Expression, type Value } from './expression.ts';
import type { Effect, Scenario } from './model.ts';
import { clampMood } from './semantics.ts';

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

/**
 * A directed graph with scored edges, stored flat (the walk can hold
 * hundreds of thousands of edges): the edges of vertex v are the indexes
 * `first[v]` up to `first[v + 1]`, each going `to` a vertex with a `score`.
 */
interface ScoredGraph {
  size: number;
  first: number[];
  to: number[];
  score: Readonly<Record<string, number>>[];
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

  const walk = deadEnds.size === 0 && branchLoops.length === 0 ? exploreStates(scenario) : undefined;
  const endingsReached = new Set<string>();
  const traps = new Set<string>();
  let dimensionRanges: Analysis['dimensionRanges'];
  if (walk?.exact) {
    const nodeOf = (v: number): string => walk.ids[walk.vertexNode[v]!]!;
    const isEnd = (v: number): boolean => scenario.endings[nodeOf(v)] !== undefined;
    for (let v = 0; v < walk.graph.size; v++) if (nodeOf(v) in scenario.endings) endingsReached.add(nodeOf(v));
    const canFinish = reachBack(walk.graph, isEnd);
    for (let v = 0; v < walk.graph.size; v++) if (!canFinish.has(v)) traps.add(nodeOf(v));
    dimensionRanges = sumRanges(scenario, walk.graph, isEnd);
  } else {
    dimensionRanges = structuralRanges(scenario, successors);
  }
  return {
    reachable, deadEnds, branchLoops, exact: walk?.exact ?? false, states: walk?.graph.size ?? 0,
    endingsReached, traps, dimensionRanges,
  };
}

/** Every id each node can go to, whatever the conditions. */
export function structuralSuccessors(scenario: Scenario): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') out.set(node.id, node.routes.map((r) => r.goto));
    else {
      const gotos = node.replies.map((r) => r.goto);
      if (node.timeLimitMs !== null) gotos.push(node.onTimeout.goto);
      out.set(node.id, gotos);
    }
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

/**
 * Cycles of branch nodes, each as the trail from its first node, in the
 * order a depth-first search over branch nodes meets them (a route back to
 * a node still on the trail is a loop: conditions might select it). The
 * search keeps its own stack, so a chain of any length cannot overflow the
 * call stack.
 */
function findBranchLoops(scenario: Scenario): string[][] {
  const loops: string[][] = [];
  const finished = new Set<string>();
  const trail: string[] = [];
  /** Where each node on the trail stands in it. */
  const onTrail = new Map<string, number>();
  /** The trail's branch nodes, each with the next of its routes to follow. */
  const stack: { id: string; gotos: string[]; next: number }[] = [];
  const arrive = (id: string): void => {
    const node = scenario.nodes[id];
    if (!node || node.kind !== 'branch' || finished.has(id)) return;
    const at = onTrail.get(id);
    if (at !== undefined) {
      loops.push(trail.slice(at));
      return;
    }
    onTrail.set(id, trail.length);
    trail.push(id);
    stack.push({ id, gotos: node.routes.map((r) => r.goto), next: 0 });
  };
  for (const id of Object.keys(scenario.nodes)) {
    arrive(id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.gotos.length) {
        arrive(top.gotos[top.next++]!);
        continue;
      }
      stack.pop();
      trail.pop();
      onTrail.delete(top.id);
      finished.add(top.id);
    }
  }
  return loops;
}

/** Variables (and `mood`) that can change which reply is offered or which branch is taken. */
function relevantNames(scenario: Scenario): Set<string> {
  // Sets, not lists: replies that repeat an expression's text share its tree (normalise), so each is read once.
  const conditions = new Set<Expression>();
  const assignments = new Map<string, Set<Expression>>();
  const collect = (effect: Effect): void => {
    for (const a of effect.set) {
      const list = assignments.get(a.name);
      if (list) list.add(a.expression);
      else assignments.set(a.name, new Set([a.expression]));
    }
  };
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') {
      for (const r of node.routes) if (r.condition) conditions.add(r.condition);
    } else {
      collect(node.onTimeout);
      for (const r of node.replies) {
        if (r.condition) conditions.add(r.condition);
        collect(r);
      }
    }
  }
  const relevant = new Set([...conditions].flatMap(namesIn));
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

/** What the walk needs of a reply or a timeout: when it is offered, where it goes, and its changes to what conditions read. */
interface WalkEffect {
  condition?: Expression;
  to: number;
  mood: number;
  /** Its assignments to relevant variables, by position in the walk's variable list. */
  set: { at: number; expression: Expression }[];
  score: Readonly<Record<string, number>>;
  /**
   * The interned values after its assignments, by the state before them
   * (its interned values, with the mood when an assignment reads it):
   * filled as the walk goes, since the same values recur at many moods.
   */
  setFrom?: Map<number, number>;
  /** Some assignment reads `mood`, so the result depends on it. */
  setReadsMood?: boolean;
}

const NO_CHANGE: WalkEffect['set'] = [];

/** A node as the walk sees it (an ending has no moves). */
type WalkNode =
  | { kind: 'dialogue'; replies: WalkEffect[]; timeout?: WalkEffect }
  | { kind: 'branch'; routes: { to: number; condition?: Expression }[] }
  | { kind: 'ending' };

/** The walk's result: the vertices (node and state) it found and the moves between them. */
interface StateWalk {
  exact: boolean;
  /** Node and ending ids; `vertexNode` holds indexes into it. */
  ids: string[];
  vertexNode: number[];
  graph: ScoredGraph;
}

/**
 * The bounded walk over states. A state is the values of the relevant
 * variables (interned: each distinct set of values gets a number) and, when
 * a condition can read it, the mood; a vertex is a node in a state, found
 * through a numeric key. Moves are taken in file order from vertices in the
 * order they were found, so the count at which the budget stops the walk is
 * the same every time.
 */
function exploreStates(scenario: Scenario): StateWalk {
  const relevant = relevantNames(scenario);
  const keepMood = relevant.has('mood');
  const names = Object.keys(scenario.variables).filter((n) => relevant.has(n)).sort();
  const column = new Map(names.map((n, i) => [n, i]));

  const ids = [...Object.keys(scenario.nodes), ...Object.keys(scenario.endings)];
  const position = new Map(ids.map((id, i) => [id, i]));
  const walkEffect = (effect: Effect & { condition?: Expression }): WalkEffect => ({
    condition: effect.condition,
    to: position.get(effect.goto)!,
    mood: effect.mood,
    // Most replies set nothing: they share one empty list.
    set: effect.set.length === 0 ? NO_CHANGE : effect.set.filter((a) => column.has(a.name)).map((a) => ({ at: column.get(a.name)!, expression: a.expression })),
    score: effect.score,
  });
  const withSetMemo = (effect: WalkEffect): WalkEffect => {
    if (effect.set.length > 0) {
      effect.setFrom = new Map();
      effect.setReadsMood = effect.set.some((a) => namesIn(a.expression).includes('mood'));
    }
    return effect;
  };
  const nodes: WalkNode[] = ids.map((id) => {
    const node = scenario.nodes[id];
    if (node?.kind === 'branch') return { kind: 'branch', routes: node.routes.map((r) => ({ to: position.get(r.goto)!, condition: r.condition })) };
    if (node?.kind === 'dialogue') {
      return {
        kind: 'dialogue',
        replies: node.replies.map((r) => withSetMemo(walkEffect(r))),
        timeout: node.timeLimitMs !== null ? withSetMemo(walkEffect(node.onTimeout)) : undefined,
      };
    }
    return { kind: 'ending' };
  });

  // Interned variable values, keyed by each value with its type (typeof keeps true apart from "true" and 1 apart from "1").
  const valuesKey = new Map<string, number>();
  const valueSets: Value[][] = [];
  const intern = (values: Value[]): number => {
    let key = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      key += `|${typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : 'b'}${String(v)}`;
    }
    let id = valuesKey.get(key);
    if (id === undefined) {
      id = valueSets.length;
      valuesKey.set(key, id);
      valueSets.push(values);
    }
    return id;
  };
  // Moods are whole numbers 0..100 once changed (clampMood), plus the starting mood: at most 102 values.
  const moods: number[] = [];
  const moodSlot = new Map<number, number>();
  /**
   * A state as one number: its interned values, and its mood when a
   * condition can read it (mood is left out of the state otherwise).
   */
  const stateOf = (values: number, mood: number): number => {
    if (!keepMood) return values;
    let slot = moodSlot.get(mood);
    if (slot === undefined) {
      slot = moods.length;
      moodSlot.set(mood, slot);
      moods.push(mood);
    }
    return values * 128 + slot;
  };
  const valuesOf = (state: number): number => (keepMood ? Math.floor(state / 128) : state);
  const moodOf = (state: number): number => moods[state % 128]!;
  /** The scope expressions are evaluated in (the relevant variables, and mood when kept), built once per state. */
  const scopes = new Map<number, Record<string, Value>>();
  const scopeOf = (state: number): Record<string, Value> => {
    let scope = scopes.get(state);
    if (!scope) {
      // No prototype, so a variable named like one of Object's (`__proto__`) is a plain own property, as in a spread.
      scope = Object.create(null) as Record<string, Value>;
      const values = valueSets[valuesOf(state)]!;
      for (let i = 0; i < names.length; i++) scope[names[i]!] = values[i]!;
      if (keepMood) scope.mood = moodOf(state);
      scopes.set(state, scope);
    }
    return scope;
  };
  const holds = (condition: Expression | undefined, state: number): boolean => condition === undefined || truthy(evaluate(condition, scopeOf(state)));
  /** The state after an effect: `set` expressions all read the state from before it. */
  const after = (effect: WalkEffect, state: number): number => {
    let values = valuesOf(state);
    if (effect.setFrom) {
      const before = effect.setReadsMood ? state : values;
      let next = effect.setFrom.get(before);
      if (next === undefined) {
        const scope = scopeOf(state);
        const changed = [...valueSets[values]!];
        for (let i = 0; i < effect.set.length; i++) changed[effect.set[i]!.at] = evaluate(effect.set[i]!.expression, scope);
        next = intern(changed);
        effect.setFrom.set(before, next);
      }
      values = next;
    }
    return stateOf(values, keepMood ? clampMood(moodOf(state) + effect.mood) : 0);
  };

  const budget = Math.max(MIN_BUDGET, STATES_PER_NODE * Object.keys(scenario.nodes).length);
  const vertexNode: number[] = [];
  const vertexState: number[] = [];
  const vertexOf = new Map<number, number>();
  const graph: ScoredGraph = { size: 0, first: [], to: [], score: [] };
  const visit = (node: number, state: number): number => {
    const key = state * ids.length + node;
    let v = vertexOf.get(key);
    if (v === undefined) {
      v = vertexNode.length;
      vertexOf.set(key, v);
      vertexNode.push(node);
      vertexState.push(state);
    }
    return v;
  };
  const edge = (to: number, score: Readonly<Record<string, number>>): void => {
    graph.to.push(to);
    graph.score.push(score);
  };
  const NO_SCORE: Readonly<Record<string, number>> = {};

  visit(position.get(scenario.start)!, stateOf(intern(names.map((n) => scenario.variables[n]!)), scenario.customer.mood));
  // Indexed loops rather than for…of here: this runs for every reply of every vertex (hundreds of thousands of times).
  for (let v = 0; v < vertexNode.length; v++) {
    graph.size = vertexNode.length;
    if (vertexNode.length > budget) return { exact: false, ids, vertexNode, graph };
    graph.first[v] = graph.to.length;
    const node = nodes[vertexNode[v]!]!;
    const state = vertexState[v]!;
    if (node.kind === 'branch') {
      // The first route whose `if` holds, else the fallback (the linter guarantees one is last).
      const route = node.routes.find((r) => holds(r.condition, state)) ?? node.routes[node.routes.length - 1]!;
      edge(visit(route.to, state), NO_SCORE);
    } else if (node.kind === 'dialogue') {
      for (let r = 0; r < node.replies.length; r++) {
        const reply = node.replies[r]!;
        if (holds(reply.condition, state)) edge(visit(reply.to, after(reply, state)), reply.score);
      }
      if (node.timeout) edge(visit(node.timeout.to, after(node.timeout, state)), node.timeout.score);
    }
  }
  graph.size = vertexNode.length;
  graph.first[graph.size] = graph.to.length;
  return { exact: true, ids, vertexNode, graph };
}

/** The vertices from which some goal vertex can be reached (goals included). */
function reachBack(graph: ScoredGraph, isGoal: (v: number) => boolean): Set<number> {
  const back: number[][] = Array.from({ length: graph.size }, () => []);
  for (let v = 0; v < graph.size; v++) for (let e = graph.first[v]!; e < graph.first[v + 1]!; e++) back[graph.to[e]!]!.push(v);
  const seen = new Set<number>();
  const stack: number[] = [];
  for (let v = 0; v < graph.size; v++) {
    if (isGoal(v)) {
      seen.add(v);
      stack.push(v);
    }
  }
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
 * Minimum and maximum sum of each dimension over walks from the start
 * (vertex 0) to an ending (Bellman-Ford). A loop that keeps adding points
 * would make the sum unbounded; relaxation stops after |V| rounds, so such a
 * loop counts once or twice rather than forever, and reported scores are
 * clamped to 0..100.
 */
function sumRanges(scenario: Scenario, graph: ScoredGraph, isEnd: (v: number) => boolean): Record<string, { min: number; max: number }> {
  const ranges: Record<string, { min: number; max: number }> = {};
  for (const dimension of Object.keys(scenario.scoring.dimensions)) {
    const extreme = (sign: 1 | -1): number => {
      const best = new Array<number>(graph.size).fill(Infinity);
      best[0] = 0;
      let changed = true;
      for (let round = 0; changed && round < graph.size; round++) {
        changed = false;
        for (let v = 0; v < graph.size; v++) {
          if (best[v] === Infinity) continue;
          for (let e = graph.first[v]!; e < graph.first[v + 1]!; e++) {
            const value = best[v]! + sign * (graph.score[e]![dimension] ?? 0);
            if (value < best[graph.to[e]!]!) {
              best[graph.to[e]!] = value;
              changed = true;
            }
          }
        }
      }
      let result = Infinity;
      for (let v = 0; v < graph.size; v++) if (isEnd(v) && best[v]! < result) result = best[v]!;
      return result === Infinity ? 0 : sign * result + 0; // + 0 turns -0 into 0
    };
    ranges[dimension] = { min: extreme(1), max: extreme(-1) };
  }
  return ranges;
}

/** Ranges on the node graph (conditions ignored) when the state walk ran out of budget. */
function structuralRanges(scenario: Scenario, successors: Map<string, string[]>): Record<string, { min: number; max: number }> {
  if (Object.keys(scenario.scoring.dimensions).length === 0) return {};
  const ids = [scenario.start, ...[...successors.keys(), ...Object.keys(scenario.endings)].filter((id) => id !== scenario.start)];
  const position = new Map(ids.map((id, i) => [id, i]));
  const graph: ScoredGraph = { size: ids.length, first: [], to: [], score: [] };
  const edge = (goto: string, score: Readonly<Record<string, number>>): void => {
    graph.to.push(position.get(goto)!);
    graph.score.push(score);
  };
  ids.forEach((id, v) => {
    graph.first[v] = graph.to.length;
    const node = scenario.nodes[id];
    if (node?.kind === 'dialogue') {
      for (const r of node.replies) edge(r.goto, r.score);
      if (node.timeLimitMs !== null) edge(node.onTimeout.goto, node.onTimeout.score);
    } else if (node?.kind === 'branch') {
      for (const r of node.routes) edge(r.goto, {});
    }
  });
  graph.first[graph.size] = graph.to.length;
  return sumRanges(scenario, graph, (v) => scenario.endings[ids[v]!] !== undefined);
}
