import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { SessionChange } from '../live/session-events.ts';
import type { ServerContext } from '../api/server-context.ts';

/** A room view to send, and when it changes by itself (a voting deadline passing); null when the reader may no longer see it. */
export interface RoomReading {
  view: { phase: string; round: { deadline: string | null } | null } | null;
}

/**
 * A room's live view as server-sent events, for the projector or a
 * trainee's phone: `room` with the whole view first and after every change
 * that `hears` accepts (changes within `liveDelayMs` make one update), `gone`
 * when the reader may no longer see it (a removed trainee; the stream then
 * ends), `deleted` when the session is deleted. Each update is read fresh
 * from the database (changes arrive from any server process through the
 * event bus), so the stream holds nothing but what it has still to send.
 * When voting closes by its deadline nothing is written anywhere: the stream
 * sends a new view just after the deadline. After a reconnect, a new `room`.
 */
export function roomStream(c: Context, server: ServerContext, sessionId: string, read: () => Promise<RoomReading['view']>, hears: (change: SessionChange) => boolean): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let deadlineTimer: ReturnType<typeof setTimeout> | null = null;
    let sending: Promise<void> = Promise.resolve();
    let ended = false;
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const end = (): void => {
      ended = true;
      finish();
    };

    const sendView = async (): Promise<void> => {
      const view = await read();
      if (ended) return;
      if (!view) {
        await stream.writeSSE({ event: 'gone', data: '{}' });
        end();
        return;
      }
      await stream.writeSSE({ event: 'room', data: JSON.stringify(view) });
      if (deadlineTimer !== null) clearTimeout(deadlineTimer);
      deadlineTimer = null;
      const deadline = view.phase === 'voting' && view.round?.deadline ? new Date(view.round.deadline).getTime() : null;
      // A little after the deadline, so the fresh read sees voting closed.
      if (deadline !== null) deadlineTimer = setTimeout(() => schedule(0), Math.min(Math.max(0, deadline - server.now().getTime()) + 50, 86_400_000));
    };
    const schedule = (delay: number): void => {
      if (ended || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        // One update at a time, in order; a failed write means the reader has gone.
        sending = sending.then(sendView).catch(() => end());
      }, delay);
    };
    const hear = (change: SessionChange): void => {
      if (ended) return;
      if (change.kind === 'deleted') {
        sending = sending.then(() => stream.writeSSE({ event: 'deleted', data: '{}' })).catch(() => {}).finally(end);
        return;
      }
      if (hears(change)) schedule(server.liveDelayMs);
    };

    // Listening starts before the first read, so a change in between is sent after it, never lost.
    const stopListening = server.events.subscribe(sessionId, hear);
    const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => end()), server.keepAliveMs);
    stream.onAbort(end);
    try {
      sending = sending.then(sendView).catch(() => end());
      await finished;
    } finally {
      ended = true;
      stopListening();
      clearInterval(keepAlive);
      if (timer !== null) clearTimeout(timer);
      if (deadlineTimer !== null) clearTimeout(deadlineTimer);
    }
  });
}
