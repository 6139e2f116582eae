import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

/**
 * A reply whose `if` does not hold is not offered: the player sees, and can
 * pick, only the others (the engine's compiled steps, steps.ts), and it
 * comes back once its condition holds.
 */
const compile = () => compileYaml(`
id: hidden
title: Hidden
customer: { name: Ann, mood: 50 }
variables: { asked: false }
start: ask
nodes:
  ask:
    customer: Where is my order?
    order: fixed
    replies:
      - { say: What is the number?, tact: 1, set: { asked: true }, goto: offer }
      - { say: No idea., tact: 0, goto: offer }
  offer:
    customer: So?
    order: fixed
    replies:
      - { say: Let me look it up., tact: 2, if: asked, goto: last }
      - { say: Try again later., tact: 0, goto: last }
  last:
    customer: Anything else?
    order: fixed
    replies:
      - { say: I'll call you back., tact: 1, if: asked, goto: done }
      - { say: Nothing more., tact: 0, if: not asked, goto: done }
endings:
  done: { customer: Fine., outcome: satisfied }
`);

/** The replies offered after choosing each of `choices` in turn. */
const repliesAfter = (...choices: number[]): string[] => {
  const talk = startConversation(compile(), { clock: new SteppedClock() });
  for (const choice of choices) {
    talk.shown();
    talk.reply(choice);
  }
  talk.shown();
  return talk.view().replies.map((r) => r.say);
};

describe('a reply hidden by its "if"', () => {
  it('is not offered while its condition is false', () => {
    expect(repliesAfter(2)).toEqual(['Try again later.']);
  });

  it('is not offered at a node where every reply has an "if"', () => {
    expect(repliesAfter(2, 1)).toEqual(['Nothing more.']);
    expect(repliesAfter(1, 1)).toEqual(["I'll call you back."]);
  });

  it('is offered once its condition holds', () => {
    expect(repliesAfter(1)).toEqual(['Let me look it up.', 'Try again later.']);
  });
});
