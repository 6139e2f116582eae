import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { gameFolder } from '../server/game-build.ts';
import { ScenarioLibrary } from '../server/scenario-library.ts';
import { newSecret } from '../server/secrets.ts';
import { startSessionServer, type RunningSessionServer } from '../server/session-server.ts';
import { UsageError } from './errors.ts';
import type { Output } from './output.ts';
import { projectRoot } from './package/project.ts';

/** What `tactful serve` was given (options, then the environment). */
export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  trainerKey: string | null;
  publicUrl: string | null;
  trustProxy: boolean;
}

/**
 * Reads `tactful serve`'s options: --port (default 8080), --host (default
 * 0.0.0.0, so phones on the room's network reach it), --data DIR (default
 * ./tactful-data), --database URL or DATABASE_URL, --trainer-key KEY or
 * TACTFUL_TRAINER_KEY, --public-url URL, --trust-proxy.
 *
 * @throws UsageError for a port that is not one, or a database URL that is not postgres://.
 */
export function serveOptions(values: Record<string, string | boolean | string[] | undefined>, env: NodeJS.ProcessEnv): ServeOptions {
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const portText = text('port') ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not "${portText}"`);
  const databaseUrl = text('database') ?? (env.DATABASE_URL || null);
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database must be a PostgreSQL URL (postgres://user:password@host:5432/database)');
  const publicUrl = text('public-url') ?? null;
  if (publicUrl !== null && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) throw new UsageError(`--public-url must be an address such as https://training.example.com, not "${publicUrl}"`);
  const trainerKey = text('trainer-key') ?? (env.TACTFUL_TRAINER_KEY || null);
  if (trainerKey !== null && trainerKey.length < 12) throw new UsageError('the trainer key must be at least 12 characters (or leave it out and one is made for you)');
  return { port, host: text('host') ?? '0.0.0.0', dataDir: text('data') ?? 'tactful-data', databaseUrl, trainerKey, publicUrl, trustProxy: values['trust-proxy'] === true };
}

/** This machine's addresses on the local network, where phones in the room can reach it. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/**
 * `tactful serve`: the game, the session API, the trainer's dashboard and
 * the trainees' join page in one process, on the embedded database or PostgreSQL. Prints
 * where trainees and the trainer go, and the trainer key; runs until
 * stopped (Ctrl+C), then closes the database cleanly.
 *
 * @returns the exit code once the server has stopped.
 */
export async function serveCommand(options: ServeOptions, out: Output, stopped: Promise<void> = untilInterrupted()): Promise<number> {
  // An installed copy has no game sources: it serves the scenarios in the working folder, and the API.
  let root = process.cwd();
  try {
    root = projectRoot();
  } catch {
    // Keep the working folder.
  }
  const library = ScenarioLibrary.fromFolder(join(root, 'scenarios'));
  for (const line of library.leftOut) out.stderr(`tactful serve: left out ${line}`);
  const game = await gameFolder(root, (line) => out.stdout(line));
  const trainerKey = options.trainerKey ?? newSecret();
  let server: RunningSessionServer;
  try {
    server = await startSessionServer({
      storage: options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir },
      library,
      trainerKey,
      gameDir: game.dir,
      port: options.port,
      host: options.host,
      publicUrl: options.publicUrl,
      trustProxy: options.trustProxy,
      onError: (error) => out.stderr(`tactful serve: ${error instanceof Error ? error.message : String(error)}`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${options.port} is in use: stop what uses it, or choose another with --port`, false);
    throw new UsageError(`the server could not start: ${(error as Error).message}`, false);
  }
  const base = options.publicUrl?.replace(/\/+$/, '') ?? (options.host === '0.0.0.0' && lanAddresses()[0] ? `http://${lanAddresses()[0]}:${server.port}` : server.url);
  out.stdout(`Tactful session server, ${server.storage.store.description}`);
  out.stdout(`  Serving ${game.note}`);
  out.stdout(`  Trainees:  ${base}/play/   (a session's join link is ${base}/join/<code>)`);
  out.stdout(`  Dashboard: ${base}/dashboard   (sign in with the trainer key below)`);
  out.stdout(`  Trainer key: ${trainerKey}${options.trainerKey ? '' : '   (made for this run; set --trainer-key or TACTFUL_TRAINER_KEY to keep one)'}`);
  out.stdout('Stop with Ctrl+C.');
  await stopped;
  out.stdout('Stopping…');
  await server.close();
  return 0;
}

/** Resolves on Ctrl+C or a termination signal (a container stopping). */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
