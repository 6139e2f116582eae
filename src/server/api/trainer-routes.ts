import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { newJoinCode } from '../secrets.ts';
import type { Session, SessionState } from '../storage/session-store.ts';
import { dashboardStream } from './dashboard-stream.ts';
import { checked, HttpProblem, jsonBody } from './http-problem.ts';
import { newSessionSchema, participantIdSchema, sessionIdSchema } from './input-schemas.ts';
import { publicOrigin, type ServerContext } from './server-context.ts';
import { sessionResultsCsv, sessionResultsFileName, sessionResultsJson } from './session-results.ts';
import { requireTrainer } from './trainer-auth.ts';
import { distributionView, rosterView, sessionView } from './views.ts';

/** Tries before giving up on drawing an unused join code (a clash is one in millions per draw). */
const CODE_DRAWS = 8;

/** The join link as a QR code, as SVG text (the dashboard shows it as an image for the projector). */
function joinQr(joinUrl: string): Promise<string> {
  return QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/**
 * The trainer's routes, under `/api`, every one behind the trainer key:
 * scenarios to choose from, sessions (create, list, read, pause, resume,
 * end, delete), participants (remove), results (CSV, JSON) and the live
 * stream (dashboard-stream.ts).
 */
export function trainerRoutes(server: ServerContext): Hono {
  const { store, events, library } = server;
  const api = new Hono();
  // Guarded path by path: this router shares /api with the trainee's routes, which need no key.
  const trainerOnly = requireTrainer(server.trainerKey);
  for (const path of ['/scenarios', '/sessions', '/sessions/*']) api.use(path, trainerOnly);

  /** The session named in the path, or 404 (400 for something that is not a session id). */
  const sessionOf = async (c: Context): Promise<Session> => {
    const id = checked(sessionIdSchema, c.req.param('id'), 'the session id');
    const session = await store.session(id);
    if (!session) throw new HttpProblem(404, 'there is no such session (it may have been deleted)');
    return session;
  };

  api.get('/scenarios', (c) => c.json({ scenarios: library.list() }));

  api.post('/sessions', async (c) => {
    const body = await jsonBody(c, newSessionSchema);
    const unknown = body.scenarios.filter((id) => !library.has(id));
    if (unknown.length > 0) throw new HttpProblem(400, `this server has no scenario ${unknown.map((id) => `"${id}"`).join(', ')} (GET /api/scenarios lists them)`, unknown.map((id) => ({ path: `scenarios.${body.scenarios.indexOf(id)}`, message: 'no such scenario' })));
    let session: Session | null = null;
    for (let draw = 0; draw < CODE_DRAWS && !session; draw++) session = await store.createSession({ id: randomUUID(), code: newJoinCode(), createdAt: server.now(), ...body });
    if (!session) throw new Error('could not draw an unused join code');
    const view = sessionView(session, library, publicOrigin(c, server));
    return c.json({ ...view, qr: await joinQr(view.joinUrl) }, 201);
  });

  api.get('/sessions', async (c) => {
    const origin = publicOrigin(c, server);
    const sessions = await store.sessions();
    return c.json({ sessions: sessions.map((s) => ({ ...sessionView(s, library, origin), participants: s.participants })) });
  });

  api.get('/sessions/:id', async (c) => {
    const session = await sessionOf(c);
    const view = sessionView(session, library, publicOrigin(c, server));
    const [totals, roster, counts] = await Promise.all([store.totals(session.id), store.roster(session.id), store.replyCounts(session.id)]);
    return c.json({ session: { ...view, qr: await joinQr(view.joinUrl) }, totals, roster: rosterView(roster, library), distribution: distributionView(counts, library) });
  });

  const changeState = (path: string, state: SessionState): void => {
    api.post(`/sessions/:id/${path}`, async (c) => {
      const session = await sessionOf(c);
      if (session.state === 'ended' && state !== 'ended') throw new HttpProblem(409, 'this session has ended: it cannot be paused or resumed');
      const at = server.now();
      // A room's voting clock stops with a pause and goes on from where it stood on resume (before the state
      // changes, so a read in between never sees a running session with a stopped clock's deadline).
      if (session.mode === 'room' && state === 'paused') await store.rooms.stopClock(session.id, at);
      if (session.mode === 'room' && state === 'open') await store.rooms.restartClock(session.id, at);
      const changed = await store.setSessionState(session.id, state, at);
      if (!changed) throw new HttpProblem(404, 'there is no such session (it may have been deleted)');
      await events.publish({ kind: 'session', sessionId: session.id });
      return c.json({ session: sessionView(changed, library, publicOrigin(c, server)) });
    });
  };
  changeState('pause', 'paused');
  changeState('resume', 'open');
  changeState('end', 'ended');

  api.delete('/sessions/:id', async (c) => {
    const id = checked(sessionIdSchema, c.req.param('id'), 'the session id');
    if (!(await store.deleteSession(id))) throw new HttpProblem(404, 'there is no such session (it may have been deleted already)');
    await events.publish({ kind: 'deleted', sessionId: id });
    return c.body(null, 204);
  });

  api.delete('/sessions/:id/participants/:participantId', async (c) => {
    const session = await sessionOf(c);
    const participantId = checked(participantIdSchema, c.req.param('participantId'), 'the participant id');
    if (!(await store.removeParticipant(session.id, participantId))) throw new HttpProblem(404, 'this session has no such participant');
    await events.publish({ kind: 'roster', sessionId: session.id, participantId });
    return c.body(null, 204);
  });

  api.get('/sessions/:id/results.csv', async (c) => {
    const session = await sessionOf(c);
    const csv = sessionResultsCsv(await store.plays(session.id), library);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${sessionResultsFileName(session.name, 'csv', server.now())}"`,
    });
  });

  api.get('/sessions/:id/results.json', async (c) => {
    const session = await sessionOf(c);
    const [roster, plays, decisions] = await Promise.all([store.roster(session.id), store.plays(session.id), store.decisions(session.id)]);
    const file = sessionResultsJson(session, roster.map((r) => r.participant), plays, decisions, library, server.now());
    return c.body(`${JSON.stringify(file, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${sessionResultsFileName(session.name, 'json', server.now())}"`,
    });
  });

  api.get('/sessions/:id/events', async (c) => dashboardStream(c, await sessionOf(c), server));

  return api;
}
