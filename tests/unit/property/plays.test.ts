import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debriefText } from '../../../src/cli/debrief-text.ts';
import { debriefOf, decisionTact, playChoices, SteppedClock, startConversation, type ChoiceStep, type ConversationResult } from '../../../src/engine/index.ts';
import { offeredReplies, type DialogueNode } from '../../../src/scenario/index.ts';
import { loadScenario, type CompiledScenario, type TimerSetting } from '../../../src/engine/index.ts';
import { catalogue } from '../helpers.ts';
import { validScenarioYaml } from './random-scenarios.ts';

const compile = (yaml: string): CompiledScenario => loadScenario('random.yaml', yaml, catalogue).compiled!;
const timerSetting = fc.constantFrom<TimerSetting>('standard', '1.5x', 'off');

/** Plays at random, shuffled by `seed`: picks, waits and timeouts drawn from `moves`. Checks every choice on the way. */
function playAtRandom(compiled: CompiledScenario, moves: number[], seed: number, timers: TimerSetting): ConversationResult | null {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers, shuffleSeed: seed });
  for (const move of moves) {
    if (talk.ended) break;
    const view = talk.view();
    if (move % 5 === 0 && view.deadline) {
      clock.advance(view.deadline.endsAt - clock.now());
      continue;
    }
    const before = talk.context.decisions.length;
    clock.advance((move % 7) * 900);
    if (talk.context.decisions.length > before) continue; // the wait ran the timer out
    const node = compiled.scenario.nodes[talk.context.node] as DialogueNode;
    const allowed = offeredReplies(node, talk.context).map((r) => r.index);
    // A number past the replies shown is refused: nothing hidden can be picked.
    expect(talk.reply(view.replies.length + 1)).toBe(false);
    if (view.replies.length > 0) talk.reply(1 + (move % view.replies.length));
    const recorded = talk.context.decisions[before];
    if (recorded && !recorded.timedOut) expect(allowed).toContain(recorded.replyIndex);
  }
  const result = talk.result();
  talk.stop();
  return result;
}

describe('plays', () => {
  it('replay exactly from their decisions and seed, as the history and --choose do', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.array(fc.nat(100), { minLength: 60, maxLength: 60 }), fc.nat(1_000_000), timerSetting, (yaml, moves, seed, timers) => {
        const compiled = compile(yaml);
        const result = playAtRandom(compiled, moves, seed, timers);
        if (!result) return;
        const steps: ChoiceStep[] = result.decisions.map((d) => (d.timedOut ? { kind: 'timeout' } : { kind: 'reply', number: d.reply!, afterMs: d.ms }));
        const replayed = playChoices(compiled, steps, timers, { shuffleSeed: seed });
        expect('result' in replayed && replayed.result).toEqual(result);
      }),
      { numRuns: 150 },
    );
  });

  it('score tact 100 whenever a best reply is taken at every decision', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.nat(1_000_000), (yaml, seed) => {
        const compiled = compile(yaml);
        const talk = startConversation(compiled, { clock: new SteppedClock(), shuffleSeed: seed });
        for (let i = 0; i < 60 && !talk.ended; i++) {
          const node = compiled.scenario.nodes[talk.context.node] as DialogueNode;
          const shown = talk.context.shown.map((index) => node.replies[index - 1]!);
          const best = Math.max(...shown.map((r) => r.tact));
          talk.reply(shown.findIndex((r) => r.tact === best) + 1);
        }
        const result = talk.result();
        talk.stop();
        if (result && result.decisions.length > 0) expect(result.scores.tact).toBe(100);
      }),
      { numRuns: 150 },
    );
  });

  it('get the same debrief in the terminal and the browser: best reply named exactly when it was not chosen', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.array(fc.nat(100), { minLength: 60, maxLength: 60 }), fc.nat(1_000_000), (yaml, moves, seed) => {
        const compiled = compile(yaml);
        const result = playAtRandom(compiled, moves, seed, 'standard');
        if (!result) return;
        const debrief = debriefOf(compiled, result, catalogue);
        debrief.decisions.forEach((d, i) => {
          const decision = result.decisions[i]!;
          expect(d.wasBest).toBe(!decision.timedOut && decisionTact(decision) === 1);
          expect(d.best === null).toBe(d.wasBest);
        });
        const text = debriefText(compiled, result, catalogue);
        expect(text.split('Best reply offered:').length - 1).toBe(debrief.decisions.filter((d) => d.best).length);
      }),
      { numRuns: 150 },
    );
  });
});
