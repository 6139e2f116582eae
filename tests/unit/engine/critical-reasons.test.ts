import { describe, expect, it } from 'vitest';
import { criticalMistakes, debriefOf, loadScenario, playChoices, type CompiledScenario } from '../../../src/engine/index.ts';
import { buildCatalogue } from '../../../src/scenario/index.ts';

const { catalogue } = buildCatalogue(`
techniques:
  call-them-liar: { label: Call them a liar, kind: poor, critical: true, tip: Calling a customer a liar starts a complaint. }
  threaten: { label: Threaten, kind: poor, critical: true }
  rush: { label: Rush them, kind: poor, tip: Slow down. }
`);

function compile(replies: string): CompiledScenario {
  const { compiled, problems } = loadScenario('why.yaml', `
id: why
title: Why
customer: { name: Sam, mood: 50 }
start: ask
nodes:
  ask:
    customer: I never got the parcel.
    replies:
${replies}
      - { say: Let's look at the photo together., tact: 2, mood: 10, goto: done }
endings:
  done: { customer: Fine., outcome: satisfied }
`, catalogue);
  if (!compiled) throw new Error(problems.map((p) => p.message).join('\n'));
  return compiled;
}

function mistakesOf(compiled: CompiledScenario) {
  const played = playChoices(compiled, [{ kind: 'reply', number: 1, afterMs: 0 }]);
  if ('error' in played) throw new Error(played.error.message);
  return { result: played.result, mistakes: criticalMistakes(compiled, played.result, catalogue) };
}

describe('why a critical mistake fails the play', () => {
  it("is the reply's own feedback first", () => {
    const { mistakes } = mistakesOf(compile('      - { say: "That is not true.", tact: 1, techniques: [call-them-liar], feedback: Never say that., goto: done }'));
    expect(mistakes).toEqual([{ node: 'ask', customer: 'I never got the parcel.', say: 'That is not true.', techniques: ['Call them a liar'], why: 'Never say that.' }]);
  });

  it('is the tip of the first critical technique that has one, skipping other techniques', () => {
    const { mistakes } = mistakesOf(compile('      - { say: "Liar.", tact: 1, techniques: [rush, threaten, call-them-liar], goto: done }'));
    expect(mistakes[0]!.techniques).toEqual(['Threaten', 'Call them a liar']);
    expect(mistakes[0]!.why).toBe('Calling a customer a liar starts a complaint.');
  });

  it('is a standard reason when neither the reply nor its technique says why', () => {
    const { mistakes, result } = mistakesOf(compile('      - { say: "Or else.", tact: 1, critical: true, techniques: [rush], goto: done }'));
    expect(result.passed).toBe(false);
    expect(mistakes).toEqual([{
      node: 'ask', customer: 'I never got the parcel.', say: 'Or else.', techniques: [],
      why: 'This reply is one a real employee could be disciplined for, so the play cannot pass however well the rest went.',
    }]);
  });

  it('is listed first in the debrief, with the decision marked critical and the better reply named', () => {
    const compiled = compile('      - { say: "Or else.", tact: 1, critical: true, techniques: [threaten, rush], goto: done }');
    const { result } = mistakesOf(compiled);
    const debrief = debriefOf(compiled, result, catalogue);
    expect(debrief.critical).toHaveLength(1);
    expect(debrief.decisions).toEqual([{
      node: 'ask', customer: 'I never got the parcel.', timedOut: false, said: 'Or else.', feedback: null, tact: 0, ms: 0, limitMs: null,
      wasBest: false, critical: true, best: { say: "Let's look at the photo together.", feedback: null },
      techniques: [
        { id: 'threaten', label: 'Threaten', kind: 'poor', tip: '', critical: true },
        { id: 'rush', label: 'Rush them', kind: 'poor', tip: 'Slow down.' },
      ],
    }]);
    // A catalogue that lacks the technique still names it, by its id.
    const bare = debriefOf(compiled, result, buildCatalogue().catalogue);
    expect(bare.decisions[0]!.techniques).toEqual([
      { id: 'threaten', label: 'threaten', kind: 'good', tip: '' },
      { id: 'rush', label: 'rush', kind: 'good', tip: '' },
    ]);
  });
});
