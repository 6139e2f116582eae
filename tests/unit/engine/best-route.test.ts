import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bestRoute, parseChoices, playChoices, type CompiledScenario, type ConversationResult } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

/** The format spec's worked example: a timeout, a branch on mood and a reply offered only `if: askedWhatHappened`. */
const blender = compileYaml(readFileSync('docs/examples/cracked-blender.yaml', 'utf8'), 'cracked-blender.yaml');

function play(compiled: CompiledScenario, choices: string, options: { shuffleSeed?: number } = {}): ConversationResult {
  const parsed = parseChoices(choices);
  if ('error' in parsed) throw new Error(parsed.error);
  const played = playChoices(compiled, parsed.steps, 'standard', options);
  if ('error' in played) throw new Error(played.error.message);
  return played.result;
}

/** A shuffled play that presses the first button shown at every node, to its end. */
function firstButtons(compiled: CompiledScenario, seed: number): ConversationResult {
  for (let n = 1; n < 10; n++) {
    const played = playChoices(compiled, Array.from({ length: n }, () => ({ kind: 'reply' as const, number: 1, afterMs: 0 })), 'standard', { shuffleSeed: seed });
    if ('result' in played) return played.result;
  }
  throw new Error('no play of first buttons ends');
}

describe('the best route from where a play left it', () => {
  it('is empty when every choice was a best reply', () => {
    expect(bestRoute(blender, play(blender, '1,1'))).toEqual({ leftAt: null, path: [], decisions: [], ending: null });
  });

  it('starts at the first choice that was not a best reply and follows best replies to an ending', () => {
    const route = bestRoute(blender, play(blender, '3'));
    expect(route.leftAt).toBe(0);
    expect(route.path).toEqual(['opening', 'explains', 'route', 'repaired']);
    expect(route.decisions.map((d) => [d.node, d.replyIndex])).toEqual([['opening', 1], ['explains', 1]]);
    expect(route.ending).toBe('repaired');
  });

  it('counts a timeout as leaving the best route', () => {
    const result = play(blender, 't,1,1,1');
    expect(result.path).toEqual(['opening', 'still-waiting', 'explains', 'route', 'defensive', 'repaired']);
    expect(bestRoute(blender, result)).toMatchObject({ leftAt: 0, path: ['opening', 'explains', 'route', 'repaired'], ending: 'repaired' });
  });

  it("goes on from the trainee's own mood and variables at the point they left it", () => {
    // Reply 1 at the opening (best: mood 30 → 40, askedWhatHappened), then the worse reply at "explains".
    const result = play(blender, '1,2,1');
    expect(result.path).toEqual(['opening', 'explains', 'route', 'defensive', 'repaired']);
    const route = bestRoute(blender, result);
    expect(route.leftAt).toBe(1);
    // From mood 40 the best reply (+10, offered because askedWhatHappened is true) reaches 50: the branch goes to "repaired".
    expect(route.path).toEqual(['explains', 'route', 'repaired']);
    expect(route.decisions[0]).toMatchObject({ node: 'explains', replyIndex: 1, moodBefore: 40, moodAfter: 50 });
  });

  it('reads replies by their place in the file, so a shuffled play has the best route of the same choices unshuffled', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      // Whatever order the seed shows, the first button at each node, played to the end.
      const shuffled = firstButtons(blender, seed);
      const sameChoices = shuffled.decisions.map((d) => (d.timedOut ? 't' : String(d.replyIndex))).join(',');
      const unshuffled = bestRoute(blender, play(blender, sameChoices));
      expect(bestRoute(blender, shuffled)).toEqual({ ...unshuffled, decisions: expect.any(Array) as unknown });
      expect(bestRoute(blender, shuffled).decisions.map((d) => d.replyIndex)).toEqual(unshuffled.decisions.map((d) => d.replyIndex));
    }
  });

  it('treats a reply that ties with the best as a best reply (the debrief badge agrees)', () => {
    const tie = compileYaml(`id: tie
title: Tie
customer: { name: Sam, mood: 50 }
start: opening
nodes:
  opening:
    customer: Hello.
    replies:
      - { say: Hi there., tact: 2, goto: left }
      - { say: Good morning., tact: 2, goto: right }
  left:
    customer: Left.
    replies:
      - { say: Bye., tact: 1, goto: happy }
      - { say: Go away., tact: -2, goto: cross }
  right:
    customer: Right.
    replies:
      - { say: Bye., tact: 1, goto: happy }
endings:
  happy: { customer: Thanks., outcome: satisfied }
  cross: { customer: Hmph., outcome: dissatisfied }
`);
    expect(bestRoute(tie, play(tie, '2,1')).leftAt).toBeNull();
    expect(bestRoute(tie, play(tie, '1,2'))).toMatchObject({ leftAt: 1, path: ['left', 'happy'], ending: 'happy' });
  });

  it('stops, with no ending, when the best reply loops back to the same state forever', () => {
    const loop = compileYaml(`id: loop
title: Loop
customer: { name: Sam, mood: 50 }
start: opening
nodes:
  opening:
    customer: Hello.
    replies:
      - { say: Tell me more., tact: 2, goto: opening }
      - { say: Bye., tact: 0, goto: done }
endings:
  done: { customer: Bye., outcome: neutral }
`);
    const route = bestRoute(loop, play(loop, '2'));
    expect(route).toMatchObject({ leftAt: 0, path: ['opening', 'opening'], ending: null });
    expect(route.decisions).toHaveLength(1);
  });

  it('gives nothing when a decision names another node than the one the replay is at', () => {
    // A best reply first, then a worse one: on this scenario the play leaves the best route at its second decision.
    const result = play(blender, '1,2,1');
    expect(bestRoute(blender, result).leftAt).toBe(1);
    // The first decision now claims a node the conversation was not at (its only reply is the best there).
    const elsewhere = { decisions: result.decisions.map((d, i) => (i === 0 ? { ...d, node: 'still-waiting' } : d)) };
    expect(bestRoute(blender, elsewhere)).toEqual({ leftAt: null, path: [], decisions: [], ending: null });
    // Or a node the file no longer has.
    const gone = { decisions: result.decisions.map((d, i) => (i === 0 ? { ...d, node: 'gone' } : d)) };
    expect(bestRoute(blender, gone)).toEqual({ leftAt: null, path: [], decisions: [], ending: null });
  });

  it('gives nothing when a recorded best reply is not on offer in the replay (its `if` fails there now)', () => {
    const withFlag = (flag: boolean): CompiledScenario => compileYaml(`id: hidden
title: Hidden
customer: { name: Sam, mood: 50 }
variables: { offered: ${flag} }
start: opening
nodes:
  opening:
    customer: Hello.
    replies:
      - { say: Hi there., if: offered, tact: 2, goto: middle }
      - { say: What?, tact: 0, goto: middle }
  middle:
    customer: Well?
    replies:
      - { say: Sorted., tact: 2, goto: happy }
      - { say: Go away., tact: -2, goto: cross }
endings:
  happy: { customer: Thanks., outcome: satisfied }
  cross: { customer: Hmph., outcome: dissatisfied }
`);
    const played = play(withFlag(true), '1,2');
    expect(bestRoute(withFlag(true), played)).toMatchObject({ leftAt: 1, path: ['middle', 'happy'] });
    expect(bestRoute(withFlag(false), played)).toEqual({ leftAt: null, path: [], decisions: [], ending: null });
  });

  it('takes the timeout where no reply is on offer, as the game does', () => {
    const stuck = compileYaml(`id: stuck
title: Stuck
customer: { name: Sam, mood: 50 }
variables: { asked: false }
start: opening
nodes:
  opening:
    customer: Hello.
    replies:
      - { say: Hi there., tact: 2, goto: waiting }
      - { say: What?, tact: -1, goto: cross }
  waiting:
    customer: Hello?
    timeLimit: 10s
    onTimeout: { goto: cross }
    replies:
      - { say: Sorry., if: asked, tact: 1, goto: happy }
endings:
  happy: { customer: Thanks., outcome: satisfied }
  cross: { customer: Hmph., outcome: dissatisfied }
`);
    const route = bestRoute(stuck, play(stuck, '2'));
    expect(route).toMatchObject({ leftAt: 0, path: ['opening', 'waiting', 'cross'], ending: 'cross' });
    expect(route.decisions.map((d) => [d.node, d.timedOut])).toEqual([['opening', false], ['waiting', true]]);
  });

  it('stops after 10,000 best replies when each one changes the state, so it never repeats but never ends', () => {
    const counting = compileYaml(`id: counting
title: Counting
customer: { name: Sam, mood: 50 }
variables: { n: 0 }
start: first
nodes:
  first:
    customer: Hi.
    replies:
      - { say: Hello., tact: 1, goto: opening }
      - { say: Hello. What can I do for you?, tact: 2, goto: opening }
  opening:
    customer: Hello.
    replies:
      - { say: Tell me more., tact: 2, set: { n: n + 1 }, goto: opening }
      - { say: Bye., tact: 0, goto: done }
endings:
  done: { customer: Bye., outcome: neutral }
`);
    // The best reply at "first" is the second one shown; the play leaves the best route at "opening".
    const route = bestRoute(counting, play(counting, '2,2'));
    expect(route.leftAt).toBe(1);
    expect(route.ending).toBeNull();
    expect(route.decisions).toHaveLength(10_000);
    expect(route.path).toHaveLength(10_001);
  });

  it('gives nothing when the play does not replay on the scenario (the file changed since)', () => {
    const result = play(blender, '3');
    const moved = { decisions: result.decisions.map((d) => ({ ...d, node: 'explains' })) };
    expect(bestRoute(blender, moved).leftAt).toBeNull();
  });
});
