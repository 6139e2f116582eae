import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, SteppedClock, startConversation, type CompiledScenario, type Conversation, type ConversationContext, type Decision, type TimerSetting } from '../../../src/engine/index.ts';
import type { PlayInProgress } from '../../../src/report/results.ts';
import { replayPlay } from '../../../src/report/resume/replay.ts';
import { decodeResumeState, encodeResumeState, resumeStateOf, type ResumeState } from '../../../src/report/resume/resume-state.ts';
import { validScenarioYaml } from '../property/random-scenarios.ts';
import { catalogue, compileFile } from '../helpers.ts';

const compile = (yaml: string): CompiledScenario => loadScenario('random.yaml', yaml, catalogue).compiled!;
const timerSetting = fc.constantFrom<TimerSetting>('standard', '1.5x', '2x', 'off');

/**
 * One move of a trainee, as the game makes it: the line takes `presentMs`
 * to type out, then the replies are shown and the trainee waits `waitMs`
 * and picks a reply (by its place on screen), or lets the timer run out.
 */
interface Move {
  presentMs: number;
  waitMs: number;
  pick: number;
  timeout: boolean;
}
const move = fc.record({ presentMs: fc.nat(4_000), waitMs: fc.nat(20_000), pick: fc.nat(20), timeout: fc.boolean() });

/** Makes one move the way the game does (waitForShown); false once the conversation has ended. */
function makeMove(talk: Conversation, clock: SteppedClock, m: Move): boolean {
  if (talk.ended) return false;
  clock.advance(m.presentMs);
  talk.shown();
  const view = talk.view();
  if (m.timeout && view.deadline) {
    clock.advance(view.deadline.endsAt - clock.now());
    return true;
  }
  const before = talk.context.decisions.length;
  clock.advance(m.waitMs);
  if (talk.context.decisions.length === before) talk.reply(1 + (m.pick % view.replies.length));
  return true;
}

/** The context without where the clock happened to be (typing time before a reply is not saved: it does not score). */
function withoutClockPositions(context: ConversationContext): object {
  const copy: Partial<Omit<ConversationContext, 'decisions'>> & { decisions: object[] } = { ...context, decisions: context.decisions.map(withoutTime) };
  delete copy.now;
  delete copy.shownAt;
  return copy;
}

/** A decision without the clock time it was made at. */
function withoutTime(decision: Decision): object {
  const copy: Partial<Decision> = { ...decision };
  delete copy.at;
  return copy;
}

function playOf(compiled: CompiledScenario, timers: TimerSetting, seed: number): PlayInProgress {
  return { playId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', compiled, timers, seed, startedAt: new Date(Date.UTC(2025, 0, 1)), resumedDecisions: 0 };
}

describe('resuming a play by replaying its saved decisions', () => {
  it('rebuilds the same conversation, and goes on to the same result, for random plays interrupted at random', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.array(move, { minLength: 40, maxLength: 40 }), fc.nat(40), fc.nat(1_000_000), timerSetting, (yaml, moves, cut, seed, timers) => {
        const compiled = compile(yaml);
        const clock = new SteppedClock();
        const talk = startConversation(compiled, { clock, timers, waitForShown: true, shuffleSeed: seed });
        for (const m of moves.slice(0, cut)) makeMove(talk, clock, m);
        // The reload: the state goes through its text form, as it is stored.
        const decoded = decodeResumeState(encodeResumeState(resumeStateOf(playOf(compiled, timers, seed), talk.context.decisions)));
        if (!('state' in decoded)) throw new Error(`the saved state did not read back: ${decoded.problem}`);
        const replayed = replayPlay(compiled, decoded.state, { waitForShown: true });
        if (!('talk' in replayed)) throw new Error(`the replay was refused: ${replayed.problem}`);
        expect(replayed.talk.ended).toBe(talk.ended);
        expect(withoutClockPositions(replayed.talk.context)).toEqual(withoutClockPositions(talk.context));

        // Both go on with the same moves: the same ending, the same scores, decision for decision.
        for (const m of moves.slice(cut)) {
          makeMove(talk, clock, m);
          makeMove(replayed.talk, replayed.clock, m);
        }
        const original = talk.result();
        const resumed = replayed.talk.result();
        expect(resumed === null).toBe(original === null);
        if (original && resumed) {
          expect(resumed.scores).toEqual(original.scores);
          expect(resumed.passed).toBe(original.passed);
          expect(resumed.decisions.map(withoutTime)).toEqual(original.decisions.map(withoutTime));
        }
        talk.stop();
        replayed.talk.stop();
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the conversation at the current line with its replies not yet shown, so the reply timer starts afresh', () => {
    const compiled = compileFile('scenarios/worn-once.yaml');
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock, timers: 'standard', waitForShown: true, shuffleSeed: 7 });
    makeMove(talk, clock, { presentMs: 1_500, waitMs: 2_000, pick: 0, timeout: false });
    const state = resumeStateOf(playOf(compiled, 'standard', 7), talk.context.decisions);
    const replayed = replayPlay(compiled, state, { waitForShown: true });
    if (!('talk' in replayed)) throw new Error(replayed.problem);
    expect(replayed.talk.view().phase).toBe('presenting');
    expect(replayed.talk.view().line).toBe(talk.view().line);
    replayed.talk.shown();
    const deadline = replayed.talk.view().deadline;
    if (deadline) expect(deadline.startsAt).toBe(replayed.clock.now());
  });

  describe('refuses a state that does not fit the scenario', () => {
    const compiled = compileFile('scenarios/worn-once.yaml');
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock, timers: 'standard', waitForShown: true, shuffleSeed: 3 });
    makeMove(talk, clock, { presentMs: 100, waitMs: 1_000, pick: 0, timeout: false });
    const state: ResumeState = resumeStateOf(playOf(compiled, 'standard', 3), talk.context.decisions);

    it('saved on an edited version of the scenario', () => {
      expect(replayPlay(compiled, { ...state, fingerprint: 'other' })).toEqual({ problem: 'changed' });
    });

    it('saved for another scenario', () => {
      expect(replayPlay(compiled, { ...state, scenario: 'missing-zero' })).toEqual({ problem: 'changed' });
    });

    it('choosing a reply the node does not offer', () => {
      expect(replayPlay(compiled, { ...state, decisions: [{ replyIndex: 9, ms: 100 }] })).toEqual({ problem: 'damaged' });
    });

    it('with a reply time past the time limit (the timer would have run out first)', () => {
      expect(replayPlay(compiled, { ...state, decisions: [{ replyIndex: 1, ms: 10_000_000 }] })).toEqual({ problem: 'damaged' });
    });

    it('with more decisions than the conversation has', () => {
      const many = Array.from({ length: 200 }, () => ({ replyIndex: 1, ms: 0 }));
      expect(replayPlay(compiled, { ...state, decisions: many })).toEqual({ problem: 'damaged' });
    });
  });
});
