/**
 * The little a session store needs from a SQL database, so one store (and
 * one SQL dialect, PostgreSQL's) runs on both the embedded PGlite and a
 * PostgreSQL server. Every value reaches the database as a parameter
 * (`$1`, `$2`…), never spliced into the text.
 */

/** A value passed as a query parameter (objects go as JSON text, cast with `::jsonb` in the SQL). */
export type SqlValue = string | number | boolean | Date | null;

/** Runs parameterised queries. */
export interface SqlQueries {
  /**
   * Runs one statement with `$n` parameters and returns its rows.
   *
   * @example await sql.query<{ id: string }>('SELECT id FROM sessions WHERE code = $1', [code])
   */
  query<Row extends object>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (the migrations only). */
  script(text: string): Promise<void>;
}

/** A database connection (or pool) the store owns. */
export interface SqlClient extends SqlQueries {
  /** Which database this is, for the start-up message ("embedded database in ./tactful-data", "PostgreSQL at host:port/db"). */
  readonly description: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
