import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlQueries, SqlValue } from './sql-client.ts';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) keeping
 * its files in a folder, so `tactful serve` needs no database server and no
 * native build, and a restart finds everything where it was. One process
 * owns the folder at a time (PGlite is a single connection).
 */
export async function openPgliteClient(dataDir: string): Promise<SqlClient> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // Inside a transaction every query must go through it: PGlite would make a query on `db` wait for the transaction to end.
  const queries = (target: PGlite | Transaction): SqlQueries => ({
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const result = await target.query<Row>(text, [...params]);
      return result.rows;
    },
    async script(text) {
      await target.exec(text);
    },
  });
  return {
    description: `embedded database in ${dir}`,
    ...queries(db),
    transaction: (work) => db.transaction((tx) => work(queries(tx))),
    close: () => db.close(),
  };
}
