import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { JoinLimit, ServerContext } from './api/server-context.ts';
import { sessionApp } from './app.ts';
import type { ScenarioLibrary } from './scenario-library.ts';
import { openStorage, type Storage, type StorageChoice } from './storage/open-storage.ts';

/** What a session server is started with. */
export interface SessionServerOptions {
  storage: StorageChoice;
  library: ScenarioLibrary;
  trainerKey: string;
  /** The built game's folder, or null to serve the API only. */
  gameDir: string | null;
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  publicUrl?: string | null;
  trustProxy?: boolean;
  joinLimit?: JoinLimit;
  liveDelayMs?: number;
  keepAliveMs?: number;
  now?: () => Date;
  /** Hears unexpected errors (a 500): the CLI prints them, tests fail on them. */
  onError?: (error: unknown) => void;
}

/** A running server. */
export interface RunningSessionServer {
  /** `http://host:port`, as a browser on this machine reaches it. */
  url: string;
  port: number;
  storage: Storage;
  /** Stops taking requests, ends open streams, then closes the storage. */
  close(): Promise<void>;
}

/** Failed joins allowed per address and window: a room behind one address mistypes a few codes, a guesser needs millions. */
export const DEFAULT_JOIN_LIMIT: JoinLimit = { failures: 30, windowMs: 15 * 60_000 };

/**
 * Opens the storage (migrating it) and starts the HTTP server on it.
 *
 * @example const server = await startSessionServer({ storage: { dataDir: './tactful-data' }, library, trainerKey, gameDir: 'dist', port: 8080, host: '0.0.0.0' });
 */
export async function startSessionServer(options: SessionServerOptions): Promise<RunningSessionServer> {
  const storage = await openStorage(options.storage);
  const context: ServerContext = {
    store: storage.store,
    events: storage.events,
    library: options.library,
    trainerKey: options.trainerKey,
    publicUrl: options.publicUrl?.replace(/\/+$/, '') ?? null,
    trustProxy: options.trustProxy ?? false,
    joinLimit: options.joinLimit ?? DEFAULT_JOIN_LIMIT,
    liveDelayMs: options.liveDelayMs ?? 25,
    keepAliveMs: options.keepAliveMs ?? 20_000,
    now: options.now ?? (() => new Date()),
  };
  const app = sessionApp(context, options.gameDir, options.onError);
  let http: Server;
  try {
    http = await new Promise<Server>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => resolve(server as Server));
      server.once('error', reject);
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    storage,
    async close() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Dashboard streams never end by themselves.
      http.closeAllConnections();
      await closed;
      await storage.close();
    },
  };
}
