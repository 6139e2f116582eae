import type postgres from 'postgres';
import { SessionListeners, sessionChangeSchema, type SessionChange, type SessionEvents } from './session-events.ts';

/** The PostgreSQL channel Tactful's processes share. */
export const SESSION_CHANGES_CHANNEL = 'tactful_session_changes';

/**
 * Session changes across every process on one PostgreSQL: a change is
 * sent with NOTIFY and heard by each process's LISTEN (this one's too, so a
 * change reaches local dashboards exactly once, the same way as remote
 * ones). A dashboard connected to one process sees what a trainee posted
 * to another behind the same load balancer.
 */
export class PostgresSessionEvents implements SessionEvents {
  private constructor(
    private readonly sql: postgres.Sql,
    private readonly listeners: SessionListeners,
    private readonly unlisten: () => Promise<void>,
  ) {}

  /** Starts listening; resolves once PostgreSQL has registered the LISTEN (nothing published after that is missed). */
  static async start(sql: postgres.Sql): Promise<PostgresSessionEvents> {
    const listeners = new SessionListeners();
    const listening = await sql.listen(SESSION_CHANGES_CHANNEL, (payload) => hear(listeners, payload));
    return new PostgresSessionEvents(sql, listeners, () => listening.unlisten());
  }

  async publish(change: SessionChange): Promise<void> {
    await this.sql.notify(SESSION_CHANGES_CHANNEL, JSON.stringify(change));
  }

  subscribe(sessionId: string, listener: (change: SessionChange) => void): () => void {
    return this.listeners.add(sessionId, listener);
  }

  close(): Promise<void> {
    return this.unlisten();
  }
}

/** Delivers a notification's change to this process's listeners; anything that is not a change is ignored. */
function hear(listeners: SessionListeners, payload: string): void {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return;
  }
  const change = sessionChangeSchema.safeParse(value);
  if (change.success) listeners.deliver(change.data);
}
