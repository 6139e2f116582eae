import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

/** The view's last decision: what the UI shows after a reply or a timeout, without reading the scenario or the context. */
const scenario = compileYaml(`
id: last-decision
title: Last decision
customer: { name: Ana, mood: 50, patience: 10s }
start: greet
nodes:
  greet:
    customer: My order is late.
    onTimeout: { mood: -20, goto: waited }
    replies:
      - { say: "I'm sorry, let me check it now.", tact: 2, mood: 15, goto: done }
      - { say: Not my problem., tact: -2, mood: -30, goto: done }
  waited:
    customer: Hello?
    replies:
      - { say: "Sorry, looking now.", tact: 1, goto: done }
endings:
  done: { customer: Fine., outcome: satisfied }
`);

describe('the view\u2019s last decision', () => {
  it('is null before the first decision', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    expect(talk.view().lastDecision).toBeNull();
    talk.stop();
  });

  it('gives the reply\u2019s text and the mood change after a reply, whatever order the replies were shown in', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: 7 });
    const shown = talk.view().replies.find((r) => r.say === 'Not my problem.')!;
    talk.reply(shown.number);
    expect(talk.view().lastDecision).toEqual({ count: 1, node: 'greet', said: 'Not my problem.', timedOut: false, moodChange: -30 });
    talk.stop();
  });

  it('says time ran out, with no text, after a timeout', () => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock });
    clock.advance(10_000);
    expect(talk.view().lastDecision).toEqual({ count: 1, node: 'greet', said: null, timedOut: true, moodChange: -20 });
    talk.reply(1);
    expect(talk.view().lastDecision).toMatchObject({ count: 2, node: 'waited', said: 'Sorry, looking now.', timedOut: false });
    talk.stop();
  });
});
