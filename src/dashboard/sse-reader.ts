/** One server-sent event: its name (`message` when the stream gave none) and its data lines joined. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * Reads a `text/event-stream` as it arrives, in chunks cut anywhere:
 * events end at a blank line; `event:` names one, `data:` lines make its
 * data, lines starting with `:` are comments (the server's keep-alive).
 * Fields this dashboard does not use (`id`, `retry`) are skipped.
 *
 * @example
 * const reader = new SseReader();
 * reader.push('event: roster\ndata: {"a":1}\n\n') // [{ event: 'roster', data: '{"a":1}' }]
 */
export class SseReader {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Adds text from the stream; returns the events it completed. */
  push(text: string): ServerSentEvent[] {
    this.buffer += text;
    const done: ServerSentEvent[] = [];
    let end: number;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, end);
      // A lone \r at the very end may be half of \r\n: wait for the next chunk.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (this.data.length > 0) done.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return done;
  }
}
