import { HttpProblem } from '../api/http-problem.ts';
import type { ServerContext } from '../api/server-context.ts';
import type { PlayedReply } from '../storage/room-store.ts';
import type { Participant, Session } from '../storage/session-store.ts';
import { majorityOf } from './room-majority.ts';
import { readRoom, type RoomState } from './room-state.ts';
import { replyCode, replyPosition } from './room-views.ts';

/**
 * What the trainer and the trainees do in a room, each checked against the
 * room as the database has it now, and refused with a 4xx that says what to
 * do instead. Each change is one conditional write (sql-room-store.ts), then
 * a notice on the event bus, so every screen on every process follows.
 */

/** Refuses a session that is not in room mode (404 would hide that the id is right). */
export function requireRoomMode(session: Session): void {
  if (session.mode !== 'room') throw new HttpProblem(409, 'this session is self-paced: it has no room to vote in (create a session with mode "room")');
}

/** Refuses changes in an ended session, and votes or new rounds in a paused one. */
function requireRunning(session: Session, what: string): void {
  if (session.state === 'ended') throw new HttpProblem(409, `this session has ended: ${what} is no longer possible (the debrief is still there)`);
  if (session.state === 'paused') throw new HttpProblem(409, `the session is paused: ${what} waits until the trainer resumes it`);
}

/** The offered reply a code names, or a 400 listing the offered ones. */
function offeredReply(state: RoomState, code: string): number {
  const position = replyPosition(code);
  if (!state.conversation.shown.includes(position)) {
    const offered = state.conversation.shown.map(replyCode).join(', ');
    throw new HttpProblem(400, `reply "${code}" is not offered at this line: the replies offered are ${offered}`, [{ path: 'reply', message: `one of ${offered}` }]);
  }
  return position;
}

async function announce(server: ServerContext, session: Session, what: 'votes' | 'round'): Promise<void> {
  // The change is stored: a notice that fails to go out must not turn the trainer's click into an error.
  await server.events.publish({ kind: 'room', sessionId: session.id, what }).catch(() => {});
}

/** The trainer opens voting on the customer's current line; its deadline comes from the session's timer setting. */
export async function openVoting(server: ServerContext, session: Session): Promise<void> {
  requireRunning(session, 'opening a vote');
  const now = server.now();
  const state = await readRoom(server.store, server.library, session, now);
  if (state.phase === 'ending') throw new HttpProblem(409, state.hasNextScenario ? 'this scenario has reached its ending: go on to the next scenario first' : 'the last scenario has reached its ending: the room has nothing left to vote on');
  if (state.current) throw new HttpProblem(409, `voting is already open on this line (round ${state.current.number}): reveal it and play a reply first`);
  const { limitMs, view } = state.conversation;
  const round = await server.store.rooms.openRound({
    sessionId: session.id,
    scenarioIndex: state.room.scenarioIndex,
    scenario: state.compiled.scenario.id,
    step: state.played.length,
    node: view.node,
    openedAt: now,
    deadline: limitMs === null ? null : new Date(now.getTime() + limitMs),
  });
  if (!round) throw new HttpProblem(409, 'voting was opened on this line at the same moment from another screen');
  await announce(server, session, 'round');
}

/** The trainer closes voting (if still open) and shows the distribution to the room. */
export async function revealVotes(server: ServerContext, session: Session): Promise<void> {
  const state = await readRoom(server.store, server.library, session, server.now());
  if (!state.current) throw new HttpProblem(409, 'no vote is open: open voting on this line first');
  if (!(await server.store.rooms.revealRound(session.id, state.current.number, server.now()))) throw new HttpProblem(409, 'this round has just been played from another screen');
  await announce(server, session, 'round');
}

/**
 * Plays the room's reply: `majority` (the reply with the most votes; a tie,
 * or a round nobody voted in, has none: the trainer picks), a reply's code
 * (the trainer's pick, any offered reply), or `timeout` (the customer's
 * reaction to silence; only once the deadline has passed). Playing closes
 * and reveals the round if the trainer had not.
 */
export async function playReply(server: ServerContext, session: Session, play: string): Promise<void> {
  if (session.state === 'ended') throw new HttpProblem(409, 'this session has ended: playing a reply is no longer possible (the debrief is still there)');
  const now = server.now();
  const state = await readRoom(server.store, server.library, session, now);
  const round = state.current;
  if (!round) throw new HttpProblem(409, 'no vote is open: open voting on this line first');
  let played: PlayedReply;
  if (play === 'majority') {
    const majority = majorityOf(await server.store.rooms.voteCounts(session.id, round.number));
    if (majority.votes === 0) throw new HttpProblem(409, 'nobody has voted in this round, so there is no majority: pick a reply (or let time run out once the deadline has passed)');
    if (majority.winner === null) {
      const tied = majority.tied.map((p) => `"${replyCode(p)}"`).join(' and ');
      throw new HttpProblem(409, `the vote is tied between ${tied}: pick the reply to play (for example {"play":"${replyCode(majority.tied[0]!)}"})`);
    }
    played = { by: 'majority', reply: majority.winner };
  } else if (play === 'timeout') {
    if (!round.deadline) throw new HttpProblem(409, 'this line has no time limit (or timers are off): pick a reply');
    if (now.getTime() < round.deadline.getTime()) throw new HttpProblem(409, 'time has not run out yet: the room can let time run out only after the deadline');
    played = { by: 'timeout', reply: null };
  } else {
    played = { by: 'pick', reply: offeredReply(state, play) };
  }
  if (!(await server.store.rooms.playRound(session.id, round.number, played, now))) throw new HttpProblem(409, 'this round has just been played from another screen');
  await announce(server, session, 'round');
}

/** After an ending, the room goes on to the session's next scenario. */
export async function nextScenario(server: ServerContext, session: Session): Promise<void> {
  requireRunning(session, 'going on to the next scenario');
  const state = await readRoom(server.store, server.library, session, server.now());
  if (state.phase !== 'ending') throw new HttpProblem(409, 'this scenario has not reached its ending yet: the room goes on to the next one after it');
  if (!state.hasNextScenario) throw new HttpProblem(409, 'this was the session\'s last scenario: see the debrief');
  if (!(await server.store.rooms.nextScenario(session.id, state.room.scenarioIndex))) throw new HttpProblem(409, 'the room has just moved on from another screen');
  await announce(server, session, 'round');
}

/** A trainee votes (or changes their vote) in the open round, until the deadline or the reveal. */
export async function castVote(server: ServerContext, participant: Participant, session: Session, vote: { round: number; reply: string }): Promise<RoomState> {
  requireRunning(session, 'voting');
  const now = server.now();
  const state = await readRoom(server.store, server.library, session, now);
  const round = state.current;
  if (!round) throw new HttpProblem(409, 'voting is not open: wait for the trainer to open it');
  if (round.number !== vote.round) throw new HttpProblem(409, `round ${vote.round} is over: the room is on round ${round.number} now`);
  if (state.phase !== 'voting') throw new HttpProblem(409, 'voting in this round has closed');
  const position = offeredReply(state, vote.reply);
  if (!(await server.store.rooms.castVote({ sessionId: session.id, round: round.number, participantId: participant.id, reply: position, at: now }))) {
    throw new HttpProblem(409, 'voting in this round has closed');
  }
  await announce(server, session, 'votes');
  return state;
}
