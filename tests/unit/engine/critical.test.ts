import { describe, expect, it } from 'vitest';
import { criticalMistakes, playChoices, resultJson, type ChoiceStep } from '../../../src/engine/index.ts';
import { buildCatalogue } from '../../../src/scenario/index.ts';
import { loadScenario, type CompiledScenario } from '../../../src/engine/index.ts';
import { debriefText } from '../../../src/cli/debrief-text.ts';
import { catalogue, compileYaml } from '../helpers.ts';

/** Two decisions; the critical reply at the second is the customer's favourite, so its overall would pass. */
const scenario = compileYaml(`
id: critical
title: Critical
customer: { name: Ade, mood: 50 }
start: ask
nodes:
  ask:
    customer: I need that medicine today.
    replies:
      - { say: Let me ring the surgery now., tact: 2, mood: 20, goto: wait, feedback: Acting now is what she needs. }
      - { say: Come back tomorrow., tact: -1, mood: -20, goto: wait, feedback: A stall with no plan. }
  wait:
    customer: They haven't sent it. Can't you just give me a few?
    replies:
      - { say: "I can't without it, but I'll chase them and call you by four.", tact: 2, mood: 10, goto: calm }
      - say: Here, take a few to tide you over; nobody will know.
        tact: 2
        mood: 30
        critical: true
        goto: calm
        feedback: Handing over a prescription-only medicine without a prescription can harm her and costs you your registration.
      - { say: "No prescription, no medicine.", tact: -2, mood: -30, goto: calm, feedback: "True, but it shuts the door." }
endings:
  calm: { customer: Thank you., outcome: satisfied }
`);

const steps = (...numbers: number[]): ChoiceStep[] => numbers.map((number) => ({ kind: 'reply', number, afterMs: 0 }));
const play = (compiled: CompiledScenario, ...numbers: number[]) => {
  const played = playChoices(compiled, steps(...numbers));
  if ('error' in played) throw new Error(played.error.message);
  return played.result;
};

describe('critical mistakes', () => {
  it('fail a play whose overall is above the pass mark', () => {
    const result = play(scenario, 1, 2);
    expect(result.scores.overall).toBeGreaterThanOrEqual(result.passMark);
    expect(result.passed).toBe(false);
    expect(result.criticalMistakes.map((d) => d.node)).toEqual(['wait']);
  });

  it('leave the scores themselves unchanged, so the debrief still adds up', () => {
    const clean = play(scenario, 1, 1);
    const critical = play(scenario, 1, 2);
    expect(clean.passed).toBe(true);
    expect(critical.scores.tact).toBe(clean.scores.tact);
  });

  it('are named first in the terminal debrief, with why they disqualify', () => {
    const text = debriefText(scenario, play(scenario, 1, 2), catalogue);
    const lines = text.trim().split('\n');
    expect(lines[1]).toMatch(/^CRITICAL MISTAKE \(this play cannot pass\): you said “Here, take a few/);
    expect(lines[2]).toContain('costs you your registration');
    expect(text).toContain('NOT PASSED');
  });

  it('are listed in the play --json output', () => {
    const json = resultJson(play(scenario, 1, 2)) as { critical: unknown; passed: boolean; decisions: { critical?: boolean }[] };
    expect(json.passed).toBe(false);
    expect(json.critical).toEqual([{ node: 'wait', reply: 2 }]);
    expect(json.decisions[1]!.critical).toBe(true);
    expect('critical' in resultJson(play(scenario, 1, 1))).toBe(false);
  });

  it('come from a catalogue technique marked critical, for every reply that lists it', () => {
    const { catalogue: custom } = buildCatalogue(`
techniques:
  call-them-liar: { label: Call them a liar, kind: poor, critical: true, tip: Calling a customer a liar ends the conversation and starts a complaint. }
`);
    const { compiled } = loadScenario('liar.yaml', `
id: liar
title: Liar
customer: { name: Sam }
start: ask
nodes:
  ask:
    customer: I never got the parcel.
    replies:
      - { say: "The photo shows it on your step, so that's not true.", tact: 1, mood: 0, techniques: [call-them-liar], goto: done }
      - { say: Let's look at the delivery photo together., tact: 2, mood: 10, goto: done }
endings:
  done: { customer: Fine., outcome: satisfied }
`, custom);
    const result = play(compiled!, 1);
    expect(result.passed).toBe(false);
    const [mistake] = criticalMistakes(compiled!, result, custom);
    expect(mistake).toMatchObject({ node: 'ask', techniques: ['Call them a liar'], why: 'Calling a customer a liar ends the conversation and starts a complaint.' });
  });

  it('reject a catalogue entry whose critical is not true or false', () => {
    const { problems } = buildCatalogue('techniques:\n  shout: { label: Shout, kind: poor, critical: "yes" }\n');
    expect(problems[0]!.message).toContain('"critical" must be true or false');
  });
});
