import { LocalSessionEvents } from '../live/local-session-events.ts';
import { PostgresSessionEvents } from '../live/postgres-session-events.ts';
import type { SessionEvents } from '../live/session-events.ts';
import { openPgliteClient } from './pglite-client.ts';
import { openPostgresClient } from './postgres-client.ts';
import type { SessionStore } from './session-store.ts';
import { SqlSessionStore } from './sql-session-store.ts';

/** Where the server keeps its data: a folder for the embedded database, or a PostgreSQL URL. */
export type StorageChoice = { dataDir: string } | { databaseUrl: string };

/** A session store and the event bus that goes with it; `close` ends both. */
export interface Storage {
  store: SessionStore;
  events: SessionEvents;
  close(): Promise<void>;
}

/**
 * Opens the storage a server runs on, migrated to the current schema:
 * PGlite in `dataDir` with changes carried in this process, or PostgreSQL
 * with changes carried across processes by LISTEN/NOTIFY.
 *
 * @example const storage = await openStorage({ dataDir: './tactful-data' });
 */
export async function openStorage(choice: StorageChoice): Promise<Storage> {
  if ('databaseUrl' in choice) {
    const { client, sql } = openPostgresClient(choice.databaseUrl);
    try {
      const store = await SqlSessionStore.open(client);
      const events = await PostgresSessionEvents.start(sql);
      return { store, events, close: async () => { await events.close(); await store.close(); } };
    } catch (error) {
      await client.close();
      throw error;
    }
  }
  const client = await openPgliteClient(choice.dataDir);
  try {
    const store = await SqlSessionStore.open(client);
    const events = new LocalSessionEvents();
    return { store, events, close: async () => { await events.close(); await store.close(); } };
  } catch (error) {
    await client.close();
    throw error;
  }
}
