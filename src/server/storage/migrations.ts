import type { SqlClient } from './sql-client.ts';

/** One change to the schema. Released migrations are never edited: a later change is a new, higher version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, in order. Both storages run exactly these (one SQL dialect,
 * PostgreSQL's). Plays and decisions are what the server derives from the
 * trainees' xAPI statements; the statements themselves are kept whole, so
 * a later migration can derive more from them.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, participants, statements, plays, decisions',
    sql: `
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  scenarios jsonb NOT NULL,
  timers text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('self-paced', 'room')),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'paused', 'ended')),
  created_at timestamptz NOT NULL,
  ended_at timestamptz
);

CREATE TABLE participants (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  joined_at timestamptz NOT NULL
);
CREATE INDEX participants_by_session ON participants (session_id, joined_at);

CREATE TABLE statements (
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  verb text NOT NULL,
  fingerprint text NOT NULL,
  body jsonb NOT NULL,
  stored_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE INDEX statements_by_participant ON statements (participant_id);

CREATE TABLE plays (
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  play_id text NOT NULL,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  scenario text NOT NULL,
  timers text,
  started_at timestamptz NOT NULL,
  decisions integer NOT NULL DEFAULT 0,
  last_node text,
  finished_at timestamptz,
  passed boolean,
  overall double precision,
  scores jsonb,
  ending text,
  outcome text,
  completed boolean NOT NULL DEFAULT false,
  PRIMARY KEY (participant_id, play_id)
);
CREATE INDEX plays_by_session ON plays (session_id, started_at);

CREATE TABLE decisions (
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  play_id text NOT NULL,
  number integer NOT NULL,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  scenario text NOT NULL,
  node text NOT NULL,
  reply text,
  best boolean NOT NULL,
  tact double precision,
  timed_out boolean NOT NULL,
  made_at timestamptz NOT NULL,
  PRIMARY KEY (participant_id, play_id, number)
);
CREATE INDEX decisions_by_point ON decisions (session_id, scenario, node);

CREATE TABLE join_failures (
  address text NOT NULL,
  window_start timestamptz NOT NULL,
  failures integer NOT NULL,
  PRIMARY KEY (address, window_start)
);
`,
  },
  {
    version: 2,
    name: 'room mode: rooms, rounds, votes',
    // The partial unique index keeps one unplayed round per room, and the (scenario_index, step) one a round per
    // decision point, whichever process a trainer's click reaches.
    sql: `
CREATE TABLE rooms (
  session_id uuid PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  scenario_index integer NOT NULL DEFAULT 0,
  seed integer NOT NULL
);

CREATE TABLE room_rounds (
  session_id uuid NOT NULL REFERENCES rooms (session_id) ON DELETE CASCADE,
  number integer NOT NULL,
  scenario_index integer NOT NULL,
  scenario text NOT NULL,
  step integer NOT NULL,
  node text NOT NULL,
  opened_at timestamptz NOT NULL,
  deadline timestamptz,
  closed_at timestamptz,
  revealed_at timestamptz,
  played_reply integer,
  played_by text CHECK (played_by IN ('majority', 'pick', 'timeout')),
  played_at timestamptz,
  PRIMARY KEY (session_id, number),
  UNIQUE (session_id, scenario_index, step)
);
CREATE UNIQUE INDEX room_rounds_one_unplayed ON room_rounds (session_id) WHERE played_at IS NULL;

CREATE TABLE room_votes (
  session_id uuid NOT NULL,
  round integer NOT NULL,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  reply integer NOT NULL,
  voted_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, round, participant_id),
  FOREIGN KEY (session_id, round) REFERENCES room_rounds (session_id, number) ON DELETE CASCADE
);
`,
  },
  {
    version: 3,
    name: 'room mode: the voting clock stops while the session is paused',
    // When the trainer paused the room (null while it runs): on resume the open round's deadline moves on by the pause.
    sql: `
ALTER TABLE rooms ADD COLUMN paused_at timestamptz;
`,
  },
];

/** An arbitrary constant: the advisory lock that lets one process at a time migrate a shared database. */
const MIGRATION_LOCK = 7_319_001;

/**
 * Brings the database up to the newest schema: runs each migration not yet
 * in `schema_migrations`, in order, all in one transaction. Several
 * processes starting at once on one PostgreSQL take turns (an advisory
 * lock), so each migration runs exactly once.
 *
 * @returns the versions applied now (empty when the schema was current).
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.script('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    const newer = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newer > known) throw new Error(`the database's schema (version ${newer}) is newer than this tactful (version ${known}): upgrade tactful, or use another database`);
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.script(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
