import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { SessionChange } from '../live/session-events.ts';
import type { DecisionPoint, Session } from '../storage/session-store.ts';
import { publicOrigin, type ServerContext } from './server-context.ts';
import { distributionView, rosterView, sessionView } from './views.ts';

/** What changed since the last update a stream sent. */
interface Pending {
  session: boolean;
  roster: boolean;
  points: Map<string, DecisionPoint>;
  deleted: boolean;
}

/**
 * `GET /api/sessions/:id/events`: the dashboard's live view of a session,
 * as server-sent events. First `snapshot` (session, totals, roster,
 * distribution), then, as things change:
 *
 * - `session`: `{ session }` after a pause, resume or end;
 * - `roster`: `{ roster, totals }` after a join, a removal, a play starting,
 *   moving on or finishing;
 * - `distribution`: `{ distribution }` for one decision point whose reply
 *   counts changed (the new decision is in them);
 * - `deleted`: `{}` when the session is deleted; the stream then ends.
 *
 * Changes arrive from any server process (the event bus); each update is
 * read fresh from the database, so a stream holds nothing but what it has
 * still to send. Changes within `liveDelayMs` are sent as one update. An
 * idle stream sends a comment every `keepAliveMs` so proxies keep it open.
 * A reconnecting dashboard gets a new snapshot.
 */
export function dashboardStream(c: Context, session: Session, server: ServerContext): Response {
  const { store, events, library } = server;
  const origin = publicOrigin(c, server);
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const pending: Pending = { session: false, roster: false, points: new Map(), deleted: false };
    let timer: ReturnType<typeof setTimeout> | null = null;
    let sending: Promise<void> = Promise.resolve();
    let ended = false;
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));

    const send = (event: string, data: unknown): Promise<void> => stream.writeSSE({ event, data: JSON.stringify(data) });
    const flush = async (): Promise<void> => {
      timer = null;
      const due = { ...pending, points: [...pending.points.values()] };
      Object.assign(pending, { session: false, roster: false, points: new Map(), deleted: false });
      if (due.deleted) {
        await send('deleted', {});
        ended = true;
        finish();
        return;
      }
      if (due.session) {
        const now = await store.session(session.id);
        if (now) await send('session', { session: sessionView(now, library, origin) });
      }
      if (due.roster) {
        const [roster, totals] = await Promise.all([store.roster(session.id), store.totals(session.id)]);
        await send('roster', { roster: rosterView(roster, library), totals });
      }
      for (const point of due.points) {
        const [distribution] = distributionView(await store.replyCounts(session.id, point), library);
        if (distribution) await send('distribution', { distribution });
      }
    };
    const hear = (change: SessionChange): void => {
      if (ended) return;
      if (change.kind === 'deleted') pending.deleted = true;
      if (change.kind === 'session') pending.session = true;
      if (change.kind === 'roster' || change.kind === 'decision') pending.roster = true;
      if (change.kind === 'decision') pending.points.set(JSON.stringify([change.scenario, change.node]), { scenario: change.scenario, node: change.node });
      if (timer !== null) return;
      timer = setTimeout(() => {
        // One update at a time, in order; a failed write means the dashboard has gone.
        sending = sending.then(flush).catch(() => finish());
      }, server.liveDelayMs);
    };

    // Listening starts before the snapshot is read, so a change in between is sent after it, never lost.
    const stopListening = events.subscribe(session.id, hear);
    const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => finish()), server.keepAliveMs);
    stream.onAbort(() => finish());
    try {
      if (await sendSnapshot(stream, session.id, server, origin)) await finished;
      else await send('deleted', {});
    } finally {
      ended = true;
      stopListening();
      clearInterval(keepAlive);
      if (timer !== null) clearTimeout(timer);
    }
  });
}

/** Sends the whole current state; false when the session is gone. */
async function sendSnapshot(stream: SSEStreamingApi, sessionId: string, server: ServerContext, origin: string): Promise<boolean> {
  const { store, library } = server;
  const [session, totals, roster, counts] = await Promise.all([store.session(sessionId), store.totals(sessionId), store.roster(sessionId), store.replyCounts(sessionId)]);
  if (!session) return false;
  const snapshot = { session: sessionView(session, library, origin), totals, roster: rosterView(roster, library), distribution: distributionView(counts, library) };
  await stream.writeSSE({ event: 'snapshot', data: JSON.stringify(snapshot) });
  return true;
}
