import { createActor, type InspectionEvent } from 'xstate';
import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

/**
 * What keeps loading and replying cheap: the machine has two states whatever
 * the scenario (XState builds every state and transition up front), and a
 * reply is one XState microstep that records the decision and enters the
 * next node, branch nodes included, in a single context update. The reply
 * timer is only scheduled when it can run out.
 */
const compiled = compileYaml(`
id: shape
title: Shape
customer: { name: Kim, patience: 10s }
variables: { asked: false }
start: ask
nodes:
  ask:
    customer: Well?
    replies:
      - { say: Tell me more., tact: 2, set: { asked: true }, goto: route }
      - { say: No., tact: -1, goto: untimed }
  route:
    branch:
      - { if: asked, goto: untimed }
      - goto: ask
  untimed:
    customer: Fine.
    timeLimit: none
    replies:
      - { say: Bye., tact: 1, goto: done }
      - { say: Again., tact: 0, goto: ask }
endings:
  done: { customer: Bye., outcome: satisfied }
`);

/** Counts the microsteps of each event sent to a fresh actor, and the timers its clock is asked for. */
function watch(timers: 'standard' | 'off') {
  const microsteps: string[] = [];
  let scheduled = 0;
  const clock = new SteppedClock();
  const setTimeout = clock.setTimeout.bind(clock);
  clock.setTimeout = (fn, ms) => {
    scheduled++;
    return setTimeout(fn, ms);
  };
  const inspect = (e: InspectionEvent): void => {
    if (e.type === '@xstate.microstep') microsteps.push(e.event.type);
  };
  const actor = createActor(compiled.machine, { clock, input: { timers }, inspect });
  actor.start();
  return { actor, microsteps, scheduled: () => scheduled };
}

