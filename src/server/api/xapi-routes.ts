import { Hono } from 'hono';
import { XAPI_VERSION } from '../../report/xapi/send-statements.ts';
import { statementsBodySchema } from '../statements/received-statement.ts';
import { statementFingerprint } from '../statements/statement-fingerprint.ts';
import { statementMeaning, UnreadableStatement } from '../statements/statement-meaning.ts';
import type { SessionChange } from '../live/session-events.ts';
import { StatementConflict, type StatementToStore } from '../storage/session-store.ts';
import { HttpProblem, jsonBody } from './http-problem.ts';
import { authenticatedParticipant } from './participant-auth.ts';
import type { ServerContext } from './server-context.ts';

/**
 * A small xAPI Statements resource at `/xapi/`, one per participant: the
 * game's outbox (src/report/xapi/outbox.ts) sends its statements here as to
 * any LRS, with the participant's id and token as its credentials, and the
 * outbox's rules give exactly-once delivery:
 *
 * - `POST /xapi/statements` with one statement or an array: 200 and the ids,
 *   all stored or none;
 * - a statement id already stored from this participant with the same
 *   content (a resend whose answer was lost) is not stored again, and the
 *   POST still answers 200: the outbox counts it as delivered;
 * - an id stored with other content (or by someone else): 409 Conflict, as
 *   xAPI says; the outbox counts a single statement answered 409 as
 *   delivered and splits a batch to find it;
 * - a malformed statement: 400 (the outbox keeps it as refused, never
 *   resends it); a missing or unknown token: 401.
 */
export function xapiRoutes(server: ServerContext): Hono {
  const { store, events } = server;
  const xapi = new Hono();
  xapi.use('*', async (c, next) => {
    await next();
    c.header('X-Experience-API-Version', XAPI_VERSION);
  });

  xapi.get('/about', (c) => c.json({ version: [XAPI_VERSION] }));

  xapi.post('/statements', async (c) => {
    const { participant } = await authenticatedParticipant(c, store);
    const statements = await jsonBody(c, statementsBodySchema);
    const at = server.now();
    const toStore: StatementToStore[] = statements.map((statement, index) => {
      try {
        return { statement, fingerprint: statementFingerprint(statement), meaning: statementMeaning(statement, at) };
      } catch (error) {
        if (error instanceof UnreadableStatement) throw new HttpProblem(400, `statement ${index + 1} (${statement.id}) is not one Tactful can read: ${error.message}`);
        throw error;
      }
    });
    const ids = new Set(toStore.map((s) => s.statement.id));
    if (ids.size !== toStore.length) throw new HttpProblem(400, 'the same statement id is in this POST twice');
    let recorded;
    try {
      recorded = await store.recordStatements(participant, toStore, at);
    } catch (error) {
      if (error instanceof StatementConflict) throw new HttpProblem(409, `statement ${error.statementId} is already stored with other content`);
      throw error;
    }
    const storedNow = new Set(recorded.stored);
    const changes: SessionChange[] = [];
    for (const { statement, meaning } of toStore) {
      if (!storedNow.has(statement.id) || meaning.kind === 'other') continue;
      const about = { sessionId: participant.sessionId, participantId: participant.id };
      changes.push(meaning.kind === 'decision' ? { kind: 'decision', ...about, scenario: meaning.scenario, node: meaning.node } : { kind: 'roster', ...about });
    }
    // One notice per decision point and one for the trainee's roster entry, however many statements came at once.
    const unique = new Map(changes.map((change) => [JSON.stringify(change), change]));
    // The statements are stored: a notice that fails to go out must not make the outbox send them again.
    await Promise.allSettled([...unique.values()].map((change) => events.publish(change)));
    return c.json(toStore.map((s) => s.statement.id));
  });

  return xapi;
}
