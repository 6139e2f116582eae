/**
 * Just enough of the browser's XMLHttpRequest, over Node's fetch, for the
 * HTTP client bundled in `@xapi/cmi5` (axios, built for browsers: its xhr
 * adapter only) to run in a Vitest test against the real test LRS and
 * launcher. Browser tests use the real thing.
 */
class NodeXmlHttpRequest {
  readyState = 0;
  status = 0;
  statusText = '';
  responseText = '';
  response: unknown = '';
  responseURL = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  onloadend: (() => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  upload = { addEventListener: () => {} };
  private method = 'GET';
  private url = '';
  private headers = new Headers();
  private responseHeaders = new Headers();
  private aborted = new AbortController();

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }
  addEventListener(): void {}
  getAllResponseHeaders(): string {
    return [...this.responseHeaders].map(([k, v]) => `${k}: ${v}`).join('\r\n');
  }
  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }
  abort(): void {
    this.aborted.abort();
    this.onabort?.();
  }
  send(body?: string | null): void {
    fetch(this.url, { method: this.method, headers: this.headers, signal: this.aborted.signal, ...(body === undefined || body === null ? {} : { body }) })
      .then(async (response) => {
        this.status = response.status;
        this.statusText = response.statusText;
        this.responseURL = response.url;
        this.responseHeaders = response.headers;
        this.responseText = await response.text();
        this.response = this.responseText;
        this.readyState = 4;
        this.onloadend?.();
      })
      .catch((error: unknown) => this.onerror?.(error));
  }
}

/** Puts the stand-in on globalThis; returns a function that takes it away. */
export function installNodeXhr(): () => void {
  const holder = globalThis as { XMLHttpRequest?: unknown };
  const before = holder.XMLHttpRequest;
  holder.XMLHttpRequest = NodeXmlHttpRequest;
  return () => {
    holder.XMLHttpRequest = before;
  };
}