describe('the compiled machine', () => {
  it('has the same two states, talking and ended, whatever the scenario', () => {
    const states = compiled.machine.root.states;
    expect(Object.keys(states)).toEqual(['talking', 'ended']);
    for (const state of Object.values(states)) expect(Object.keys(state.states)).toEqual([]);
    const transitions = [...states.talking!.transitions.values()].flat();
    expect(transitions).toHaveLength(3); // SHOWN, REPLY, TIMEOUT: not one per reply
  });

  it('takes a reply in one microstep, branch nodes included, and one more to end', () => {
    const { actor, microsteps } = watch('off');
    microsteps.length = 0;
    actor.send({ type: 'REPLY', reply: 2 }); // ask → untimed
    expect(microsteps).toEqual(['REPLY']);
    microsteps.length = 0;
    actor.send({ type: 'REPLY', reply: 2 }); // untimed → ask
    actor.send({ type: 'REPLY', reply: 1 }); // ask → route → untimed
    expect(microsteps).toEqual(['REPLY', 'REPLY']);
    expect(actor.getSnapshot().context.path).toEqual(['ask', 'untimed', 'ask', 'route', 'untimed']);
    microsteps.length = 0;
    actor.send({ type: 'REPLY', reply: 1 }); // untimed → done
    expect(microsteps).toEqual(['REPLY', 'REPLY']); // the eventless move to `ended` is logged under the event that caused it
    expect(actor.getSnapshot()).toMatchObject({ value: 'ended', status: 'done', context: { ending: 'done' } });
  });

  it('ignores a REPLY that names no shown reply', () => {
    const { actor } = watch('off');
    for (const reply of [0, 3, -1, 1.5, Number.NaN]) actor.send({ type: 'REPLY', reply });
    // Still playing (not stopped by an error) and nothing recorded.
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context).toMatchObject({ node: 'ask', decisions: [] });
  });

  it('ignores replies and timeouts while the line is still being presented, and a timeout with timers off', () => {
    const clock = new SteppedClock();
    const presenting = createActor(compiled.machine, { clock, input: { timers: 'standard', waitForShown: true } });
    presenting.start();
    presenting.send({ type: 'REPLY', reply: 1 });
    presenting.send({ type: 'TIMEOUT' });
    expect(presenting.getSnapshot()).toMatchObject({ status: 'active', context: { node: 'ask', decisions: [], shownAt: null } });
    const off = watch('off');
    off.actor.send({ type: 'TIMEOUT' });
    expect(off.actor.getSnapshot()).toMatchObject({ status: 'active', context: { node: 'ask', decisions: [] } });
  });

  it('times a reply from when the replies were shown, or at the time the REPLY event gives', () => {
    const clock = new SteppedClock();
    const actor = createActor(compiled.machine, { clock, input: { timers: 'off', startedAt: 1_000, waitForShown: true } });
    actor.start();
    actor.send({ type: 'SHOWN', at: 5_000 });
    actor.send({ type: 'REPLY', reply: 2 }); // no time given: as soon as shown
    expect(actor.getSnapshot().context.decisions[0]).toMatchObject({ at: 5_000, ms: 0 });
    actor.send({ type: 'SHOWN', at: 6_000 });
    actor.send({ type: 'REPLY', reply: 2, at: 9_500 });
    expect(actor.getSnapshot().context.decisions[1]).toMatchObject({ at: 9_500, ms: 3_500 });
  });

  it('schedules a reply timer only at a timed node with timers on', () => {
    const off = watch('off');
    off.actor.send({ type: 'REPLY', reply: 2 });
    off.actor.send({ type: 'REPLY', reply: 2 });
    expect(off.scheduled()).toBe(0);
    const on = watch('standard');
    expect(on.scheduled()).toBe(1); // ask's timer
    on.actor.send({ type: 'REPLY', reply: 2 }); // untimed: no timer
    expect(on.scheduled()).toBe(1);
  });

  it('finds every goto by the id alone, whatever the id looks like', () => {
    // Targets are written as sibling keys: ids that look like numbers, or hold "-" and "_", must still name their state.
    const odd = compileYaml(`
id: odd-ids
title: Odd ids
customer: { name: Kim }
start: "1"
nodes:
  "1":
    customer: One.
    timeLimit: none
    replies:
      - { say: On., tact: 1, goto: a-b }
      - { say: Stay., tact: 0, goto: "1" }
  a-b:
    branch:
      - goto: A_1
  A_1:
    customer: Two.
    timeLimit: none
    replies:
      - { say: End., tact: 1, goto: "0" }
      - { say: Back., tact: 0, goto: "1" }
endings:
  "0": { customer: Bye., outcome: neutral }
`);
    const actor = createActor(odd.machine, { input: { timers: 'off' } });
    actor.start();
    const replyTo = (say: string): void => {
      const { context } = actor.getSnapshot();
      const node = odd.scenario.nodes[context.node]!;
      const index = node.kind === 'dialogue' ? node.replies.find((r) => r.say === say)!.index : 0;
      actor.send({ type: 'REPLY', reply: context.shown.indexOf(index) + 1 });
    };
    for (const say of ['Stay.', 'On.', 'Back.', 'On.', 'End.']) replyTo(say);
    const snapshot = actor.getSnapshot();
    expect(snapshot.context.path).toEqual(['1', '1', 'a-b', 'A_1', '1', 'a-b', 'A_1', '0']);
    expect(snapshot.context.ending).toBe('0');
    expect(snapshot.status).toBe('done');
  });

  it('starts the timer on SHOWN when the game waits to present the line', () => {
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock, waitForShown: true });
    clock.advance(60_000);
    expect(talk.view()).toMatchObject({ node: 'ask', phase: 'presenting' });
    talk.shown();
    talk.shown(); // a second SHOWN changes nothing
    expect(talk.view().deadline).toEqual({ startsAt: 60_000, endsAt: 70_000 });
    clock.advance(10_000);
    expect(talk.context.decisions).toMatchObject([{ node: 'ask', timedOut: true, ms: 10_000 }]);
  });
});
