import type { Context } from 'hono';
import { secretHash } from '../secrets.ts';
import type { Participant, Session, SessionStore } from '../storage/session-store.ts';
import { HttpProblem } from './http-problem.ts';

/**
 * The participant a request comes from, by the token they got when they
 * joined. The game's outbox sends it as an LRS's credentials (HTTP Basic,
 * the participant id as the user and the token as the password);
 * `Authorization: Bearer TOKEN` works too. A token only ever opens its own
 * participant and session.
 *
 * @throws HttpProblem 401 for a missing, malformed or unknown token (also once the participant is removed or the session deleted).
 */
export async function authenticatedParticipant(c: Context, store: SessionStore): Promise<{ participant: Participant; session: Session }> {
  const header = c.req.header('authorization') ?? '';
  let user: string | null = null;
  let token: string | null = null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (bearer) token = bearer[1]!;
  else if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      user = decoded.slice(0, colon);
      token = decoded.slice(colon + 1);
    }
  }
  // A Bearer challenge, never Basic: to a Basic one, browsers answer with a login box over the trainee's game
  // (a removed trainee's next poll or statement), and a fetch waits on it. Clients send their credentials unasked.
  const challenge = { 'WWW-Authenticate': 'Bearer realm="tactful session"' };
  if (!token || token.length > 200) throw new HttpProblem(401, 'this needs your participant token (join the session first)', [], challenge);
  const found = await store.participantByToken(secretHash(token));
  if (!found || (user !== null && user !== found.participant.id)) throw new HttpProblem(401, 'this participant token is not valid (the session may have been deleted, or you were removed): join again', [], challenge);
  return found;
}
