import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The trainer key the test server is started with. */
export const E2E_TRAINER_KEY = 'e2e-trainer-key-0123456789abcdef';

const ROOT = join(import.meta.dirname, '..', '..');

/** The game build playwright.config.ts makes for this run (node_modules/.tactful-e2e[-PORT]): the server serves it. */
export function e2eGameDir(): string {
  const port = Number(process.env.PW_PORT ?? 4173);
  const dir = join(ROOT, 'node_modules', port === 4173 ? '.tactful-e2e' : `.tactful-e2e-${port}`);
  if (!existsSync(join(dir, 'dashboard.html'))) throw new Error(`no e2e build with the dashboard in ${dir}: playwright.config.ts's webServer builds it`);
  return dir;
}

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A real `tactful serve` process for a test file. */
export interface ServeProcess {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Everything it printed, for a failure's message. */
  output(): string;
  /**
   * Stops it (Ctrl+C, as a trainer would) and starts it again on the same
   * port and data folder; `whileDown` runs in between (trainees carrying on).
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Stops it and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts `tactful serve` as a trainer does (bin/tactful.mjs, the CLI run
 * from the sources), with the embedded database (PGlite) in a temporary
 * folder, a free port on 127.0.0.1, a known trainer key and this run's e2e
 * build of the game (TACTFUL_GAME_DIR). Resolves once it says it is ready.
 */
export async function startServe(): Promise<ServeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tactful-e2e-data-'));
  const port = await freePort();
  const gameDir = e2eGameDir();
  let log = '';
  let child: ChildProcess | null = null;

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, [join(ROOT, 'bin', 'tactful.mjs'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--data', dataDir, '--trainer-key', E2E_TRAINER_KEY], {
        cwd: ROOT,
        env: { ...process.env, TACTFUL_GAME_DIR: gameDir, DATABASE_URL: '', TACTFUL_TRAINER_KEY: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = proc;
      const timer = setTimeout(() => reject(new Error(`tactful serve did not start in 60 s:\n${log}`)), 60_000);
      const hear = (chunk: Buffer): void => {
        log += chunk.toString();
        if (log.includes('Stop with Ctrl+C.')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout.on('data', hear);
      proc.stderr.on('data', hear);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`tactful serve exited (${code}) before it was ready:\n${log}`));
      });
    });

  const halt = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGINT');
    const forced = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(forced);
    child = null;
  };

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    restart: async (whileDown) => {
      await halt();
      await whileDown?.();
      log += '\n--- restarted ---\n';
      await start();
    },
    stop: async () => {
      await halt();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
