import { describe, expect, it } from 'vitest';
import { compileYaml } from '../helpers.ts';

/**
 * When a scenario has too many states for the linter's walk, the ranges of
 * extra dimensions come from the node graph alone. Timeouts are edges of
 * that graph too: points a timeout gives or takes must be in the range.
 */
describe('dimension ranges on a scenario too large for the state walk', () => {
  const compiled = compileYaml(`
id: too-many-states
title: Too many states
customer: { name: Kim, patience: 10s }
variables: { n: 0 }
scoring: { dimensions: { policy: { label: Policy } } }
start: ask
nodes:
  ask:
    customer: Again?
    onTimeout: { score: { policy: -5 }, goto: done }
    replies:
      - { say: Again., tact: 1, set: { n: "n + 1" }, goto: check }
      - { say: Stop., tact: 0, score: { policy: 2 }, goto: done }
  check:
    branch:
      - { if: "n > 100000", goto: done }
      - goto: ask
endings:
  done: { customer: Bye., outcome: neutral }
`);

  it('falls back to the node graph (the walk gave up)', () => {
    expect(compiled.analysis.exact).toBe(false);
  });

  it('counts the points a timeout takes', () => {
    expect(compiled.analysis.dimensionRanges.policy).toEqual({ min: -5, max: 2 });
  });
});
