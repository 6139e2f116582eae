import { SessionListeners, type SessionChange, type SessionEvents } from './session-events.ts';

/**
 * Session changes within one process: enough for the embedded database,
 * which one process owns. Delivery is deferred to a microtask so a
 * publisher never runs a dashboard's work in its own call.
 */
export class LocalSessionEvents implements SessionEvents {
  private readonly listeners = new SessionListeners();

  publish(change: SessionChange): Promise<void> {
    queueMicrotask(() => this.listeners.deliver(change));
    return Promise.resolve();
  }

  subscribe(sessionId: string, listener: (change: SessionChange) => void): () => void {
    return this.listeners.add(sessionId, listener);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
