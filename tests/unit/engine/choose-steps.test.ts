import { describe, expect, it } from 'vitest';
import { parseChoices, playChoices, type ChoiceStep } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

describe('a --choose list', () => {
  it('reads reply numbers, N@S waits in seconds, and t for a timeout, ignoring spaces', () => {
    expect(parseChoices('1, 2@3.5 ,t,10@0.0004,3@2,4@0.25')).toEqual({
      steps: [
        { kind: 'reply', number: 1, afterMs: 0 },
        { kind: 'reply', number: 2, afterMs: 3500 },
        { kind: 'timeout' },
        { kind: 'reply', number: 10, afterMs: 0 },
        { kind: 'reply', number: 3, afterMs: 2000 },
        { kind: 'reply', number: 4, afterMs: 250 },
      ],
    });
  });

  it('names the first step that is not a choice, by its 1-based position and text', () => {
    const usage = 'use N (reply number), N@S (after S seconds) or t (let the timer run out)';
    expect(parseChoices('1,0')).toEqual({ error: `step 2 "0" is not a choice: ${usage}` });
    expect(parseChoices('x')).toEqual({ error: `step 1 "x" is not a choice: ${usage}` });
    expect(parseChoices('1,2,3@')).toEqual({ error: `step 3 "3@" is not a choice: ${usage}` });
    expect(parseChoices('1,,2')).toEqual({ error: `step 2 "" is not a choice: ${usage}` });
    expect(parseChoices('T')).toEqual({ error: `step 1 "T" is not a choice: ${usage}` });
    expect(parseChoices('1@-2')).toEqual({ error: `step 1 "1@-2" is not a choice: ${usage}` });
    expect(parseChoices('a1')).toEqual({ error: `step 1 "a1" is not a choice: ${usage}` });
    expect(parseChoices('1x')).toEqual({ error: `step 1 "1x" is not a choice: ${usage}` });
  });
});

describe('playing a --choose list', () => {
  const compiled = compileYaml(`
id: steps
title: Steps
customer: { name: Ann, mood: 50, patience: 10s }
start: ask
nodes:
  ask:
    customer: Where is my order?
    replies:
      - { say: Let me check., tact: 2, goto: calm }
      - { say: Not my problem., tact: -2, goto: done }
  calm:
    customer: Thanks.
    timeLimit: none
    replies:
      - { say: Here it is., tact: 1, goto: done }
endings:
  done: { customer: Bye., outcome: satisfied }
`);
  const reply = (number: number, afterMs = 0): ChoiceStep => ({ kind: 'reply', number, afterMs });

  it('plays to an ending and returns the result', () => {
    const played = playChoices(compiled, [reply(1), reply(1)]);
    expect('result' in played && played.result.ending).toBe('done');
    expect('result' in played && played.result.path).toEqual(['ask', 'calm', 'done']);
  });

  it('refuses steps left over after the ending, naming the step and the ending', () => {
    expect(playChoices(compiled, [reply(2), reply(1), reply(1)])).toEqual({
      error: { step: 2, node: 'done', message: 'the conversation already ended at "done" before step 2; remove the extra steps' },
    });
  });

  it('refuses a reply number the node does not offer, in the singular or plural', () => {
    expect(playChoices(compiled, [reply(3)])).toEqual({
      error: { step: 1, node: 'ask', message: 'step 1 picks reply 3, but "ask" offers 2 replies' },
    });
    expect(playChoices(compiled, [reply(1), reply(2)])).toEqual({
      error: { step: 2, node: 'calm', message: 'step 2 picks reply 2, but "calm" offers 1 reply' },
    });
  });

  it('refuses t where there is no timer, saying why', () => {
    expect(playChoices(compiled, [reply(1), { kind: 'timeout' }])).toEqual({
      error: { step: 2, node: 'calm', message: 'step 2 is "t" but this node has no time limit at "calm"; pick a reply number instead' },
    });
    expect(playChoices(compiled, [{ kind: 'timeout' }], 'off')).toEqual({
      error: { step: 1, node: 'ask', message: 'step 1 is "t" but timers are off at "ask"; pick a reply number instead' },
    });
  });

  it('lets t run the timer out exactly at the deadline', () => {
    const played = playChoices(compiled, [{ kind: 'timeout' }, reply(2)]);
    if (!('result' in played)) throw new Error(played.error.message);
    expect(played.result.decisions[0]).toMatchObject({ timedOut: true, ms: 10_000, at: 10_000 });
    expect(played.result.decisions[1]).toMatchObject({ timedOut: false, replyIndex: 2, at: 10_000 });
  });

  it('counts a reply one millisecond before the limit as a reply, and one at the limit as a timeout', () => {
    const early = playChoices(compiled, [reply(1, 9_999), reply(1)]);
    if (!('result' in early)) throw new Error(early.error.message);
    expect(early.result.decisions[0]).toMatchObject({ timedOut: false, ms: 9_999 });
    const late = playChoices(compiled, [reply(1, 10_000), reply(1), reply(1)]);
    if (!('result' in late)) throw new Error(late.error.message);
    expect(late.result.decisions.map((d) => d.timedOut)).toEqual([true, false, false]);
  });

  it('reports choices that run out before an ending, at the step after the last', () => {
    expect(playChoices(compiled, [reply(1)])).toEqual({
      error: { step: 2, node: 'calm', message: 'the choices ran out at node "calm" before an ending; add more steps' },
    });
    expect(playChoices(compiled, [])).toEqual({
      error: { step: 1, node: 'ask', message: 'the choices ran out at node "ask" before an ending; add more steps' },
    });
  });
});
