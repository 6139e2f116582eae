import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SteppedClock, debriefOf, loadScenario, startConversation, type ConversationView } from '../../../src/engine/index.ts';
import { catalogue, compileYaml } from '../helpers.ts';

// Compiled inside each test, not once per file, so that each test exercises
// the compiler too (mutation testing changes code only while tests run).
const compile = () => compileYaml(`
id: api
title: API
customer: { name: Ann, mood: 50, patience: 10s }
start: ask
nodes:
  ask:
    customer: Where is my order?
    emotion: annoyed
    order: fixed
    replies:
      - { say: Let me check., tact: 2, mood: 30, goto: done, feedback: Good start. }
      - { say: Not my problem., tact: -2, mood: -40, goto: cross }
endings:
  done: { customer: Thanks!, outcome: satisfied }
  cross: { customer: Unbelievable., emotion: angry, outcome: dissatisfied }
`);

describe('a conversation, as the game drives it', () => {
  it('ignores a reply before the replies are shown, or after the end, and says so', () => {
    const compiled = compile();
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock, waitForShown: true });
    expect(talk.view().phase).toBe('presenting');
    expect(talk.view().deadline).toBeNull();
    expect(talk.reply(1)).toBe(false);
    expect(talk.context.decisions).toEqual([]);
    talk.shown();
    expect(talk.view().phase).toBe('choosing');
    expect(talk.reply(0)).toBe(false);
    expect(talk.reply(3)).toBe(false);
    expect(talk.context.decisions).toEqual([]);
    expect(talk.reply(2)).toBe(true);
    expect(talk.ended).toBe(true);
    expect(talk.reply(1)).toBe(false);
    talk.stop();
  });

  it('shows the ending: its last line, its own face, no replies and no deadline', () => {
    const compiled = compile();
    const talk = startConversation(compiled, { clock: new SteppedClock() });
    talk.reply(2);
    const view = talk.view();
    expect(view).toMatchObject({ phase: 'ended', node: 'cross', line: 'Unbelievable.', emotion: 'angry', replies: [], deadline: null, mood: 10 });
    expect(view.lastDecision).toEqual({ count: 1, node: 'ask', said: 'Not my problem.', timedOut: false, moodChange: -40 });
    expect(view.result).toMatchObject({ ending: 'cross', outcome: 'dissatisfied', satisfied: false, timersOn: true });
    expect(talk.context.shown).toEqual([]);
    talk.stop();
  });

  it('shows a face from the mood at an ending without one, and marks a satisfied ending', () => {
    const compiled = compile();
    const talk = startConversation(compiled, { clock: new SteppedClock(), timers: 'off' });
    talk.reply(1);
    expect(talk.view()).toMatchObject({ line: 'Thanks!', emotion: 'delighted', mood: 80 });
    expect(talk.result()).toMatchObject({ satisfied: true, timersOn: false });
    // With timers off, a timed node never times out.
    expect(talk.context.decisions.map((d) => d.timedOut)).toEqual([false]);
    talk.stop();
  });

  it('shows the deadline while choosing, and a timeout as said nothing', () => {
    const compiled = compile();
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock });
    expect(talk.view()).toMatchObject({ phase: 'choosing', node: 'ask', customerName: 'Ann', line: 'Where is my order?', emotion: 'annoyed', mood: 50 });
    expect(talk.view().deadline).toEqual({ startsAt: 0, endsAt: 10_000 });
    expect(talk.view().replies).toEqual([{ number: 1, say: 'Let me check.' }, { number: 2, say: 'Not my problem.' }]);
    clock.advance(10_000);
    expect(talk.view().lastDecision).toEqual({ count: 1, node: 'ask', said: null, timedOut: true, moodChange: -10 });
    expect(talk.view().deadline).toEqual({ startsAt: 10_000, endsAt: 20_000 });
    // The node is entered again: it is on the path twice, and the timeout showed no technique.
    expect(talk.context.path).toEqual(['ask', 'ask']);
    expect(talk.context.decisions[0]).toMatchObject({ timedOut: true, reply: null, replyIndex: null, techniques: [], critical: false, ms: 10_000, at: 10_000 });
    talk.stop();
  });

  it('starts the timer when the game shows the replies, and times the timeout from then', () => {
    const compiled = compile();
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock, waitForShown: true });
    clock.advance(500);
    talk.shown();
    expect(talk.view().deadline).toEqual({ startsAt: 500, endsAt: 10_500 });
    clock.advance(9_999);
    expect(talk.context.decisions).toEqual([]);
    clock.advance(1);
    expect(talk.context.decisions[0]).toMatchObject({ timedOut: true, ms: 10_000, at: 10_500 });
    talk.stop();
  });

  it('re-enters a node a reply sends back to itself: on the path again, with a fresh timer', () => {
    const loop = compileYaml(`
id: loop
title: Loop
customer: { name: Ann, mood: 50, patience: 10s }
start: ask
nodes:
  ask:
    customer: Pardon?
    replies:
      - { say: Let me repeat that., tact: 1, mood: 5, goto: ask }
      - { say: Done., tact: 1, goto: done }
endings:
  done: { outcome: satisfied }
`);
    const clock = new SteppedClock();
    const talk = startConversation(loop, { clock });
    clock.advance(4_000);
    expect(talk.reply(1)).toBe(true);
    expect(talk.context.path).toEqual(['ask', 'ask']);
    expect(talk.view().deadline).toEqual({ startsAt: 4_000, endsAt: 14_000 });
    clock.advance(6_000);
    expect(talk.context.decisions).toHaveLength(1);
    talk.stop();
  });

  it('tells subscribers about every change until they unsubscribe', () => {
    const compiled = compile();
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock });
    const seen: ConversationView[] = [];
    const unsubscribe = talk.subscribe((view) => seen.push(view));
    clock.advance(10_000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)!.lastDecision?.timedOut).toBe(true);
    const count = seen.length;
    unsubscribe();
    talk.reply(1);
    expect(seen.length).toBe(count);
    talk.stop();
  });

  it('stops its timers when stopped', () => {
    const compiled = compile();
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock });
    talk.stop();
    clock.advance(60_000);
    expect(talk.context.decisions).toEqual([]);
  });

  it('debriefs a timeout with nothing said and the best reply named', () => {
    const compiled = compile();
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock });
    clock.advance(10_000);
    talk.reply(1);
    const debrief = debriefOf(compiled, talk.result()!, catalogue);
    expect(debrief.decisions.map((d) => [d.timedOut, d.said, d.feedback, d.tact, d.wasBest, d.best])).toEqual([
      [true, null, null, 0, false, { say: 'Let me check.', feedback: 'Good start.' }],
      [false, 'Let me check.', 'Good start.', 100, true, null],
    ]);
    talk.stop();
  });
});

describe('loading a scenario', () => {
  it('gives no compiled scenario when there is an error, and one when there are only warnings', () => {
    const broken = loadScenario('b.yaml', 'id: b\ntitle: B\ncustomer: { name: A }\nstart: nowhere\nnodes: {}\nendings: { done: { outcome: satisfied } }\n', catalogue);
    expect(broken.compiled).toBeUndefined();
    expect(broken.problems.some((p) => p.severity === 'error')).toBe(true);
    // An error found after the scenario was read (a dead end) also blocks play.
    const deadEnd = loadScenario('dead-end.yaml', readFileSync('tests/fixtures/lint/errors/dead-end.yaml', 'utf8'), catalogue);
    expect(deadEnd.problems.map((p) => p.rule)).toContain('dead-end');
    expect(deadEnd.compiled).toBeUndefined();
    const notYaml = loadScenario('c.yaml', 'a: [', catalogue);
    expect(notYaml.compiled).toBeUndefined();
    expect(notYaml.problems.length).toBeGreaterThan(0);
  });
});
