import postgres from 'postgres';
import type { SqlClient, SqlQueries, SqlValue } from './sql-client.ts';

/** `postgres://user:secret@host:5432/db` → `host:5432/db` (never the password, which would end up in a terminal or a log). */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'the given database';
  }
}

/**
 * A PostgreSQL server through the `postgres` client: a pool of connections,
 * shared by several server processes when they are given the same URL.
 * Also returns the client itself, for LISTEN/NOTIFY (postgres-event-bus.ts).
 */
export function openPostgresClient(url: string, poolSize = 10): { client: SqlClient; sql: postgres.Sql } {
  // Notices such as "relation already exists, skipping" are not for a trainer's terminal.
  const sql = postgres(url, { max: poolSize, onnotice: () => {}, connection: { application_name: 'tactful' } });
  const queries = (target: postgres.Sql | postgres.TransactionSql): SqlQueries => ({
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const rows = await target.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return [...rows] as unknown as Row[];
    },
    async script(text) {
      // Without parameters, the simple protocol runs every statement of the script.
      await target.unsafe(text).simple();
    },
  });
  const client: SqlClient = {
    description: `PostgreSQL at ${describeDatabaseUrl(url)}`,
    ...queries(sql),
    transaction: async <T>(work: (tx: SqlQueries) => Promise<T>): Promise<T> => (await sql.begin((tx) => work(queries(tx)))) as T,
    close: () => sql.end({ timeout: 5 }),
  };
  return { client, sql };
}
