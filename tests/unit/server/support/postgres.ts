import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import postgres from 'postgres';

/**
 * A real PostgreSQL for the session-server tests: a throwaway database on
 * this machine's server, made for one test file and dropped after it.
 *
 * - TACTFUL_TEST_POSTGRES_URL (an admin URL, e.g. postgres://postgres:pw@host/postgres)
 *   uses that server;
 * - otherwise Debian's PostgreSQL (what .ci/run installs): the cluster is
 *   started with pg_ctlcluster if it is down, and a test role is made with
 *   `su postgres -c psql` (the tests run as root there, as CI does).
 *
 * PostgreSQL missing is an error that says how to install it, never a
 * silent skip: the issue requires these tests to run on the real thing.
 */
export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

const ROLE = 'tactful_test';
const PASSWORD = 'tactful_test_only';

/** Runs SQL as the postgres superuser (peer authentication), the SQL on standard input so no shell reads it. */
function psqlAsPostgres(sql: string): void {
  execFileSync('su', ['postgres', '-c', 'psql -v ON_ERROR_STOP=1 -q -d postgres'], { input: sql, stdio: ['pipe', 'pipe', 'pipe'] });
}

function localCluster(): void {
  if (!existsSync('/usr/bin/pg_lsclusters')) {
    throw new Error(
      'PostgreSQL is NOT installed, and the session server must be tested on it. Install it (Debian: apt-get install postgresql, as .ci/run does) ' +
        'or set TACTFUL_TEST_POSTGRES_URL to an admin URL of a PostgreSQL server.',
    );
  }
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  if (clusters.length === 0) throw new Error('PostgreSQL is installed but has no cluster: create one with pg_createcluster (e.g. pg_createcluster 15 main --start).');
  const [version, name, , status] = clusters[0]!.split(/\s+/);
  if (status !== 'online') execFileSync('pg_ctlcluster', [version!, name!, 'start'], { stdio: 'pipe' });
  psqlAsPostgres(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'; END IF; END $$;`);
}

/** Creates `tactful_test_<random>` and returns its URL and a function that drops it. */
export async function throwawayDatabase(): Promise<ThrowawayDatabase> {
  const adminUrl = process.env.TACTFUL_TEST_POSTGRES_URL ?? (localCluster(), `postgres://${ROLE}:${PASSWORD}@127.0.0.1:5432/postgres`);
  const name = `tactful_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.end();
      }
    },
  };
}
