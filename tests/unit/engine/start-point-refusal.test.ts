import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

/**
 * A conversation asked to start at a start point the scenario does not
 * have is a programming error (the studio checks with startPointProblems
 * first): it throws, and the message lists every problem, as sentences.
 */
const compile = () => compileYaml(`
id: refusal
title: Refusal
customer: { name: Ann, mood: 50 }
variables: { offered: false }
start: ask
nodes:
  ask:
    customer: Where is my order?
    replies:
      - { say: Let me check., tact: 2, goto: thanks }
      - { say: No idea., tact: -2, goto: lost }
endings:
  thanks: { customer: Fine., outcome: satisfied }
  lost: { customer: Bye., outcome: dissatisfied }
`);

describe('a start point the scenario does not have', () => {
  it('throws with every problem in one message, one sentence after another', () => {
    expect(() => startConversation(compile(), { clock: new SteppedClock(), from: { node: 'thanks', mood: 120, variables: { offered: 'yes' } } }))
      .toThrow(new RangeError('Cannot start there: "thanks" is an ending: start from a dialogue or branch node. Mood must be a number from 0 to 100 (got 120). Variable "offered" holds true or false, not "yes".'));
  });
});
