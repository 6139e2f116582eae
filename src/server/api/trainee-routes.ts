import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { newSecret, normaliseJoinCode, secretHash } from '../secrets.ts';
import { HttpProblem, jsonBody } from './http-problem.ts';
import { joinSchema } from './input-schemas.ts';
import { authenticatedParticipant } from './participant-auth.ts';
import { clientAddress, publicOrigin, type ServerContext } from './server-context.ts';

/**
 * The trainee's routes, under `/api`: join a session with its code and a
 * display name, and read one's own place in it. No account: the token
 * returned by join is the trainee's identity for this session (the browser
 * keeps it, so a trainee who reloads or comes back is the same participant).
 *
 * Join codes cannot be found by trying: an address that has failed
 * `joinLimit.failures` times in a window gets 429 until the window ends,
 * whatever code it sends. Failures are counted in the database, so every
 * server process behind a load balancer counts the same.
 */
export function traineeRoutes(server: ServerContext): Hono {
  const { store, events, library } = server;
  const api = new Hono();

  api.post('/join', async (c) => {
    const now = server.now();
    const { windowMs, failures: allowed } = server.joinLimit;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const address = clientAddress(c, server);
    const retryAfter = String(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    if ((await store.joinFailures(address, windowStart)) >= allowed) {
      throw new HttpProblem(429, 'too many wrong join codes from this address: wait a few minutes, then check the code with your trainer', [], { 'Retry-After': retryAfter });
    }
    const body = await jsonBody(c, joinSchema);
    const code = normaliseJoinCode(body.code);
    const session = code === null ? null : await store.sessionByCode(code);
    if (!session) {
      await store.noteJoinFailure(address, windowStart);
      throw new HttpProblem(404, 'no session has this join code: check it with your trainer');
    }
    if (session.state === 'ended') throw new HttpProblem(409, 'this session has ended: ask your trainer for the next one');
    const token = newSecret();
    const participant = await store.addParticipant({ id: randomUUID(), sessionId: session.id, name: body.name, tokenHash: secretHash(token), joinedAt: now });
    await events.publish({ kind: 'roster', sessionId: session.id, participantId: participant.id });
    const origin = publicOrigin(c, server);
    return c.json(
      {
        participantId: participant.id,
        token,
        name: participant.name,
        session: { name: session.name, mode: session.mode, state: session.state, timers: session.timers, scenarios: session.scenarios.map((id) => ({ id, title: library.title(id) })) },
        // Where the game sends its results: its LRS settings (?lrs=…&lrs-key=…&lrs-secret=…, see src/report/launch.ts).
        lrs: { endpoint: `${origin}/xapi/`, key: participant.id, secret: token },
      },
      201,
    );
  });

  api.get('/me', async (c) => {
    const { participant, session } = await authenticatedParticipant(c, store);
    return c.json({
      participantId: participant.id,
      name: participant.name,
      session: { name: session.name, mode: session.mode, state: session.state, timers: session.timers, scenarios: session.scenarios.map((id) => ({ id, title: library.title(id) })) },
    });
  });

  return api;
}
