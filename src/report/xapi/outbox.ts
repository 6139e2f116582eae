import type { LrsTarget, OutboxCounts, OutboxEntry, OutboxStore } from './outbox-store.ts';
import type { XapiStatement } from './statement.ts';

/** What the LRS answered to one POST of statements. */
export interface LrsResponse {
  status: number;
  /** The LRS's message, for a refused statement's report. */
  message: string;
}

/** Posts statements to an LRS (send-statements.ts in the browser); rejects when the request never got an answer (offline, LRS unreachable). */
export type SendStatements = (target: LrsTarget, statements: readonly XapiStatement[]) => Promise<LrsResponse>;

/** Timers, injected so tests step time instead of sleeping. */
export interface OutboxScheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Whether the browser believes it is online, and a way to hear when it comes back. */
export interface Connectivity {
  online(): boolean;
  onOnline(listener: () => void): void;
}

/** What the status line says. */
export interface OutboxStatus extends OutboxCounts {
  /** The browser is offline: sending waits for it to come back. */
  offline: boolean;
}

/** Tuning, with defaults that suit a classroom's LRS. */
export interface OutboxOptions {
  scheduler: OutboxScheduler;
  connectivity: Connectivity;
  /** 0 ≤ x < 1; spreads retries so many trainees don't all hit a recovering LRS at once. */
  random: () => number;
  /** Statements per POST (xAPI allows an array). */
  batchSize?: number;
  /** First retry delay; doubled after each failed attempt… */
  firstRetryMs?: number;
  /** …up to this. */
  longestRetryMs?: number;
}

/**
 * The delay before retry number `attempt` (1, 2, …): exponential backoff
 * with jitter, between half and all of `first × 2^(attempt-1)`, capped.
 *
 * @example retryDelay(1, 0.5, 1000, 60_000) // 750
 */
export function retryDelay(attempt: number, random: number, firstMs: number, longestMs: number): number {
  const ceiling = Math.min(longestMs, firstMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

/** What became of one POST. */
type Delivery = 'sent' | 'split' | 'rejected' | 'retry';

/**
 * Every statement is written here first, then sent to the LRS in the order
 * made, in batches, so nothing a trainee did is lost to a network outage,
 * a reload or a closed tab, and nothing arrives twice:
 *
 * - each statement's id is fixed when it is made, so a resend after an
 *   answer that never came back is recognised by the LRS (xAPI requires it
 *   to ignore a statement it already has, or answer 409 Conflict);
 * - 2xx, and 409 for a single statement, count as delivered;
 * - a network failure, 429 or 5xx is retried with backoff (the order holds:
 *   later statements wait), and at once when the browser comes back online;
 * - any other 4xx for a single statement marks it rejected: kept in the
 *   store and counted in the status, never retried (a batch answered 409 or
 *   4xx is sent again one statement at a time, to find out which).
 *
 * @example
 * const outbox = new Outbox(new MemoryOutboxStore(), postStatements, { scheduler, connectivity, random: Math.random });
 * outbox.start();
 * await outbox.add([statement], { endpoint: 'https://lrs.example/xapi/', authorization: 'Basic …' });
 */
export class Outbox {
  private listeners = new Set<(status: OutboxStatus) => void>();
  private sending: Promise<void> | null = null;
  private again = false;
  private retryTimer: unknown = null;
  private attempts = 0;
  /** How many of the next entries to send one by one (after a batch the LRS refused). */
  private singly = 0;
  private status: OutboxStatus = { waiting: 0, rejected: 0, offline: false };

  constructor(
    private readonly store: OutboxStore,
    private readonly send: SendStatements,
    private readonly options: OutboxOptions,
  ) {}

  /** Starts sending what a previous visit left, and listens for the browser coming back online. */
  start(): void {
    this.options.connectivity.onOnline(() => {
      // Back online: try now, not when the last backoff ends.
      this.attempts = 0;
      this.cancelRetry();
      this.kick();
    });
    this.kick();
  }

  /** Stores statements (in order) for `target`, then sends. Resolves once they are stored. */
  async add(statements: readonly XapiStatement[], target: LrsTarget): Promise<void> {
    await this.store.add(statements.map((statement) => ({ statement, target })));
    await this.publish();
    if (this.retryTimer === null) this.kick();
  }

  /** Hears every change of status (and the current one at once). Returns a function that stops listening. */
  onStatus(listener: (status: OutboxStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    void this.publish();
    return () => this.listeners.delete(listener);
  }

  /** Resolves when no sending is under way (a retry may still be scheduled). For tests and the page closing. */
  async settled(): Promise<void> {
    while (this.sending) await this.sending;
  }

  /** Sends now unless already sending (then the running loop goes round again). */
  private kick(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.again = false;
    this.sending = this.drain().finally(() => {
      this.sending = null;
      // Statements added while the last round was ending: go round again (unless a retry is already due).
      if (this.again && this.retryTimer === null) this.kick();
    });
  }

  /** Sends until the outbox is empty, the browser is offline, or the LRS needs a retry later. */
  private async drain(): Promise<void> {
    for (;;) {
      if (!this.options.connectivity.online()) break;
      const batch = await this.nextBatch();
      if (batch.length === 0) break;
      const delivery = await this.deliver(batch);
      if (delivery === 'retry') {
        this.scheduleRetry();
        break;
      }
      this.attempts = 0;
    }
    await this.publish();
  }

  /** The oldest waiting entries that share one LRS and credentials (one POST). */
  private async nextBatch(): Promise<OutboxEntry[]> {
    const size = this.singly > 0 ? 1 : (this.options.batchSize ?? 25);
    const entries = await this.store.waiting(size);
    const first = entries[0];
    if (!first) return [];
    const same = (e: OutboxEntry): boolean => e.target.endpoint === first.target.endpoint && e.target.authorization === first.target.authorization;
    const end = entries.findIndex((e) => !same(e));
    return end === -1 ? entries : entries.slice(0, end);
  }

  private async deliver(batch: OutboxEntry[]): Promise<Delivery> {
    let response: LrsResponse;
    try {
      response = await this.send(batch[0]!.target, batch.map((e) => e.statement));
    } catch {
      return 'retry';
    }
    if (this.singly > 0) this.singly -= 1;
    const { status } = response;
    if ((status >= 200 && status < 300) || (status === 409 && batch.length === 1)) {
      await this.store.remove(batch.map((e) => e.seq));
      await this.publish();
      return 'sent';
    }
    // Busy, broken or redirected: try again later. (1xx/3xx never reach here from fetch, but would not mean "stored".)
    if (status === 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) return 'retry';
    if (batch.length > 1) {
      // 409 or a refusal for the batch: some statements may be fine; send them one at a time to find out.
      this.singly = batch.length;
      return 'split';
    }
    await this.store.reject(batch[0]!.seq, `HTTP ${status}${response.message ? `: ${response.message}` : ''}`);
    await this.publish();
    return 'rejected';
  }

  private scheduleRetry(): void {
    this.attempts += 1;
    const { firstRetryMs = 1000, longestRetryMs = 60_000 } = this.options;
    const delay = retryDelay(this.attempts, this.options.random(), firstRetryMs, longestRetryMs);
    this.retryTimer = this.options.scheduler.setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer === null) return;
    this.options.scheduler.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async publish(): Promise<void> {
    const counts = await this.store.counts();
    this.status = { ...counts, offline: !this.options.connectivity.online() };
    for (const listener of this.listeners) listener(this.status);
  }
}
