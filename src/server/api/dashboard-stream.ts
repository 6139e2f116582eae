import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sessionUpdatesOf } from '../live/session-updates.ts';
import type { Session } from '../storage/session-store.ts';
import { publicOrigin, type ServerContext } from './server-context.ts';

/**
 * `GET /api/sessions/:id/events`: the dashboard's live view of a session,
 * as server-sent events. First `snapshot` (session, totals, roster,
 * distribution), then, as things change:
 *
 * - `session`: `{ session }` after a pause, resume or end;
 * - `roster`: `{ changed, removed, totals }` after a join, a removal, a play
 *   starting, moving on or finishing: the entries of the trainees who
 *   joined or moved (`changed`, merged by `participantId`; a new one goes in
 *   its place in order of joining) and the ids of those removed. When the
 *   server cannot tell who changed (a notice from an older process on the
 *   same PostgreSQL) it sends the whole roster instead: `{ roster, totals }`;
 * - `distribution`: `{ distribution }` for one decision point whose reply
 *   counts changed (the new decision is in them);
 * - `deleted`: `{}` when the session is deleted; the stream then ends.
 *
 * Changes arrive from any server process (the event bus). The streams of
 * one session in this process share their updates (live/session-updates.ts):
 * changes within `liveDelayMs` are read from the database once and the same
 * text goes to each, so a stream holds nothing but what it has still to
 * send. An idle stream sends a comment every `keepAliveMs` so proxies keep
 * it open. A reconnecting dashboard gets a new snapshot.
 */
export function dashboardStream(c: Context, session: Session, server: ServerContext): Response {
  const origin = publicOrigin(c, server);
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    // One write at a time, in order; a failed write means the dashboard has gone.
    let writing: Promise<void> = Promise.resolve();
    const write = (text: string): void => {
      writing = writing.then(() => stream.write(text)).then(() => {}, finish);
    };

    // Following starts before the snapshot is read, so a change in between is sent after it, never lost.
    const stopFollowing = sessionUpdatesOf(server).follow(session.id, { origin, send: write, end: () => void writing.then(finish) });
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), server.keepAliveMs);
    stream.onAbort(() => finish());
    try {
      await finished;
    } finally {
      stopFollowing();
      clearInterval(keepAlive);
    }
  });
}
