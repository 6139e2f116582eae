import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** What `npm start` needs from the project: the pages, the config, the sources, the scenarios and the assets. */
const PROJECT = ['index.html', 'studio.html', 'preview.html', 'dashboard.html', 'join.html', 'vite.config.ts', 'package.json', 'tsconfig.json', 'src', 'assets', 'scenarios', 'schema'];

/** `npm start` (Vite's development server) on a copy of the project. */
export interface DevServer {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  /** The copy's scenarios/ folder, where the studio's Save writes. */
  scenarios: string;
  /** Everything the server printed, for a failure's message. */
  output(): string;
  /** Stops the server and deletes the copy. */
  stop(): Promise<void>;
}

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

/**
 * Starts `npm start`'s server, Vite's development server with the project's
 * own config, on a copy of the project in a temporary folder, so a test can
 * save into scenarios/ as a trainer does without touching the checkout.
 * node_modules is linked, not copied; Vite's dependency cache goes in the
 * copy, so two runs never share it.
 */
export async function startDevServer(): Promise<DevServer> {
  const work = mkdtempSync(join(tmpdir(), 'tactful-dev-'));
  for (const entry of PROJECT) if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  writeFileSync(
    join(work, 'vite.dev-test.config.ts'),
    // node_modules is a link out of the copy: Vite serves files from it only when told the real folder is allowed.
    `import { mergeConfig } from 'vite';\nimport config from './vite.config.ts';\nexport default mergeConfig(config, { cacheDir: ${JSON.stringify(join(work, '.vite-cache'))}, server: { fs: { allow: [${JSON.stringify(work)}, ${JSON.stringify(join(ROOT, 'node_modules'))}] } } });\n`,
  );
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', 'vite.dev-test.config.ts', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: work,
    env: { ...process.env, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not start in 120 s:\n${log}`)), 120_000);
    const hear = (chunk: Buffer): void => {
      log += chunk.toString();
      if (/ready in/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start stopped (exit ${String(code)}):\n${log}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    scenarios: join(work, 'scenarios'),
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
