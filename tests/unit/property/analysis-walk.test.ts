import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesIn } from '../../../src/scenario/expression.ts';
import { applyEffect, checkScenario, offeredReplies, routeBranch, type ConversationState, type Scenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';
import { validScenarioYaml } from './random-scenarios.ts';

/**
 * The linter's state walk keeps states as interned numbers and evaluates each
 * state once. This is the walk written the plain way, with semantics.ts's
 * own functions and a string key per state: the two must find the same
 * states in the same order, so every finding (and the count at which the
 * budget stops the walk) is the same.
 */
function plainWalk(scenario: Scenario, budget: number) {
  const conditions = [
    ...Object.values(scenario.nodes).flatMap((n) => (n.kind === 'branch' ? n.routes : n.replies).map((r) => r.condition)),
  ].filter((c) => c !== undefined);
  const assignments = Object.values(scenario.nodes).flatMap((n) => (n.kind === 'dialogue' ? [n.onTimeout, ...n.replies].flatMap((e) => e.set) : []));
  const relevant = new Set(conditions.flatMap(namesIn));
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of assignments) {
      if (!relevant.has(a.name)) continue;
      for (const name of namesIn(a.expression)) if (!relevant.has(name)) grew = relevant.add(name) !== undefined;
    }
  }
  const names = Object.keys(scenario.variables).filter((n) => relevant.has(n)).sort();
  const keyOf = (node: string, s: ConversationState): string =>
    (relevant.has('mood') ? `${node}|${s.mood}` : node) + names.map((n) => `|${typeof s.variables[n]}${String(s.variables[n])}`).join('');
  const vertices: { node: string; state: ConversationState; edges: number[] }[] = [];
  const index = new Map<string, number>();
  const visit = (node: string, state: ConversationState): number => {
    const key = keyOf(node, state);
    if (!index.has(key)) {
      index.set(key, vertices.length);
      vertices.push({ node, state, edges: [] });
    }
    return index.get(key)!;
  };
  visit(scenario.start, { mood: scenario.customer.mood, variables: scenario.variables });
  for (let i = 0; i < vertices.length; i++) {
    if (vertices.length > budget) return { exact: false, states: vertices.length, vertices };
    const v = vertices[i]!;
    const node = Object.hasOwn(scenario.nodes, v.node) ? scenario.nodes[v.node]! : undefined;
    if (node?.kind === 'branch') v.edges.push(visit(routeBranch(node, v.state), v.state));
    if (node?.kind === 'dialogue') {
      for (const reply of offeredReplies(node, v.state)) v.edges.push(visit(reply.goto, applyEffect(reply, v.state)));
      if (node.timeLimitMs !== null) v.edges.push(visit(node.onTimeout.goto, applyEffect(node.onTimeout, v.state)));
    }
  }
  return { exact: true, states: vertices.length, vertices };
}

/** Endings reached and traps, from the plain walk. */
function findings(scenario: Scenario, walk: ReturnType<typeof plainWalk>) {
  const isEnd = (i: number): boolean => Object.hasOwn(scenario.endings, walk.vertices[i]!.node);
  const canFinish = new Set(walk.vertices.map((_, i) => i).filter(isEnd));
  for (let grew = true; grew; ) {
    grew = false;
    walk.vertices.forEach((v, i) => {
      if (!canFinish.has(i) && v.edges.some((e) => canFinish.has(e))) grew = canFinish.add(i) !== undefined;
    });
  }
  return {
    endingsReached: [...new Set(walk.vertices.filter((_, i) => isEnd(i)).map((v) => v.node))],
    traps: [...new Set(walk.vertices.filter((_, i) => !canFinish.has(i)).map((v) => v.node))],
  };
}

describe('the linter state walk', () => {
  it('finds the states, endings and traps the plain walk finds, on random scenarios', () => {
    fc.assert(
      fc.property(validScenarioYaml, (yaml) => {
        const { scenario, analysis } = checkScenario('random.yaml', yaml, catalogue);
        if (!scenario || !analysis || analysis.deadEnds.size > 0 || analysis.branchLoops.length > 0) return;
        const walk = plainWalk(scenario, 5_000);
        expect({ exact: analysis.exact, states: analysis.states }).toEqual({ exact: walk.exact, states: walk.states });
        if (!walk.exact) return;
        const expected = findings(scenario, walk);
        expect([...analysis.endingsReached]).toEqual(expected.endingsReached);
        expect([...analysis.traps].sort()).toEqual(expected.traps.sort());
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the same count as the plain walk when the budget runs out', () => {
    // A counter with no bound: every visit of the loop is a new state, until the budget stops the walk.
    const yaml = `
id: unbounded
title: Unbounded
customer: { name: Kim }
variables: { n: 0, flag: false }
start: ask
nodes:
  ask:
    customer: Again?
    replies:
      - { say: Again., tact: 1, set: { n: "n + 1" }, mood: 5, goto: check }
      - { say: Stop., tact: 0, if: "not flag", goto: done }
  check:
    branch:
      - { if: "n > 100000 and mood > 10", goto: done }
      - goto: ask
endings:
  done: { customer: Bye., outcome: neutral }
`;
    const { scenario, analysis } = checkScenario('unbounded.yaml', yaml, catalogue);
    const walk = plainWalk(scenario!, 5_000);
    expect(walk.exact).toBe(false);
    expect({ exact: analysis!.exact, states: analysis!.states }).toEqual({ exact: false, states: walk.states });
  });
});
