import { newShuffleSeed, type CompiledScenario } from '../../engine/index.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import type { RoomRecord, RoundRecord } from '../storage/room-store.ts';
import type { Session, SessionStore } from '../storage/session-store.ts';
import { replayRoom, type RoomConversation, type RoomDecision } from './room-play.ts';

/**
 * Where a room is, as the trainer says it:
 *
 * - `ready`: the customer's line is up, voting is not open yet (the trainer reads it out);
 * - `voting`: trainees are voting, until the deadline or until the trainer reveals;
 * - `closed`: the deadline has passed, nobody can vote, the distribution is still hidden;
 * - `revealed`: everyone sees the distribution; the trainer plays the majority or picks;
 * - `ending`: the scenario has reached an ending (then the next scenario, or the debrief).
 */
export type RoomPhase = 'ready' | 'voting' | 'closed' | 'revealed' | 'ending';

/** Everything about a room at one moment, read from the database and replayed with the engine. */
export interface RoomState {
  session: Session;
  room: RoomRecord;
  compiled: CompiledScenario;
  /** The rounds of the current scenario already played, in order. */
  played: RoundRecord[];
  /** The round waiting to be played (voting, closed or revealed); null when none is open. */
  current: RoundRecord | null;
  conversation: RoomConversation;
  phase: RoomPhase;
  /** The server's time when this was read (when the clock stopped, while paused): clients count the deadline down from it. */
  now: Date;
  hasNextScenario: boolean;
}

/** A round's decision for the replay: its reply, and how long the room took (opening to close of voting). */
export function roundDecision(round: RoundRecord): RoomDecision {
  const closed = Math.min((round.closedAt ?? round.playedAt ?? round.openedAt).getTime(), round.deadline?.getTime() ?? Number.POSITIVE_INFINITY);
  return { reply: round.playedReply, afterMs: Math.max(0, closed - round.openedAt.getTime()) };
}

/** The phase of a room from its open round (if any) and whether its conversation has ended. */
export function phaseOf(current: RoundRecord | null, ended: boolean, now: Date): RoomPhase {
  if (!current) return ended ? 'ending' : 'ready';
  if (current.revealedAt) return 'revealed';
  if (current.closedAt || (current.deadline && now.getTime() >= current.deadline.getTime())) return 'closed';
  return 'voting';
}

/**
 * Reads a room-mode session's room (making it on first use) and replays
 * the current scenario's played rounds with the engine.
 *
 * @throws Error when the server no longer has the session's scenario (a scenario file removed since).
 */
export async function readRoom(store: SessionStore, library: ScenarioLibrary, session: Session, now: Date): Promise<RoomState> {
  const room = await store.rooms.room(session.id, newShuffleSeed(Math.random));
  const index = Math.min(room.scenarioIndex, session.scenarios.length - 1);
  const scenarioId = session.scenarios[index]!;
  const compiled = library.compiled(scenarioId);
  if (!compiled) throw new Error(`the server has no scenario "${scenarioId}" any more (session ${session.id})`);
  const rounds = await store.rooms.rounds(session.id, index);
  const played = rounds.filter((r) => r.playedAt !== null);
  const current = rounds.find((r) => r.playedAt === null) ?? null;
  const conversation = replayRoom(compiled, { seed: room.seed, timers: session.timers }, played.map(roundDecision));
  // While the session is paused the voting clock stands still: the room is read as at the moment it stopped.
  const clock = session.state === 'paused' && room.pausedAt && room.pausedAt < now ? room.pausedAt : now;
  return {
    session,
    room: { ...room, scenarioIndex: index },
    compiled,
    played,
    current,
    conversation,
    phase: phaseOf(current, conversation.result !== null, clock),
    now: clock,
    hasNextScenario: index < session.scenarios.length - 1,
  };
}
