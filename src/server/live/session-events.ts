import { z } from 'zod';

/**
 * Something changed in a session that a dashboard shows. Only the kind
 * and where travel (a few bytes, which PostgreSQL's NOTIFY limits): the
 * dashboard's stream then reads the current state from the database, so
 * no server process needs to remember anything. A roster or decision change
 * names the participant it is about, so the stream reads that trainee's
 * roster entry alone; one without (sent by an older process) makes it read
 * the whole roster.
 */
export type SessionChange =
  /** Someone joined or was removed, or a play started, moved on or finished. */
  | { kind: 'roster'; sessionId: string; participantId?: string }
  /** A participant made a decision at this decision point: its reply distribution and their roster entry changed. */
  | { kind: 'decision'; sessionId: string; participantId?: string; scenario: string; node: string }
  /** The session was paused, resumed or ended. */
  | { kind: 'session'; sessionId: string }
  /** The session and its data were deleted. */
  | { kind: 'deleted'; sessionId: string }
  /** Room mode: a vote was cast or changed (`votes`), or the room moved on: voting opened, revealed, a reply played, the next scenario (`round`). */
  | { kind: 'room'; sessionId: string; what: 'votes' | 'round' };

/** A change as it arrives from another process: checked, since anything with database access can NOTIFY. */
export const sessionChangeSchema: z.ZodType<SessionChange> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('roster'), sessionId: z.uuid(), participantId: z.uuid().optional() }),
  z.object({ kind: z.literal('decision'), sessionId: z.uuid(), participantId: z.uuid().optional(), scenario: z.string().max(200), node: z.string().max(200) }),
  z.object({ kind: z.literal('session'), sessionId: z.uuid() }),
  z.object({ kind: z.literal('deleted'), sessionId: z.uuid() }),
  z.object({ kind: z.literal('room'), sessionId: z.uuid(), what: z.enum(['votes', 'round']) }),
]);

/**
 * Carries session changes to every dashboard stream, in this process
 * (local-session-events.ts, with the embedded database) or in every
 * process on one PostgreSQL (postgres-session-events.ts, LISTEN/NOTIFY).
 */
export interface SessionEvents {
  /** Tells every listener of the session, in every process. Resolves once sent (not once heard). */
  publish(change: SessionChange): Promise<void>;
  /** Hears the changes of one session. Returns a function that stops listening. */
  subscribe(sessionId: string, listener: (change: SessionChange) => void): () => void;
  close(): Promise<void>;
}

/** The listeners of this process, by session: what both kinds of event bus deliver to. */
export class SessionListeners {
  private readonly bySession = new Map<string, Set<(change: SessionChange) => void>>();

  add(sessionId: string, listener: (change: SessionChange) => void): () => void {
    const listeners = this.bySession.get(sessionId) ?? new Set();
    listeners.add(listener);
    this.bySession.set(sessionId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.bySession.delete(sessionId);
    };
  }

  deliver(change: SessionChange): void {
    for (const listener of this.bySession.get(change.sessionId) ?? []) {
      try {
        listener(change);
      } catch {
        // One broken stream must not keep the change from the others.
      }
    }
  }
}
