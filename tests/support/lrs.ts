import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real LRS for tests: Learning Locker's statements service
 * (`xapi-statements`, a devDependency, never bundled) in memory mode on a
 * free port, started and stopped by the test itself. It implements the
 * Statements resource only (no State or Agent Profile API: the cmi5
 * launcher serves those, tests/support/cmi5-launcher.ts).
 */
export interface TestLrs {
  /** The xAPI endpoint, ending in `/` (e.g. http://127.0.0.1:PORT/xAPI/). */
  endpoint: string;
  /** Every statement stored, in the order stored. */
  statements(): Promise<StoredStatement[]>;
  stop(): Promise<void>;
}

/** A statement as the LRS returns it (what the tests read). */
export interface StoredStatement {
  id: string;
  actor: { name?: string; account?: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string; definition?: Record<string, unknown> };
  result?: { response?: string; success?: boolean; completion?: boolean; duration?: string; score?: { scaled: number; raw?: number; min?: number; max?: number }; extensions?: Record<string, unknown> };
  context?: { registration?: string; contextActivities?: Record<string, { id: string }[]>; extensions?: Record<string, unknown> };
  timestamp: string;
  stored: string;
}

/** The headers every xAPI request needs; the test LRS accepts any basic credentials. */
export const XAPI_HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('tactful:test').toString('base64')}` };

/** A free TCP port on this machine. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the LRS and waits (polling /about, never sleeping a fixed time) until it answers. */
export async function startLrs(): Promise<TestLrs> {
  const port = await freePort();
  const storage = mkdtempSync(join(tmpdir(), 'tactful-lrs-'));
  const child: ChildProcess = spawn(process.execPath, ['node_modules/xapi-statements/dist/index.js'], {
    env: { ...process.env, EXPRESS_PORT: String(port), AUTH_REPO: 'test', EVENTS_REPO: 'test', MODELS_REPO: 'memory', STORAGE_REPO: 'local', FS_LOCAL_STORAGE_DIR: storage, WINSTON_CONSOLE_LEVEL: 'error' },
    // Its start-up prints an aws-sdk notice; only a failure to start matters, and that shows as no answer below.
    stdio: 'ignore',
  });
  // 127.0.0.1, not localhost: the browser tests let the page talk to this machine only by that name.
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the test LRS (xapi-statements) exited with code ${child.exitCode} before answering`);
    try {
      const about = await fetch(`${endpoint}about`, { headers: XAPI_HEADERS });
      if (about.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('the test LRS (xapi-statements) did not answer /xAPI/about within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    async statements() {
      const all: StoredStatement[] = [];
      let next: string | undefined = `${endpoint}statements?ascending=true&limit=500`;
      while (next) {
        const response = await fetch(next, { headers: XAPI_HEADERS });
        if (!response.ok) throw new Error(`GET statements: HTTP ${response.status}`);
        const page = (await response.json()) as { statements: StoredStatement[]; more?: string };
        all.push(...page.statements);
        next = page.more ? new URL(page.more, endpoint).href : undefined;
      }
      return all;
    },
    async stop() {
      child.kill();
      await exited;
      rmSync(storage, { recursive: true, force: true });
    },
  };
}
