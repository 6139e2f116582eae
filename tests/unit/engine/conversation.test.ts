import { describe, expect, it } from 'vitest';
import { bestOfferedReply, SteppedClock, startConversation, wasBestReply } from '../../../src/engine/index.ts';
import { debriefText } from '../../../src/cli/debrief-text.ts';
import type { DialogueNode } from '../../../src/scenario/index.ts';
import type { CompiledScenario } from '../../../src/engine/index.ts';
import { catalogue, compileYaml } from '../helpers.ts';

const scenario = compileYaml(`
id: conversation
title: Conversation
customer: { name: Kim, mood: 90 }
variables: { checkedReceipt: false, strikes: 0, channel: "counter" }
start: ask
nodes:
  ask:
    customer: I want a refund.
    replies:
      - { say: May I see the receipt?, tact: 2, mood: 30, set: { checkedReceipt: true }, goto: decide }
      - { say: No refunds., tact: -3, mood: -100, set: { strikes: "strikes + 1", channel: "'phone'" }, goto: decide }
  decide:
    customer: Well?
    replies:
      - { say: The receipt shows it is within 30 days., if: checkedReceipt, tact: 2, goto: route }
      - { say: Let me check the receipt first., if: not checkedReceipt, tact: 1, set: { checkedReceipt: true }, goto: route }
      - { say: Come back tomorrow., tact: -1, goto: route }
  route:
    branch:
      - { if: "checkedReceipt and mood >= 50", goto: happy }
      - { if: "strikes > 0", goto: angry }
      - goto: meh
endings:
  happy: { customer: Thanks!, outcome: satisfied }
  angry: { customer: Never again., outcome: lost }
  meh: { customer: Okay., outcome: neutral }
`);

describe('the conversation actor', () => {
  it('offers only the replies whose if holds, numbered in offered order', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    talk.reply(1);
    expect(talk.view().replies).toEqual([
      { number: 1, say: 'The receipt shows it is within 30 days.' },
      { number: 2, say: 'Come back tomorrow.' },
    ]);
  });

  it('routes branch nodes on variables and mood', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    talk.reply(1);
    talk.reply(1);
    expect(talk.result()).toMatchObject({ ending: 'happy', path: ['ask', 'decide', 'route', 'happy'] });
  });

  it('evaluates set expressions and string values', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    talk.reply(2);
    expect(talk.view().variables).toEqual({ checkedReceipt: false, strikes: 1, channel: 'phone' });
    talk.reply(1); // "Let me check the receipt first." (offered 1st now)
    expect(talk.result()).toMatchObject({ ending: 'angry', outcome: 'lost' });
  });

  it('keeps mood within 0..100', () => {
    const up = startConversation(scenario, { clock: new SteppedClock() });
    up.reply(1);
    expect(up.view().mood).toBe(100);
    const down = startConversation(scenario, { clock: new SteppedClock() });
    down.reply(2);
    expect(down.view().mood).toBe(0);
  });

  it('shows the face that goes with the mood unless the node sets one', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    expect(talk.view().emotion).toBe('delighted');
    talk.reply(2);
    expect(talk.view().emotion).toBe('angry');
  });

  it('ignores a reply number that is not offered', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    expect(talk.reply(7)).toBe(false);
    expect(talk.reply(0)).toBe(false);
    expect(talk.view().node).toBe('ask');
  });

  it('tells subscribers about every change and ends with the result', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    const nodes: string[] = [];
    talk.subscribe((view) => nodes.push(view.node));
    talk.reply(1);
    talk.reply(1);
    expect(nodes).toEqual(['decide', 'happy']);
    expect(talk.view()).toMatchObject({ phase: 'ended', line: 'Thanks!', result: { ending: 'happy', satisfied: true } });
  });
});

describe('the best reply offered', () => {
  it('is the highest-tact reply among those offered, first on a tie', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    talk.reply(2);
    talk.reply(2); // offered: "Let me check the receipt first." (tact 1), "Come back tomorrow." (tact −1)
    const [first, second] = talk.result()!.decisions;
    const node = (id: string) => scenario.scenario.nodes[id] as DialogueNode;
    expect(bestOfferedReply(node('ask'), first!)?.say).toBe('May I see the receipt?');
    // The hidden reply with tact 2 was not offered, so it is not the best offered.
    expect(bestOfferedReply(node('decide'), second!)?.say).toBe('Let me check the receipt first.');
  });
});

describe('was it a best reply', () => {
  const tied = compileYaml(`
id: tied
title: Tied
customer: { name: Kim }
start: ask
nodes:
  ask:
    customer: Can you help?
    replies:
      - { say: Of course., tact: 2, goto: done }
      - { say: Gladly., tact: 2, goto: done }
      - { say: Not now., tact: -1, goto: done }
endings:
  done: { customer: Thanks., outcome: satisfied }
`);
  const decisionFor = (number: number) => {
    const talk = startConversation(tied, { clock: new SteppedClock() });
    talk.reply(number);
    return talk.result()!.decisions[0]!;
  };
  const node = tied.scenario.nodes.ask as DialogueNode;

  it('counts a reply tied for the highest tact as a best reply, in both debriefs', () => {
    expect(wasBestReply(node, decisionFor(2))).toBe(true);
    expect(debriefText(tied, playTo(tied, 2), catalogue)).not.toContain('Best reply offered');
  });

  it('does not count a lower reply or a timeout', () => {
    expect(wasBestReply(node, decisionFor(3))).toBe(false);
    expect(wasBestReply(node, { ...decisionFor(1), timedOut: true, replyIndex: null, reply: null })).toBe(false);
    expect(debriefText(tied, playTo(tied, 3), catalogue)).toContain('Best reply offered: “Of course.”');
  });
});

function playTo(compiled: CompiledScenario, number: number) {
  const talk = startConversation(compiled, { clock: new SteppedClock() });
  talk.reply(number);
  return talk.result()!;
}
