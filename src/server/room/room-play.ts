import { SteppedClock, startConversation, type CompiledScenario, type ConversationResult, type ConversationView, type Decision, type TimerSetting } from '../../engine/index.ts';

/** One decision the room took: a reply (its file position, 1-based) or a timeout, and how long the room took. */
export interface RoomDecision {
  /** The reply's position in the node's `replies` in the file; null when the room let time run out. */
  reply: number | null;
  /** From voting opening to voting closing (the conversation's decision time). */
  afterMs: number;
}

/** Where the room's conversation stands after its decisions. */
export interface RoomConversation {
  view: ConversationView;
  /** The replies offered now, as file positions, in the order every device shows them. */
  shown: number[];
  /** Every decision so far, as the engine recorded it (offered replies, tact, mood). */
  decisions: Decision[];
  /** The reply time limit at the current node with the session's timer setting (ms); null when untimed. */
  limitMs: number | null;
  /** Present once the conversation has reached an ending. */
  result: ConversationResult | null;
}

/** The server's scenario no longer matches the room's recorded decisions (its file changed since they were played). */
export class RoomReplayError extends Error {}

/**
 * Plays a room's decisions through the engine, as the game would, and
 * returns the conversation as it stands: the customer's line, mood and face,
 * the replies in the order the room sees them (drawn from the room's seed),
 * and the result at an ending. The room's state is only the scenario and its
 * decisions: replaying them gives the same conversation on every server
 * process, after every restart.
 *
 * @throws RoomReplayError when a recorded decision cannot be played (the scenario file changed).
 * @example replayRoom(compiled, { seed: 42, timers: 'standard' }, [{ reply: 2, afterMs: 8000 }]).view.line
 */
export function replayRoom(compiled: CompiledScenario, setting: { seed: number; timers: TimerSetting }, decisions: readonly RoomDecision[]): RoomConversation {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers: setting.timers, shuffleSeed: setting.seed });
  try {
    for (const [i, decision] of decisions.entries()) {
      const view = talk.view();
      if (talk.ended) throw new RoomReplayError(`decision ${i + 1} of "${compiled.scenario.id}" comes after its ending "${view.node}"`);
      if (decision.reply === null) {
        if (!view.deadline) throw new RoomReplayError(`decision ${i + 1} of "${compiled.scenario.id}" is a timeout, but "${view.node}" has no time limit`);
        clock.advance(view.deadline.endsAt - clock.now());
        continue;
      }
      const position = talk.context.shown.indexOf(decision.reply) + 1;
      if (position === 0) throw new RoomReplayError(`decision ${i + 1} of "${compiled.scenario.id}" chose reply ${decision.reply}, which "${view.node}" does not offer`);
      // The room decided within the limit (a late reply is still the room's reply, not a timeout).
      const room = view.deadline ? view.deadline.endsAt - clock.now() - 1 : Number.POSITIVE_INFINITY;
      clock.advance(Math.max(0, Math.min(decision.afterMs, room)));
      talk.reply(position);
    }
    return { view: talk.view(), shown: [...talk.context.shown], decisions: [...talk.context.decisions], limitMs: talk.context.limitMs, result: talk.result() };
  } finally {
    talk.stop();
  }
}
