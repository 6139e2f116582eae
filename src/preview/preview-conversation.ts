import { SteppedClock, startConversation, type CompiledScenario, type Conversation, type StartPoint, type TimerSetting } from '../engine/index.ts';
import type { PlayedDecision } from './preview-protocol.ts';

/** A preview conversation, started at its start point and brought up to where the trainer was. */
export interface PreviewConversation {
  talk: Conversation;
  /** The clock the conversation runs on: the scene advances it from here. */
  clock: SteppedClock;
  /** How many of the decisions to replay were replayed. */
  replayed: number;
  /** One line when an edit cut the replayed path short ("Your edit changed the path after …"), else null. */
  changed: string | null;
}

/**
 * Starts a preview play at `from` and replays the trainer's decisions so
 * far through the engine (as the game's resume does, report/resume/replay.ts),
 * so that after an edit the preview goes on from the same point with the
 * new text. Replies are found by their position in the file, which an edit
 * of their wording keeps. A decision the edited scenario no longer allows
 * (its node is gone or not reached, its reply removed or hidden by an `if`,
 * its node no longer timed) stops the replay there: the play goes on from
 * the last decision still valid, and `changed` says so.
 *
 * Replies are shown in file order (no shuffle), so the numbers in the
 * preview are the replies' order in the file.
 *
 * @example
 * const { talk } = startPreviewConversation(compiled, { node: 'address', mood: 20 }, [], 'standard');
 * talk.view().line; // address's line
 */
export function startPreviewConversation(compiled: CompiledScenario, from: StartPoint, replay: readonly PlayedDecision[], timers: TimerSetting): PreviewConversation {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers, waitForShown: true, from });
  let replayed = 0;
  for (const decision of replay) {
    if (!replayOne(talk, clock, decision)) break;
    replayed++;
  }
  const changed = replayed === replay.length ? null : changedLine(replayed === 0 ? null : replay[replayed - 1]!.node);
  return { talk, clock, replayed, changed };
}

/** Replays one decision; false (and nothing done but showing the replies) when the conversation cannot make it now. */
function replayOne(talk: Conversation, clock: SteppedClock, decision: PlayedDecision): boolean {
  if (talk.ended || talk.context.node !== decision.node) return false;
  const before = talk.context.decisions.length;
  talk.shown();
  const deadline = talk.view().deadline;
  if (decision.reply === null) {
    if (!deadline) return false;
    clock.advance(deadline.endsAt - clock.now());
  } else {
    const number = talk.context.shown.indexOf(decision.reply) + 1;
    if (number === 0) return false;
    // A shorter time limit after the edit must not turn the reply into a timeout: answer just inside it.
    const ms = deadline ? Math.min(decision.ms, Math.max(0, deadline.endsAt - clock.now() - 1)) : decision.ms;
    clock.advance(Math.max(0, ms));
    talk.reply(number);
  }
  return talk.context.decisions.length === before + 1;
}

/** The one line the panel shows when an edit cut the replayed path short. */
export function changedLine(lastValidNode: string | null): string {
  return lastValidNode === null
    ? 'Your edit changed the path from the start point: playing from there.'
    : `Your edit changed the path after "${lastValidNode}": playing from there.`;
}

/** The decisions of a conversation as the studio keeps them for a replay. */
export function playedDecisions(talk: Conversation): PlayedDecision[] {
  return talk.context.decisions.map((d) => ({ node: d.node, reply: d.timedOut ? null : d.replyIndex, ms: d.ms }));
}
