import { describe, expect, it } from 'vitest';
import { loadScenario, SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * Chains far longer than anyone writes by hand, as a generator or an import
 * can make them. The linter's graph walks (reachability, branch loops, the
 * state walk) and the engine keep their own stacks or loop: none may recurse
 * once per node, which overflowed the call stack at a few thousand.
 */

/** `length` branch nodes in a row (each routes on a condition, else to the next), then a dialogue node and an ending. */
function branchChain(length: number, loop = false): string {
  const next = (i: number): string => (i < length - 1 ? `b${i + 1}` : loop ? 'b0' : 'talk');
  const nodes = Array.from({ length }, (_, i) => `  b${i}:\n    branch:\n      - { if: "flag", goto: talk }\n      - goto: ${next(i)}\n`);
  return `id: branch-chain
title: A long chain of branch nodes
customer: { name: Sam }
variables: { flag: false }
start: b0
nodes:
${nodes.join('')}  talk:
    customer: At last.
    replies:
      - { say: Bye., tact: 1, goto: done }
      - { say: Again., tact: 0, set: { flag: true }, goto: b0 }
endings:
  done: { customer: Bye., outcome: satisfied }
`;
}

/** `length` dialogue nodes in a row, each with a reply on to the next and a 5 s timer that offers it again. */
function dialogueChain(length: number): string {
  const nodes = Array.from({ length }, (_, i) =>
    `  n${i}:\n    customer: Line ${i}.\n    timeLimit: 5s\n    replies:\n      - { say: Go on., tact: 1, goto: ${i === length - 1 ? 'done' : `n${i + 1}`} }\n      - { say: Stop., tact: 0, goto: done }\n`);
  return `id: chain\ntitle: A long chain\ncustomer: { name: Sam }\nstart: n0\nnodes:\n${nodes.join('')}endings:\n  done: { customer: Bye., outcome: satisfied }\n`;
}

describe('20,000 branch nodes in a row', () => {
  it('are linted and compiled, and a play routes through all of them', () => {
    const { compiled, problems } = loadScenario('branch-chain.yaml', branchChain(20_000), catalogue);
    expect(problems).toEqual([]);
    expect(compiled!.analysis.exact).toBe(true);
    const talk = startConversation(compiled!, { clock: new SteppedClock(), timers: 'off' });
    expect(talk.view().node).toBe('talk');
    expect(talk.context.path).toHaveLength(20_001);
    talk.reply(2); // sets flag: the first branch node routes straight back
    expect(talk.context.path.slice(-2)).toEqual(['b0', 'talk']);
    talk.reply(1);
    expect(talk.result()).toMatchObject({ ending: 'done', satisfied: true });
  }, 120_000);

  it('that route back to the first are reported as one loop, named from its start', () => {
    const problems = checkScenario('branch-loop.yaml', branchChain(20_000, true), catalogue).problems.filter((p) => p.rule === 'dead-end');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^branch nodes "b0" → "b1" → .* → "b19999" can route to each other forever/);
  }, 120_000);
});

describe('2,000 timed dialogue nodes in a row', () => {
  it('are played to the end, each reply and each timeout at its own node', () => {
    const { compiled } = loadScenario('chain.yaml', dialogueChain(2_000), catalogue);
    const clock = new SteppedClock();
    const talk = startConversation(compiled!, { clock });
    for (let i = 0; i < 2_000; i++) {
      if (i % 100 === 0) clock.advance(5_000); // the timer runs out: the same node is offered again
      expect(talk.reply(1)).toBe(true);
    }
    const result = talk.result()!;
    expect(result).toMatchObject({ ending: 'done' });
    expect(result.decisions).toHaveLength(2_020);
    expect(result.decisions.filter((d) => d.timedOut)).toHaveLength(20);
  }, 120_000);
});
