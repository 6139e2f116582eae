import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

const scenario = compileYaml(`
id: timers
title: Timers
customer: { name: Lee, mood: 50, patience: 10s }
start: greet
nodes:
  greet:
    customer: Where is my parcel?
    onTimeout: { mood: -20, goto: waited }
    replies:
      - { say: Let me look it up now., tact: 2, goto: done }
      - { say: No idea., tact: -2, goto: done }
  waited:
    customer: Hello? Anyone there?
    timeLimit: 4s
    replies:
      - { say: "Sorry, looking now.", tact: 1, goto: done }
  relaxed:
    customer: Take your time.
    timeLimit: none
    replies:
      - { say: Thanks., goto: done }
endings:
  done: { customer: Fine., outcome: satisfied }
`);

describe('reply timers on the simulated clock', () => {
  it('exposes the deadline from when the replies are shown', () => {
    const clock = new SteppedClock();
    clock.advance(1000);
    const talk = startConversation(scenario, { clock });
    expect(talk.view().deadline).toEqual({ startsAt: 1000, endsAt: 11_000 });
  });

  it('takes the onTimeout branch when the deadline passes', () => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock });
    clock.advance(9_999);
    expect(talk.view().node).toBe('greet');
    clock.advance(1);
    expect(talk.view().node).toBe('waited');
    expect(talk.view().mood).toBe(30);
    expect(talk.context.decisions[0]).toMatchObject({ node: 'greet', timedOut: true, ms: 10_000, tact: 0 });
  });

  it('offers the same node again after a default timeout, with the timer restarted and mood −10', () => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock });
    clock.advance(10_000); // greet → waited
    clock.advance(4_000); // default timeout at waited
    expect(talk.view().node).toBe('waited');
    expect(talk.view().mood).toBe(20);
    expect(talk.view().deadline).toEqual({ startsAt: 14_000, endsAt: 18_000 });
    expect(talk.context.path).toEqual(['greet', 'waited', 'waited']);
  });

  it.each([
    ['1.5x', 15_000],
    ['2x', 20_000],
  ] as const)('stretches limits with the %s setting', (timers, limit) => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock, timers });
    expect(talk.view().deadline).toEqual({ startsAt: 0, endsAt: limit });
    clock.advance(limit - 1);
    expect(talk.view().node).toBe('greet');
    clock.advance(1);
    expect(talk.view().node).toBe('waited');
  });

  it('never times out with timers off', () => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock, timers: 'off' });
    expect(talk.view().deadline).toBeNull();
    clock.advance(10 * 60_000);
    expect(talk.view().node).toBe('greet');
    talk.reply(1);
    expect(talk.result()!.scores.speed).toBeNull();
  });

  it('starts the timer only once the game says the replies are shown', () => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock, waitForShown: true });
    expect(talk.view().phase).toBe('presenting');
    expect(talk.reply(1)).toBe(false); // replies are not up yet
    clock.advance(30_000); // typing out a long line: no timer yet
    expect(talk.view().node).toBe('greet');
    talk.shown();
    expect(talk.view()).toMatchObject({ phase: 'choosing', deadline: { startsAt: 30_000, endsAt: 40_000 } });
    clock.advance(2_500);
    talk.reply(1);
    expect(talk.result()!.decisions[0]!.ms).toBe(2_500);
  });

  it('records the time of each decision', () => {
    const clock = new SteppedClock();
    const talk = startConversation(scenario, { clock });
    clock.advance(3_250);
    talk.reply(2);
    expect(talk.result()!.decisions[0]).toMatchObject({ ms: 3_250, at: 3_250, limitMs: 10_000, reply: 2, tact: -2 });
  });
});

// The clock on its own is pinned down in stepped-clock.test.ts; this is what it means for a conversation.
describe('a timeout in the middle of a clock step', () => {
  it('keeps a re-offered node\u2019s deadline when one step runs past a timeout', () => {
    const compiled = compileYaml(`
id: again
title: Again
customer: { name: Kim, patience: 5s }
start: ask
nodes:
  ask:
    customer: Well?
    replies:
      - { say: Yes., tact: 1, goto: done }
      - { say: No., tact: 0, goto: done }
endings:
  done: { customer: Fine., outcome: neutral }
`);
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock });
    clock.advance(5_400); // the first timer fires at 5 s; the node is offered again from then
    expect(talk.view().deadline).toEqual({ startsAt: 5_000, endsAt: 10_000 });
    clock.advance(4_600);
    expect(talk.context.decisions.map((d) => [d.timedOut, d.at])).toEqual([[true, 5_000], [true, 10_000]]);
    talk.stop();
  });
});
