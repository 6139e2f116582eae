/** One server-sent event. */
export interface ServerEvent {
  event: string;
  data: unknown;
}

/**
 * A dashboard's live stream, read as the dashboard will read it (fetch with
 * the trainer key, since EventSource cannot send a header): events are
 * collected as they arrive, and `next` waits for the first one, not yet
 * taken, that matches.
 */
export class EventStreamReader {
  private readonly events: ServerEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly abort = new AbortController();
  private done = false;

  private constructor() {}

  static async open(url: string, key: string): Promise<EventStreamReader> {
    const reader = new EventStreamReader();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${key}`, Accept: 'text/event-stream' }, signal: reader.abort.signal });
    if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status} ${await response.text()}`);
    void reader.pump(response.body);
    return reader;
  }

  /** Waits (up to `ms`) for an event of this name for which `matches` holds, and takes it and every event before it. */
  async next<T = Record<string, unknown>>(name: string, matches: (data: T) => boolean = () => true, ms = 10_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const index = this.events.findIndex((e) => e.event === name && matches(e.data as T));
      if (index >= 0) return this.events.splice(0, index + 1).at(-1)!.data as T;
      if (this.done) throw new Error(`the stream ended without a "${name}" event`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${name}" event within ${ms} ms; got: ${this.events.map((e) => e.event).join(', ') || 'nothing'}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** Whether the server ended the stream. */
  get ended(): boolean {
    return this.done;
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (event) this.events.push({ event, data: JSON.parse(data) });
          for (const wake of [...this.waiters]) wake();
        }
      }
    } catch {
      // Closed by this side.
    } finally {
      this.done = true;
      for (const wake of [...this.waiters]) wake();
    }
  }
}
