/**
 * A trainer's dashboard for the session load benchmark: it reads the live
 * stream (`GET /api/sessions/:id/events`) as the dashboard page does (fetch
 * with the trainer key) and stamps each event with the moment its last
 * byte was read (`performance.now()`, the clock the trainees stamp their
 * POSTs with: same process, so the two are comparable).
 */

/** A stream event as it arrived. */
export interface ArrivedEvent {
  event: string;
  data: unknown;
  /** `performance.now()` when the event was complete. */
  at: number;
}

/** An open dashboard stream; `close` ends it. */
export interface DashboardStream {
  /** Resolves with the first `snapshot`. */
  snapshot: Promise<unknown>;
  /** Events counted by name (the snapshot included). */
  counts: Map<string, number>;
  /** Bytes read, for the report. */
  bytes(): number;
  close(): void;
}

/**
 * Opens a dashboard stream and hands every event to `onEvent`, in order.
 *
 * @throws Error when the server refuses the stream.
 */
export async function openDashboardStream(url: string, trainerKey: string, onEvent: (event: ArrivedEvent) => void): Promise<DashboardStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${trainerKey}`, Accept: 'text/event-stream' }, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`dashboard stream: ${response.status} ${await response.text()}`);
  const counts = new Map<string, number>();
  let bytes = 0;
  const { promise: snapshot, resolve: snapshotSeen, reject: streamFailed } = settleable<unknown>();
  const pump = async (body: ReadableStream<Uint8Array>): Promise<void> => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        bytes += chunk.byteLength;
        buffer += decoder.decode(chunk, { stream: true });
        const at = performance.now();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          // Keep-alive comments have no event name.
          if (!event) continue;
          const data: unknown = JSON.parse(block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n'));
          counts.set(event, (counts.get(event) ?? 0) + 1);
          if (event === 'snapshot') snapshotSeen(data);
          onEvent({ event, data, at });
        }
      }
      streamFailed(new Error('the dashboard stream ended before its snapshot'));
    } catch (error) {
      // Closed by this side, or the server went away: either way the stream is over.
      streamFailed(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void pump(response.body);
  return { snapshot, counts, bytes: () => bytes, close: () => abort.abort() };
}

/** A promise with its resolve and reject (Promise.withResolvers, which Node 20 lacks). */
function settleable<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
