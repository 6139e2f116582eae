import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LrsTarget, OutboxCounts, OutboxEntry, OutboxStore } from './outbox-store.ts';
import type { XapiStatement } from './statement.ts';

interface OutboxSchema extends DBSchema {
  statements: { key: number; value: OutboxEntry; indexes: { state: string } };
}

/** The outbox's database: its own, so clearing the play history never drops unsent results. */
export const OUTBOX_DB = 'tactful-outbox';
const OUTBOX_VERSION = 1;

/**
 * The outbox in IndexedDB (via `idb`): statements survive a reload, a
 * closed tab and days offline. Entries are keyed by an increasing number,
 * so the `state` index lists the waiting ones in the order they were made.
 */
export class IndexedDbOutboxStore implements OutboxStore {
  private constructor(private readonly db: IDBPDatabase<OutboxSchema>) {}

  /** Opens the outbox; rejects where IndexedDB is unavailable (the caller falls back to memory). */
  static async open(name = OUTBOX_DB): Promise<IndexedDbOutboxStore> {
    const db = await openDB<OutboxSchema>(name, OUTBOX_VERSION, {
      upgrade(database) {
        const store = database.createObjectStore('statements', { keyPath: 'seq', autoIncrement: true });
        store.createIndex('state', 'state');
      },
    });
    // Another tab upgrading the layout: let it (this tab's sender stops on its next write).
    db.addEventListener('versionchange', () => db.close());
    return new IndexedDbOutboxStore(db);
  }

  async add(entries: readonly { statement: XapiStatement; target: LrsTarget }[]): Promise<void> {
    const tx = this.db.transaction('statements', 'readwrite');
    // One transaction: a play's statements are stored all or none, in order.
    for (const entry of entries) void tx.store.add({ statement: entry.statement, target: entry.target, state: 'waiting' } as OutboxEntry);
    await tx.done;
  }

  async waiting(limit: number): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('statements', 'state', 'waiting', limit);
  }

  async remove(seqs: readonly number[]): Promise<void> {
    const tx = this.db.transaction('statements', 'readwrite');
    for (const seq of seqs) void tx.store.delete(seq);
    await tx.done;
  }

  async reject(seq: number, reason: string): Promise<void> {
    const tx = this.db.transaction('statements', 'readwrite');
    const entry = await tx.store.get(seq);
    if (entry) await tx.store.put({ ...entry, state: 'rejected', rejection: reason });
    await tx.done;
  }

  async counts(): Promise<OutboxCounts> {
    const tx = this.db.transaction('statements', 'readonly');
    const [waiting, rejected] = await Promise.all([tx.store.index('state').count('waiting'), tx.store.index('state').count('rejected')]);
    await tx.done;
    return { waiting, rejected };
  }
}
