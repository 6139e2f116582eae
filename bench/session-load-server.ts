/**
 * The session server under test, in a process of its own: started by
 * bench/session-load.ts with `fork`, so the 300 simulated trainees and the
 * dashboards (which stand for other machines) never run on the server's
 * event loop, and the server's CPU time and event-loop delay can be read
 * apart from theirs. It is the real server (`startSessionServer`, as
 * `tactful serve` starts it) with its production settings: the shipped
 * scenarios, updates coalesced over the default 25 ms.
 *
 * Messages (IPC): it sends `{ type: 'ready', url }` once listening; on
 * `{ type: 'mark' }` it answers `{ type: 'usage', … }` with what it used
 * since the previous mark; on `{ type: 'stop' }` it closes the server and
 * the storage, answers `{ type: 'stopped' }` and exits.
 *
 * Run alone for a look: `npx tsx bench/session-load-server.ts '{"dataDir":"/tmp/x"}' KEY`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { ScenarioLibrary } from '../src/server/scenario-library.ts';
import { startSessionServer } from '../src/server/session-server.ts';
import type { StorageChoice } from '../src/server/storage/open-storage.ts';

/** What the server used between two marks. */
export interface ServerUsage {
  type: 'usage';
  /** Wall time since the previous mark. */
  elapsedMs: number;
  /** CPU time (user + system) of the server process: 1000 ms per second is one core, fully busy. */
  cpuMs: number;
  /** Event-loop delay (how late a timer ran): p50, p99 and max, ms. */
  loopDelayMs: { p50: number; p99: number; max: number };
  rssMB: number;
  /** Unexpected errors (500s) so far. */
  errors: number;
}

export type ServerMessage = { type: 'ready'; url: string } | ServerUsage | { type: 'stopped' } | { type: 'failed'; message: string };
export type ServerCommand = { type: 'mark' } | { type: 'stop' };

const [storageArg, trainerKey] = process.argv.slice(2);
if (!storageArg || !trainerKey) {
  process.stderr.write('usage: session-load-server.ts <storage as JSON: {"dataDir":…} or {"databaseUrl":…}> <trainer key>\n');
  process.exit(2);
}
const tell = (message: ServerMessage): void => {
  if (process.send) process.send(message);
  else process.stdout.write(`${JSON.stringify(message)}\n`);
};

let errors = 0;
try {
  const server = await startSessionServer({
    storage: JSON.parse(storageArg) as StorageChoice,
    library: ScenarioLibrary.fromFolder(join(import.meta.dirname, '..', 'scenarios')),
    trainerKey,
    gameDir: null,
    port: 0,
    host: '127.0.0.1',
    onError: (error) => {
      errors++;
      process.stderr.write(`server error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    },
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let markedAt = performance.now();
  let cpuAtMark = process.cpuUsage();
  process.on('message', (command: ServerCommand) => {
    if (command.type === 'mark') {
      const cpu = process.cpuUsage(cpuAtMark);
      const now = performance.now();
      tell({
        type: 'usage',
        elapsedMs: now - markedAt,
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
        rssMB: process.memoryUsage().rss / 1e6,
        errors,
      });
      loop.reset();
      markedAt = now;
      cpuAtMark = process.cpuUsage();
    } else {
      void server.close().then(() => {
        tell({ type: 'stopped' });
        process.disconnect?.();
      });
    }
  });
  tell({ type: 'ready', url: server.url });
} catch (error) {
  tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
}
