import { refusalOf, type TrainerApi } from './trainer-api.ts';
import { SseReader } from './sse-reader.ts';

/** Where the live connection stands, for the dashboard's "Live" indicator. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'signed-out' | 'gone';

/** What a live stream hears. */
export interface LiveHandlers {
  /** An event of the stream, its data parsed: snapshot, roster, distribution, session, deleted. */
  onEvent(event: string, data: unknown): void;
  onState(state: LiveState, detail?: string): void;
}

/** The wait before reconnect number `attempt` (1, 2, …): 1 s, 2 s, 4 s, … up to 15 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Follows a session's live stream (`GET /api/sessions/:id/events`). The
 * trainer key goes in the `Authorization` header, which `EventSource`
 * cannot send, so the stream is read with `fetch` and parsed here
 * (sse-reader.ts). A dropped connection (Wi-Fi, a server restart) is
 * retried with a growing wait; the server then sends a fresh `snapshot`,
 * so nothing in between is missed. Stops for good on a wrong key (401), a
 * deleted session (404, or its `deleted` event) or `signal`.
 */
export function followLiveSession(api: TrainerApi, sessionId: string, handlers: LiveHandlers, signal: AbortSignal): void {
  let attempt = 0;
  const connect = async (): Promise<void> => {
    while (!signal.aborted) {
      handlers.onState(attempt === 0 ? 'connecting' : 'reconnecting');
      let deleted = false;
      try {
        const response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/events`, { headers: api.headers({ Accept: 'text/event-stream' }), cache: 'no-store', signal });
        if (response.status === 401 || response.status === 404) {
          const refusal = await refusalOf(response);
          handlers.onState(response.status === 401 ? 'signed-out' : 'gone', refusal.message);
          return;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        const reader = new SseReader();
        const decoder = new TextDecoder();
        const body = response.body.getReader();
        for (;;) {
          const { done, value } = await body.read();
          if (done) break;
          for (const event of reader.push(decoder.decode(value, { stream: true }))) {
            if (event.event === 'snapshot') {
              attempt = 0;
              handlers.onState('live');
            }
            if (event.event === 'deleted') deleted = true;
            handlers.onEvent(event.event, JSON.parse(event.data) as unknown);
          }
        }
      } catch {
        // Dropped or unreachable: wait, then connect again (unless the dashboard left).
      }
      if (deleted) {
        handlers.onState('gone', 'this session was deleted');
        return;
      }
      if (signal.aborted) return;
      attempt++;
      handlers.onState('reconnecting');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectDelay(attempt));
        signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
    }
  };
  void connect();
}
