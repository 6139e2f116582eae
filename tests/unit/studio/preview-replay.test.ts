import { describe, expect, it } from 'vitest';
import { loadScenario, type CompiledScenario } from '../../../src/engine/index.ts';
import { changedLine, playedDecisions, startPreviewConversation } from '../../../src/preview/preview-conversation.ts';
import { twoRepliesEach } from '../../fixtures/studio/two-replies-each.ts';
import { catalogue } from '../helpers.ts';

const TEMPLATE = twoRepliesEach('late-parcel');

function compile(text: string): CompiledScenario {
  const { compiled, problems } = loadScenario('scenarios/late-parcel.yaml', text, catalogue);
  if (!compiled) throw new Error(problems.map((p) => p.message).join('; '));
  return compiled;
}

/** The template with a 10 s time limit on "address" whose timeout leads to the "unhappy" ending. */
const TIMED = TEMPLATE.replace(
  "    customer: It's 14 Rose Lane. Same as always.\n",
  "    customer: It's 14 Rose Lane. Same as always.\n    timeLimit: 10s\n    onTimeout:\n      mood: -5\n      goto: outcome\n",
);

describe('a preview play replayed after an edit', () => {
  it('starts at the chosen node with the chosen mood and variables, replies waiting to be shown', () => {
    const { talk, replayed, changed } = startPreviewConversation(compile(TEMPLATE), { node: 'address', mood: 20, variables: { checkedAddress: true } }, [], 'standard');
    expect(talk.view()).toMatchObject({ node: 'address', mood: 20, phase: 'presenting', variables: { checkedAddress: true } });
    expect([replayed, changed]).toEqual([0, null]);
  });

  it('replays the decisions made so far on the edited text and goes on from there with the new line', () => {
    const first = startPreviewConversation(compile(TEMPLATE), { node: 'opening' }, [], 'standard');
    first.talk.shown();
    first.clock.advance(1200);
    first.talk.reply(1);
    const decisions = playedDecisions(first.talk);
    expect(decisions).toEqual([{ node: 'opening', reply: 1, ms: 1200 }]);

    const edited = TEMPLATE.replace("It's 14 Rose Lane. Same as always.", 'Rose Lane, number 14.');
    const again = startPreviewConversation(compile(edited), { node: 'opening' }, decisions, 'standard');
    expect(again.replayed).toBe(1);
    expect(again.changed).toBeNull();
    expect(again.talk.view()).toMatchObject({ node: 'address', line: 'Rose Lane, number 14.', mood: first.talk.view().mood, phase: 'presenting' });
    // The replayed decision scores as the one the trainer made (same reply, same time).
    expect(again.talk.context.decisions[0]).toMatchObject({ replyIndex: 1, ms: 1200, tact: 2 });
  });

  it('stops at the last decision still valid when an edit removed the reply chosen after it, and says where', () => {
    const decisions = [
      { node: 'opening', reply: 2, ms: 900 },
      { node: 'address', reply: 2, ms: 700 },
    ];
    // "address" keeps only its first reply: the second decision can no longer be made.
    const edited = TEMPLATE.replace(/      - say: You'll have to contact the courier yourself\.\n(?:        .*\n)+?(?=  outcome:)/, '');
    const { talk, replayed, changed } = startPreviewConversation(compile(edited), { node: 'opening' }, decisions, 'standard');
    expect(replayed).toBe(1);
    expect(changed).toBe('Your edit changed the path after "opening": playing from there.');
    expect(talk.view().node).toBe('address');
    expect(talk.ended).toBe(false);
  });

  it('stops before the first decision when the edit sent the start elsewhere', () => {
    const edited = TEMPLATE.replace('goto: address\n        feedback: You owned', 'goto: outcome\n        feedback: You owned');
    const { talk, replayed, changed } = startPreviewConversation(compile(edited), { node: 'opening' }, [
      { node: 'opening', reply: 1, ms: 500 },
      { node: 'address', reply: 1, ms: 500 },
    ], 'standard');
    expect(replayed).toBe(1);
    expect(talk.ended).toBe(true);
    expect(changed).toBe(changedLine('opening'));
    expect(changedLine(null)).toBe('Your edit changed the path from the start point: playing from there.');
  });

  it('replays a timeout by running the clock to the deadline, and a reply inside a time limit the edit shortened', () => {
    const compiled = compile(TIMED);
    const timedOut = startPreviewConversation(compiled, { node: 'address' }, [{ node: 'address', reply: null, ms: 10_000 }], 'standard');
    expect(timedOut.replayed).toBe(1);
    expect(timedOut.talk.context.decisions[0]).toMatchObject({ node: 'address', timedOut: true });

    // 30 s was fine before the edit set a 10 s limit: the replayed reply is still that reply, not a timeout.
    const slow = startPreviewConversation(compiled, { node: 'address' }, [{ node: 'address', reply: 1, ms: 30_000 }], 'standard');
    expect(slow.replayed).toBe(1);
    expect(slow.talk.context.decisions[0]).toMatchObject({ timedOut: false, replyIndex: 1 });
    expect(slow.talk.ended).toBe(true);
  });

  it('refuses a timeout at a node the edit made untimed', () => {
    const { replayed, changed } = startPreviewConversation(compile(TEMPLATE), { node: 'address' }, [{ node: 'address', reply: null, ms: 10_000 }], 'standard');
    expect(replayed).toBe(0);
    expect(changed).toBe(changedLine(null));
  });
});
