import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation, startPointProblems } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

// Compiled per test so mutation testing sees the compiler run under each one.
const compile = () => compileYaml(`
id: middle
title: Middle
customer: { name: Ann, mood: 50 }
variables: { offered: false, tries: 0, tone: calm }
start: ask
nodes:
  ask:
    customer: Where is my order?
    order: fixed
    replies:
      - { say: Let me check., tact: 2, mood: 10, goto: check }
      - { say: No idea., tact: -2, mood: -30, goto: lost }
  check:
    branch:
      - { if: "mood < 30", goto: lost }
      - { if: offered, goto: thanks }
      - { goto: offer }
  offer:
    customer: So what now?
    order: fixed
    replies:
      - { say: A voucher?, tact: 1, set: { offered: true, tries: "tries + 1" }, goto: check }
      - { say: Wait more., tact: 0, if: "tries > 1", goto: lost }
endings:
  thanks: { customer: Fine., outcome: satisfied }
  lost: { customer: Bye., outcome: dissatisfied }
`);

describe('a play started from a chosen node', () => {
  it('starts at that dialogue node with the chosen mood and variables, the others kept', () => {
    const talk = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'offer', mood: 72, variables: { tries: 2 } } });
    expect(talk.context.node).toBe('offer');
    expect(talk.context.mood).toBe(72);
    expect(talk.context.variables).toEqual({ offered: false, tries: 2, tone: 'calm' });
    // tries > 1 now holds, so the conditional reply is offered from the start.
    expect(talk.view().replies.map((r) => r.say)).toEqual(['A voucher?', 'Wait more.']);
    expect(talk.context.decisions).toEqual([]);
    talk.stop();
  });

  it('keeps the scenario starting values when mood and variables are left out', () => {
    const talk = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'offer' } });
    expect(talk.context.mood).toBe(50);
    expect(talk.context.variables).toEqual({ offered: false, tries: 0, tone: 'calm' });
    expect(talk.view().replies.map((r) => r.say)).toEqual(['A voucher?']);
    talk.stop();
  });

  it('routes a branch node at once with the chosen values', () => {
    const low = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'check', mood: 20 } });
    expect(low.ended).toBe(true);
    expect(low.context.ending).toBe('lost');
    expect(low.context.path).toEqual(['check', 'lost']);
    const offered = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'check', variables: { offered: true } } });
    expect(offered.context.ending).toBe('thanks');
    const neither = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'check' } });
    expect(neither.context.node).toBe('offer');
  });

  it('rounds a fractional mood as every mood change does', () => {
    const talk = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'offer', mood: 40.6 } });
    expect(talk.context.mood).toBe(41);
    talk.stop();
  });

  it('plays on from there and scores only the decisions made', () => {
    const talk = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'offer' } });
    expect(talk.reply(1)).toBe(true);
    expect(talk.ended).toBe(true);
    expect(talk.context.ending).toBe('thanks');
    expect(talk.context.decisions.map((d) => d.node)).toEqual(['offer']);
    expect(talk.result()?.scores.tact).toBe(100);
  });

  it('refuses a start point the scenario does not have, saying what is wrong', () => {
    expect(() => startConversation(compile(), { clock: new SteppedClock(), from: { node: 'nowhere' } })).toThrow(/no node "nowhere"/);
  });
});

describe('checking a start point', () => {
  it('accepts a node with values of the declared types', () => {
    expect(startPointProblems(compile().scenario, { node: 'offer', mood: 0, variables: { offered: true, tries: 3, tone: 'sharp' } })).toEqual([]);
    expect(startPointProblems(compile().scenario, { node: 'check', mood: 100 })).toEqual([]);
  });

  it('names an unknown node, and an ending as not a place to start', () => {
    expect(startPointProblems(compile().scenario, { node: 'nowhere' })).toEqual(['There is no node "nowhere" in this scenario.']);
    expect(startPointProblems(compile().scenario, { node: 'thanks' })).toEqual(['"thanks" is an ending: start from a dialogue or branch node.']);
  });

  it('refuses a mood outside 0 to 100 or not a number', () => {
    for (const mood of [-1, 101, Number.NaN, Infinity]) {
      expect(startPointProblems(compile().scenario, { node: 'ask', mood })).toEqual([`Mood must be a number from 0 to 100 (got ${String(mood)}).`]);
    }
  });

  it('refuses an undeclared variable and a value of the wrong type', () => {
    expect(startPointProblems(compile().scenario, { node: 'ask', variables: { ghost: 1 } })).toEqual(['There is no variable "ghost" in this scenario\'s variables.']);
    expect(startPointProblems(compile().scenario, { node: 'ask', variables: { tries: 'two' } })).toEqual(['Variable "tries" holds a number, not "two".']);
    expect(startPointProblems(compile().scenario, { node: 'ask', variables: { offered: 1 } })).toEqual(['Variable "offered" holds true or false, not 1.']);
    expect(startPointProblems(compile().scenario, { node: 'ask', variables: { tone: false } })).toEqual(['Variable "tone" holds text, not false.']);
    expect(startPointProblems(compile().scenario, { node: 'ask', variables: { tries: Infinity } })).toEqual(['Variable "tries" holds a number, not Infinity.']);
  });

  it('lists every problem at once', () => {
    expect(startPointProblems(compile().scenario, { node: 'nowhere', mood: 500, variables: { ghost: 1 } })).toHaveLength(3);
  });

  it('does not take an inherited property for a node or a variable', () => {
    expect(startPointProblems(compile().scenario, { node: 'toString', variables: { constructor: 1 } })).toHaveLength(2);
  });
});
