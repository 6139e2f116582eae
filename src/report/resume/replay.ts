import { SteppedClock, startConversation, type CompiledScenario, type Conversation } from '../../engine/index.ts';
import { fingerprintOf, type ResumeProblem, type ResumeState } from './resume-state.ts';

/** A conversation rebuilt from saved decisions, ready to go on live. */
export interface ReplayedPlay {
  talk: Conversation;
  /** The clock the conversation runs on: the game advances it from here. */
  clock: SteppedClock;
}

/**
 * Rebuilds an unfinished conversation by playing its saved decisions
 * through the engine again: the same scenario, seed and timer setting, each
 * reply chosen after the same time as before (so speed scores the same),
 * each timeout by running the clock to the deadline. The engine is
 * deterministic, so mood, path, variables and every decision come out as
 * they were; the conversation then waits at the current customer line, its
 * replies not yet shown, and the reply timer starts afresh when the game
 * shows them (`talk.shown()`).
 *
 * XState's persisted snapshots are not used: they do not restore delayed
 * transitions (the reply timer; xstate#5331), and a snapshot would tie the
 * saved state to the machine's internals.
 *
 * A state that does not fit the scenario (another scenario, an edited one,
 * a reply that is not offered, more decisions than the conversation has)
 * is refused with the reason, never replayed halfway.
 *
 * @example
 * const replayed = replayPlay(compiled, state, { waitForShown: true });
 * if ('talk' in replayed) replayed.talk.view().line; // the line the trainee left at
 */
export function replayPlay(compiled: CompiledScenario, state: ResumeState, options: { waitForShown?: boolean } = {}): ReplayedPlay | { problem: ResumeProblem } {
  if (state.scenario !== compiled.scenario.id || state.fingerprint !== fingerprintOf(compiled)) return { problem: 'changed' };
  const clock = new SteppedClock();
  // Replayed with the replies "shown" on request, as the game plays: the reply time counts from then.
  const talk = startConversation(compiled, { clock, timers: state.timers, waitForShown: true, shuffleSeed: state.seed });
  const refuse = (): { problem: ResumeProblem } => {
    talk.stop();
    return { problem: 'damaged' };
  };
  for (const [i, choice] of state.decisions.entries()) {
    if (talk.ended) return refuse();
    talk.shown();
    if ('timeout' in choice) {
      const deadline = talk.view().deadline;
      if (!deadline) return refuse();
      clock.advance(deadline.endsAt - clock.now());
    } else {
      const number = talk.context.shown.indexOf(choice.replyIndex) + 1;
      if (number === 0) return refuse();
      clock.advance(choice.ms);
      // A reply time at or past the time limit cannot have been a reply: the timer fired first.
      if (talk.context.decisions.length > i) return refuse();
      talk.reply(number);
    }
    if (talk.context.decisions.length !== i + 1) return refuse();
  }
  // The CLI and tests play with the replies up at once; the game waits to show them.
  if (options.waitForShown === false && !talk.ended) talk.shown();
  return { talk, clock };
}
