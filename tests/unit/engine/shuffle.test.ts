import { describe, expect, it } from 'vitest';
import { playChoices, SteppedClock, startConversation, type ConversationResult } from '../../../src/engine/index.ts';
import type { DialogueNode } from '../../../src/scenario/index.ts';
import type { CompiledScenario } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

const scenario = compileYaml(`
id: shuffle
title: Shuffle
customer: { name: Kim, mood: 50, patience: 20s }
variables: { checked: false }
start: ask
nodes:
  ask:
    customer: I want a refund.
    replies:
      - { say: May I see the receipt?, tact: 2, mood: 20, set: { checked: true }, goto: decide }
      - { say: "Of course, here you are.", tact: 0, mood: 30, goto: decide }
      - { say: No refunds here., tact: -2, mood: -30, goto: decide }
  decide:
    customer: Well?
    replies:
      - { say: The receipt shows it is in time., if: checked, tact: 2, mood: 10, goto: happy }
      - { say: Let me look at the receipt., if: not checked, tact: 1, goto: happy }
      - { say: Come back tomorrow., tact: -1, mood: -10, goto: cross }
      - { say: Ask my manager., tact: 0, goto: cross }
endings:
  happy: { customer: Thanks!, outcome: satisfied }
  cross: { customer: Hmph., outcome: dissatisfied }
`);

/** The reply texts shown at the current node, in the order shown. */
const shownTexts = (talk: ReturnType<typeof startConversation>): string[] => talk.view().replies.map((r) => r.say);

/** Plays by reply text (as a person does), whatever order the replies are shown in. */
function playByText(compiled: CompiledScenario, texts: string[], shuffleSeed?: number): ConversationResult {
  const talk = startConversation(compiled, { clock: new SteppedClock(), ...(shuffleSeed === undefined ? {} : { shuffleSeed }) });
  for (const text of texts) {
    const reply = talk.view().replies.find((r) => r.say === text);
    if (!reply) throw new Error(`"${text}" is not shown`);
    talk.reply(reply.number);
  }
  const result = talk.result()!;
  talk.stop();
  return result;
}

describe('shuffled replies', () => {
  it('keeps file order when no seed is given (the CLI --choose contract)', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock() });
    expect(shownTexts(talk)).toEqual(['May I see the receipt?', 'Of course, here you are.', 'No refunds here.']);
  });

  it('shows the same order for the same seed, so a stored play replays exactly', () => {
    const a = startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: 42 });
    const b = startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: 42 });
    expect(shownTexts(a)).toEqual(shownTexts(b));
  });

  it('shows every order of three replies across seeds, each about equally often', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 600; seed++) {
      const key = shownTexts(startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: seed })).join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(count).toBeGreaterThan(60);
  });

  it('shows the best reply first in only about a third of plays', () => {
    let first = 0;
    for (let seed = 0; seed < 300; seed++) {
      if (shownTexts(startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: seed }))[0] === 'May I see the receipt?') first++;
    }
    expect(first).toBeGreaterThan(70);
    expect(first).toBeLessThan(130);
  });

  it('numbers the replies as shown, and a number picks the reply shown there', () => {
    const talk = startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: 7 });
    const view = talk.view();
    expect(view.replies.map((r) => r.number)).toEqual([1, 2, 3]);
    const pressed = view.replies.findIndex((r) => r.say === 'No refunds here.') + 1;
    talk.reply(pressed);
    const decision = talk.context.decisions[0]!;
    expect(decision.reply).toBe(pressed);
    expect(decision.replyIndex).toBe(3);
    const ask = scenario.scenario.nodes.ask as DialogueNode;
    expect(decision.shown.map((i) => ask.replies[i - 1]!.say)).toEqual(view.replies.map((r) => r.say));
    expect(decision.offered).toEqual([1, 2, 3]);
  });

  it('never shows a reply that an if hides, in any order', () => {
    for (let seed = 0; seed < 50; seed++) {
      const talk = startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: seed });
      const pick = talk.view().replies.find((r) => r.say === 'May I see the receipt?')!;
      talk.reply(pick.number);
      expect(shownTexts(talk).sort()).toEqual(['Ask my manager.', 'Come back tomorrow.', 'The receipt shows it is in time.']);
    }
  });

  it('gives the same reply texts the same scores in any order', () => {
    const routes = [
      ['May I see the receipt?', 'The receipt shows it is in time.'],
      ['Of course, here you are.', 'Let me look at the receipt.'],
      ['No refunds here.', 'Come back tomorrow.'],
      ['Of course, here you are.', 'Ask my manager.'],
    ];
    for (const route of routes) {
      const inFileOrder = playByText(scenario, route);
      for (let seed = 0; seed < 40; seed++) {
        const shuffled = playByText(scenario, route, seed);
        expect(shuffled.scores).toEqual(inFileOrder.scores);
        expect(shuffled.passed).toBe(inFileOrder.passed);
        expect(shuffled.decisions.map((d) => d.replyIndex)).toEqual(inFileOrder.decisions.map((d) => d.replyIndex));
      }
    }
  });

  it('keeps file order at a node marked order: fixed', () => {
    const fixed = compileYaml(`
id: fixed
title: Fixed
customer: { name: Kim }
start: confirm
nodes:
  confirm:
    customer: Shall I sign?
    order: fixed
    replies:
      - { say: "Yes", tact: 1, goto: done }
      - { say: "Not yet", tact: 0, goto: done }
      - { say: "No", tact: -1, goto: done }
endings:
  done: { customer: Right., outcome: neutral }
`);
    for (let seed = 0; seed < 30; seed++) {
      expect(shownTexts(startConversation(fixed, { clock: new SteppedClock(), shuffleSeed: seed }))).toEqual(['Yes', 'Not yet', 'No']);
    }
  });

  it("lets --choose numbers follow a seed's order when one is given", () => {
    const talk = startConversation(scenario, { clock: new SteppedClock(), shuffleSeed: 3 });
    const position = talk.view().replies.findIndex((r) => r.say === 'May I see the receipt?') + 1;
    talk.stop();
    const played = playChoices(scenario, [{ kind: 'reply', number: position, afterMs: 0 }, { kind: 'reply', number: 1, afterMs: 0 }], 'standard', { shuffleSeed: 3 });
    expect('result' in played && played.result.decisions[0]!.replyIndex).toBe(1);
  });
});
