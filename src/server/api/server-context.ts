import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { SessionEvents } from '../live/session-events.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import type { SessionStore } from '../storage/session-store.ts';

/** How many failed joins an address may make in a window before it must wait. */
export interface JoinLimit {
  failures: number;
  windowMs: number;
}

/** Everything the routes share. The server keeps no other state: all of it is in the store. */
export interface ServerContext {
  store: SessionStore;
  events: SessionEvents;
  library: ScenarioLibrary;
  /** The key every trainer route requires (`Authorization: Bearer KEY`). */
  trainerKey: string;
  /** The address join links start with, e.g. `https://training.example.com`; by default the address the trainer's request came to. */
  publicUrl: string | null;
  /** Take the client's address from X-Forwarded-For (only behind a load balancer that sets it). */
  trustProxy: boolean;
  joinLimit: JoinLimit;
  /** How long a dashboard stream gathers changes before sending them (ms): many decisions at once become one update. */
  liveDelayMs: number;
  /** How often an idle dashboard stream sends a comment, so proxies keep it open (ms). */
  keepAliveMs: number;
  now: () => Date;
}

/** The origin join links use: the configured public address, or the one this request came to. */
export function publicOrigin(c: Context, server: ServerContext): string {
  return server.publicUrl ?? new URL(c.req.url).origin;
}

/** The client's IP address, for rate limiting: the load balancer's X-Forwarded-For when trusted, else the connection's. */
export function clientAddress(c: Context, server: ServerContext): string {
  if (server.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
