import { SseReader } from '../dashboard/sse-reader.ts';

/** Where a room's live connection stands: shown as a small "Live" or "Reconnecting…" note. */
export type RoomLiveState = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'gone';

/** What following a room hears. */
export interface RoomLiveHandlers<View> {
  /** A fresh view of the room (the whole of it, each time). */
  onView(view: View): void;
  /** The connection's state; `refused` (401/409: a wrong key, a removed trainee) and `gone` (deleted) end it for good, with the server's reason. */
  onState(state: RoomLiveState, detail?: string): void;
}

/** The wait before reconnect number `attempt`: 1 s, 2 s, 4 s… up to 10 s (a phone back on Wi-Fi is back quickly). */
function reconnectDelay(attempt: number): number {
  return Math.min(10_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** The server's `error`, or a plain sentence when the body is not the API's. */
async function reasonOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // Not the API's JSON.
  }
  return `the server refused this (HTTP ${response.status})`;
}

/**
 * Follows a room's live stream (`/api/sessions/:id/room/events` with the
 * trainer key, `/api/room/events` with a trainee's token): the credential
 * goes in the `Authorization` header, which EventSource cannot send, so the
 * stream is read with fetch. Every `room` event is a whole view, so a
 * dropped connection (a phone locking, Wi-Fi, a server restart) loses
 * nothing: it reconnects with a growing wait and gets the current view.
 * Stops on `signal`, on a refusal, when the session is deleted, or when the
 * trainee has been removed (`gone`).
 */
export function followRoom<View>(url: string, authorization: string, handlers: RoomLiveHandlers<View>, signal: AbortSignal): void {
  let attempt = 0;
  const run = async (): Promise<void> => {
    while (!signal.aborted) {
      handlers.onState(attempt === 0 ? 'connecting' : 'reconnecting');
      let ended: { state: RoomLiveState; detail: string } | null = null;
      try {
        const response = await fetch(url, { headers: { Authorization: authorization, Accept: 'text/event-stream' }, cache: 'no-store', signal });
        if (response.status >= 400 && response.status < 500) {
          handlers.onState(response.status === 404 ? 'gone' : 'refused', await reasonOf(response));
          return;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        const reader = new SseReader();
        const decoder = new TextDecoder();
        const body = response.body.getReader();
        while (!ended) {
          const { done, value } = await body.read();
          if (done) break;
          for (const event of reader.push(decoder.decode(value, { stream: true }))) {
            if (event.event === 'room') {
              attempt = 0;
              handlers.onState('live');
              handlers.onView(JSON.parse(event.data) as View);
            } else if (event.event === 'deleted') ended = { state: 'gone', detail: 'the trainer deleted this session' };
            else if (event.event === 'gone') ended = { state: 'refused', detail: 'you are no longer in this session (the trainer removed you)' };
          }
        }
      } catch {
        // Dropped or unreachable: wait, then connect again (unless the page has left).
      }
      if (ended) {
        handlers.onState(ended.state, ended.detail);
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
  void run();
}
