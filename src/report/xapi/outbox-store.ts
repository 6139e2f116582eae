import type { XapiStatement } from './statement.ts';

/** Where a statement goes: the LRS's xAPI endpoint (ending in `/`) and the Authorization header to send. */
export interface LrsTarget {
  endpoint: string;
  authorization: string;
}

/** A statement in the outbox, waiting to be sent or refused by the LRS. */
export interface OutboxEntry {
  /** Order of arrival: statements are sent in this order. */
  seq: number;
  statement: XapiStatement;
  target: LrsTarget;
  /** `waiting` until delivered (then removed); `rejected` when the LRS refused it for good (kept, and reported). */
  state: 'waiting' | 'rejected';
  /** Why the LRS refused it (HTTP status and the LRS's message). */
  rejection?: string;
}

/** How many statements are still to send, and how many the LRS refused. */
export interface OutboxCounts {
  waiting: number;
  rejected: number;
}

/**
 * The outbox's storage: IndexedDB in the browser (indexeddb-outbox-store.ts),
 * memory where that is unavailable and in unit tests. Small on purpose, so
 * the sending logic is tested against the memory store and the real
 * IndexedDB in the browser tests.
 */
export interface OutboxStore {
  /** Adds statements at the end, in order. Resolves once they are stored. */
  add(entries: readonly { statement: XapiStatement; target: LrsTarget }[]): Promise<void>;
  /** The first `limit` waiting entries, oldest first. */
  waiting(limit: number): Promise<OutboxEntry[]>;
  /** Forgets delivered entries. */
  remove(seqs: readonly number[]): Promise<void>;
  /** Keeps an entry as refused by the LRS: never sent again. */
  reject(seq: number, reason: string): Promise<void>;
  counts(): Promise<OutboxCounts>;
}

/**
 * The outbox in memory: for a browser that keeps nothing (private mode,
 * storage off), where results still go out during the visit, and for tests.
 */
export class MemoryOutboxStore implements OutboxStore {
  private entries: OutboxEntry[] = [];
  private next = 1;

  // Copies in and out, as IndexedDB's structured clone does: a caller changing an object never changes the store.
  add(entries: readonly { statement: XapiStatement; target: LrsTarget }[]): Promise<void> {
    for (const entry of entries) this.entries.push({ ...structuredClone(entry), seq: this.next++, state: 'waiting' });
    return Promise.resolve();
  }

  waiting(limit: number): Promise<OutboxEntry[]> {
    return Promise.resolve(this.entries.filter((e) => e.state === 'waiting').slice(0, limit).map((e) => structuredClone(e)));
  }

  remove(seqs: readonly number[]): Promise<void> {
    const gone = new Set(seqs);
    this.entries = this.entries.filter((e) => !gone.has(e.seq));
    return Promise.resolve();
  }

  reject(seq: number, reason: string): Promise<void> {
    const entry = this.entries.find((e) => e.seq === seq);
    if (entry) Object.assign(entry, { state: 'rejected', rejection: reason });
    return Promise.resolve();
  }

  /** Every entry, delivered ones gone: for tests and reports. */
  all(): OutboxEntry[] {
    return this.entries.map((e) => structuredClone(e));
  }

  counts(): Promise<OutboxCounts> {
    const waiting = this.entries.filter((e) => e.state === 'waiting').length;
    return Promise.resolve({ waiting, rejected: this.entries.length - waiting });
  }
}
