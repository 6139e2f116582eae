import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { newShuffleSeed } from '../../engine/index.ts';
import { castVote, nextScenario, openVoting, playReply, requireRoomMode, revealVotes } from '../room/room-actions.ts';
import { roomDebrief } from '../room/room-debrief.ts';
import { readRoom, type RoomState } from '../room/room-state.ts';
import { roomStream } from '../room/room-stream.ts';
import { trainerRoomView, traineeRoomView, type TraineeRoomView, type TrainerRoomView } from '../room/room-views.ts';
import type { Participant, Session } from '../storage/session-store.ts';
import { checked, HttpProblem, jsonBody } from './http-problem.ts';
import { sessionIdSchema } from './input-schemas.ts';
import { authenticatedParticipant } from './participant-auth.ts';
import type { ServerContext } from './server-context.ts';
import { requireTrainer } from './trainer-auth.ts';

/** A reply's code, as the views name it. */
const replyCodeSchema = z.string({ error: 'reply must be a reply code' }).regex(/^[a-i]$/, 'a reply code is one letter from a to i, as the room view lists them');

/** POST /api/sessions/:id/room/play */
export const playSchema = z.strictObject({
  play: z.union([z.literal('majority'), z.literal('timeout'), replyCodeSchema], { error: 'play is "majority", "timeout" or a reply code (a–i)' }),
});

/** PUT /api/room/vote */
export const voteSchema = z.strictObject({
  round: z.number({ error: 'round must be the round number the room view gives' }).int('round is a whole number').min(1, 'round starts at 1').max(1_000_000, 'no room has that many rounds'),
  reply: replyCodeSchema,
});

/** The projector's view of a session's room. */
async function trainerView(server: ServerContext, session: Session): Promise<TrainerRoomView> {
  const state = await readRoom(server.store, server.library, session, server.now());
  const [counts, totals] = await Promise.all([state.current ? server.store.rooms.voteCounts(session.id, state.current.number) : [], server.store.totals(session.id)]);
  return trainerRoomView(state, counts, totals.participants);
}

/** A trainee's view: their own vote, and the counts only once revealed. */
async function traineeView(server: ServerContext, participant: Participant, session: Session, known?: RoomState): Promise<TraineeRoomView> {
  const state = known ?? (await readRoom(server.store, server.library, session, server.now()));
  const round = state.current;
  const [yourVote, counts] = await Promise.all([
    round ? server.store.rooms.voteOf(session.id, round.number, participant.id) : null,
    round?.revealedAt ? server.store.rooms.voteCounts(session.id, round.number) : [],
  ]);
  return traineeRoomView(state, counts, yourVote);
}

async function debriefOf(server: ServerContext, session: Session): Promise<ReturnType<typeof roomDebrief>> {
  const room = await server.store.rooms.room(session.id, newShuffleSeed(Math.random));
  const [rounds, counts] = await Promise.all([server.store.rooms.rounds(session.id), server.store.rooms.allVoteCounts(session.id)]);
  return roomDebrief(session, room, rounds, counts, server.library);
}

/**
 * Room mode's routes, under `/api`. The trainer's (trainer key) drive the
 * room: `GET /sessions/:id/room` (the projector's view), `POST …/room/open`
 * (open voting on the current line), `…/reveal` (close it and show the
 * distribution), `…/play` (`{ play: "majority" | "timeout" | code }`),
 * `…/next` (the next scenario after an ending), `GET …/room/debrief` and
 * `GET …/room/events` (live). The trainee's (participant token) vote:
 * `GET /room`, `PUT /room/vote` (`{ round, reply }`), `GET /room/debrief`,
 * `GET /room/events`. A trainee's answers never include another trainee's vote.
 */
export function roomRoutes(server: ServerContext): Hono {
  const { store } = server;
  const api = new Hono();
  api.use('/sessions/:id/room', requireTrainer(server.trainerKey));
  api.use('/sessions/:id/room/*', requireTrainer(server.trainerKey));

  /** The room-mode session named in the path: 400 for a malformed id, 404 for none, 409 for a self-paced one. */
  const roomSession = async (c: Context): Promise<Session> => {
    const id = checked(sessionIdSchema, c.req.param('id'), 'the session id');
    const session = await store.session(id);
    if (!session) throw new HttpProblem(404, 'there is no such session (it may have been deleted)');
    requireRoomMode(session);
    return session;
  };
  /** The trainee's own room, by their token. */
  const traineeRoom = async (c: Context): Promise<{ participant: Participant; session: Session }> => {
    const found = await authenticatedParticipant(c, store);
    requireRoomMode(found.session);
    return found;
  };

  api.get('/sessions/:id/room', async (c) => c.json(await trainerView(server, await roomSession(c))));
  const trainerAction = (path: string, act: (session: Session, c: Context) => Promise<void>): void => {
    api.post(`/sessions/:id/room/${path}`, async (c) => {
      const session = await roomSession(c);
      await act(session, c);
      return c.json(await trainerView(server, session));
    });
  };
  trainerAction('open', (session) => openVoting(server, session));
  trainerAction('reveal', (session) => revealVotes(server, session));
  trainerAction('play', async (session, c) => playReply(server, session, (await jsonBody(c, playSchema)).play));
  trainerAction('next', (session) => nextScenario(server, session));
  api.get('/sessions/:id/room/debrief', async (c) => c.json(await debriefOf(server, await roomSession(c))));
  api.get('/sessions/:id/room/events', async (c) => {
    const session = await roomSession(c);
    return roomStream(c, server, session.id, async () => {
      const now = await store.session(session.id);
      return now ? trainerView(server, now) : null;
    }, (change) => change.kind === 'room' || change.kind === 'session' || change.kind === 'roster');
  });

  api.get('/room', async (c) => {
    const { participant, session } = await traineeRoom(c);
    return c.json(await traineeView(server, participant, session));
  });
  api.put('/room/vote', async (c) => {
    const { participant, session } = await traineeRoom(c);
    const vote = await jsonBody(c, voteSchema);
    const state = await castVote(server, participant, session, vote);
    return c.json(await traineeView(server, participant, session, state));
  });
  api.get('/room/debrief', async (c) => c.json(await debriefOf(server, (await traineeRoom(c)).session)));
  api.get('/room/events', async (c) => {
    const { session } = await traineeRoom(c);
    return roomStream(c, server, session.id, async () => {
      // Read afresh each time: a removed trainee's token stops working, and their stream ends.
      const found = await authenticatedParticipant(c, store).catch(() => null);
      return found ? traineeView(server, found.participant, found.session) : null;
    }, (change) => (change.kind === 'room' && change.what === 'round') || change.kind === 'session');
  });

  return api;
}
