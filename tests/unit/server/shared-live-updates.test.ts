import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../../src/dashboard/dashboard-types.ts';
import { applyLiveEvent } from '../../../src/dashboard/live-session.ts';
import { SseReader } from '../../../src/dashboard/sse-reader.ts';
import type { ServerContext } from '../../../src/server/api/server-context.ts';
import { sessionApp } from '../../../src/server/app.ts';
import { sessionChangeSchema } from '../../../src/server/live/session-events.ts';
import { sessionUpdatesOf } from '../../../src/server/live/session-updates.ts';
import { DEFAULT_JOIN_LIMIT } from '../../../src/server/session-server.ts';
import { openStorage, type Storage } from '../../../src/server/storage/open-storage.ts';
import type { SessionStore } from '../../../src/server/storage/session-store.ts';
import { playStatements, playThrough, shippedScenario } from './support/played-statements.ts';
import { ApiClient, serverErrors, shippedLibrary, STORAGES, TRAINER_KEY, type StorageUnderTest } from './support/test-server.ts';

const wornOnce = shippedScenario('worn-once');

/** The store reads a dashboard stream makes. */
const STREAM_READS = ['session', 'roster', 'rosterEntry', 'totals', 'replyCounts'] as const;
type StreamRead = (typeof STREAM_READS)[number];

/**
 * The real store, counting the reads dashboard streams make; `holdRoster`
 * makes the next whole-roster read wait, after reading, until released
 * (a snapshot read that is slow to come back).
 */
class CountingStore {
  readonly calls = new Map<StreamRead, number>();
  private hold: { reached: () => void; released: Promise<void> } | null = null;
  readonly store: SessionStore;

  constructor(real: SessionStore) {
    this.store = new Proxy(real, {
      get: (target, key, receiver) => {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        const read = STREAM_READS.find((name) => name === key);
        return async (...args: unknown[]) => {
          if (read) this.calls.set(read, (this.calls.get(read) ?? 0) + 1);
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (read === 'roster' && this.hold) {
            const { reached, released } = this.hold;
            this.hold = null;
            reached();
            await released;
          }
          return result;
        };
      },
    });
  }

  count(read: StreamRead): number {
    return this.calls.get(read) ?? 0;
  }

  reset(): void {
    this.calls.clear();
  }

  /** Holds the next whole-roster read once it has read; resolves `reached` then, and lets it go on `release()`. */
  holdRoster(): { reached: Promise<void>; release: () => void } {
    let reached = (): void => {};
    let release = (): void => {};
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.hold = { reached, released };
    return { reached: reachedPromise, release };
  }
}

/** A dashboard reading the live stream as the page does: the page's own SSE reader and merge (src/dashboard/live-session.ts). */
class Dashboard {
  readonly events: { event: string; data: unknown }[] = [];
  detail: SessionDetail | null = null;
  private readonly abort = new AbortController();

  static async open(base: string, sessionId: string): Promise<Dashboard> {
    const dashboard = new Dashboard();
    const response = await fetch(`${base}/api/sessions/${sessionId}/events`, { headers: { Authorization: `Bearer ${TRAINER_KEY}` }, signal: dashboard.abort.signal });
    if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
    void dashboard.pump(response.body);
    return dashboard;
  }

  /** The events of this name received so far. */
  received(event: string): unknown[] {
    return this.events.filter((e) => e.event === event).map((e) => e.data);
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = new SseReader();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        for (const { event, data } of reader.push(decoder.decode(chunk, { stream: true }))) {
          const parsed: unknown = JSON.parse(data);
          this.events.push({ event, data: parsed });
          if (event === 'snapshot') this.detail = structuredClone(parsed) as SessionDetail;
          else if (this.detail) applyLiveEvent(this.detail, event, parsed);
        }
      }
    } catch {
      // Closed by this side.
    }
  }
}

/** Polls until `check` passes (the stream is asynchronous by nature; no sleeping). */
async function eventually(check: () => void | Promise<void>, ms = 10_000): Promise<void> {
  await expect.poll(async () => {
    try {
      await check();
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, { timeout: ms, interval: 10 }).toBe(true);
}

describe.each(STORAGES.map((make) => [make().name, make] as const))('shared live updates on %s', (_name, make) => {
  let storageUnderTest: StorageUnderTest;
  let storage: Storage;
  let counting: CountingStore;
  let context: ServerContext;
  let http: Server;
  let api: ApiClient;

  beforeAll(async () => {
    storageUnderTest = make();
    storage = await openStorage(await storageUnderTest.create());
    counting = new CountingStore(storage.store);
    context = {
      store: counting.store,
      events: storage.events,
      library: shippedLibrary(),
      trainerKey: TRAINER_KEY,
      publicUrl: null,
      trustProxy: false,
      joinLimit: DEFAULT_JOIN_LIMIT,
      liveDelayMs: 20,
      keepAliveMs: 20_000,
      now: () => new Date(),
    };
    const app = sessionApp(context, null, (error) => serverErrors.push(error));
    http = await new Promise<Server>((resolve) => {
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server as Server));
    });
    api = new ApiClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
  }, 60_000);

  afterAll(async () => {
    if (http) {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    }
    await storage?.close();
    await storageUnderTest?.cleanUp();
    expect(serverErrors).toEqual([]);
  }, 30_000);

  it('reads each update once for two dashboards of one session, and sends both the same', async () => {
    const session = await api.createSession();
    const [one, two] = await Promise.all([Dashboard.open(api.base, session.id), Dashboard.open(api.base, session.id)]);
    try {
      await eventually(() => expect(one.detail && two.detail).toBeTruthy());
      counting.reset();
      const ana = await api.join(session.code, 'Ana');
      await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)).slice(0, 3));
      await eventually(() => {
        for (const dashboard of [one, two]) expect(dashboard.detail!.roster).toMatchObject([{ name: 'Ana', latest: { decisions: 2 } }]);
        for (const dashboard of [one, two]) expect(dashboard.detail!.distribution.map((p) => p.decisions)).toEqual([1, 1]);
      });
      const rosterUpdates = one.received('roster');
      const distributionUpdates = one.received('distribution');
      expect(two.received('roster')).toEqual(rosterUpdates);
      expect(two.received('distribution')).toEqual(distributionUpdates);
      // One trainee moved: each roster update read that one entry and the totals, once for both dashboards; never the whole roster.
      expect(counting.count('rosterEntry')).toBe(rosterUpdates.length);
      expect(counting.count('totals')).toBe(rosterUpdates.length);
      expect(counting.count('roster')).toBe(0);
      expect(counting.count('replyCounts')).toBe(distributionUpdates.length);
      expect(rosterUpdates.every((update) => !('roster' in (update as object)))).toBe(true);
    } finally {
      one.close();
      two.close();
    }
  });

  it('merges roster updates into the same roster, totals and reply counts as a fresh snapshot after joins, plays and a removal', async () => {
    const session = await api.createSession();
    const dashboard = await Dashboard.open(api.base, session.id);
    try {
      const ana = await api.join(session.code, 'Ana');
      const ben = await api.join(session.code, 'Ben');
      const cleo = await api.join(session.code, 'Cleo');
      await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)));
      await api.postStatements(ben, playStatements(wornOnce, playThrough(wornOnce, 2)).slice(0, 2));
      await api.postStatements(cleo, playStatements(wornOnce, playThrough(wornOnce, 3)).slice(0, 2));
      expect((await api.trainer('DELETE', `/api/sessions/${session.id}/participants/${cleo.participantId}`)).status).toBe(204);
      const dan = await api.join(session.code, 'Dan');
      await api.postStatements(dan, playStatements(wornOnce, playThrough(wornOnce, 1)).slice(0, 1));
      await api.postStatements(ben, playStatements(wornOnce, playThrough(wornOnce, 2)).slice(2, 3));

      const fresh = await Dashboard.open(api.base, session.id);
      try {
        await eventually(() => expect(fresh.detail).not.toBeNull());
        const snapshot = fresh.detail!;
        expect(snapshot.roster.map((entry) => entry.name)).toEqual(['Ana', 'Ben', 'Dan']);
        await eventually(() => {
          expect(dashboard.detail!.roster).toEqual(snapshot.roster);
          expect(dashboard.detail!.totals).toEqual(snapshot.totals);
          // Cleo's decisions left the reply counts with her.
          expect(dashboard.detail!.distribution).toEqual(snapshot.distribution);
        });
      } finally {
        fresh.close();
      }
      const updates = dashboard.received('roster') as { removed?: string[] }[];
      expect(updates.flatMap((update) => update.removed ?? [])).toContain(cleo.participantId);
    } finally {
      dashboard.close();
    }
  });

  it.each([
    ['the first dashboard of the session', 0],
    ['a dashboard joining one already open', 1],
  ])('misses nothing that happens while its snapshot is being read: %s', async (_case, alreadyOpen) => {
    const session = await api.createSession();
    const others = await Promise.all(Array.from({ length: alreadyOpen }, () => Dashboard.open(api.base, session.id)));
    try {
      for (const other of others) await eventually(() => expect(other.detail).not.toBeNull());
      const hold = counting.holdRoster();
      const late = await Dashboard.open(api.base, session.id);
      try {
        await hold.reached;
        // The snapshot has read the roster (nobody yet) and waits: Ana joins now.
        await api.join(session.code, 'Ana');
        hold.release();
        await eventually(() => expect(late.received('snapshot')).toHaveLength(1));
        expect((late.received('snapshot')[0] as SessionDetail).roster).toEqual([]);
        await eventually(() => expect(late.detail!.roster.map((entry) => entry.name)).toEqual(['Ana']));
        for (const other of others) await eventually(() => expect(other.detail!.roster.map((entry) => entry.name)).toEqual(['Ana']));
      } finally {
        late.close();
      }
    } finally {
      for (const other of others) other.close();
    }
  });

  it('sends the whole roster for a change that names no trainee (a notice from an older process)', async () => {
    const session = await api.createSession();
    const dashboard = await Dashboard.open(api.base, session.id);
    try {
      await eventually(() => expect(dashboard.detail).not.toBeNull());
      const ana = await api.join(session.code, 'Ana');
      await eventually(() => expect(dashboard.detail!.roster).toHaveLength(1));
      await storage.events.publish({ kind: 'roster', sessionId: session.id });
      await eventually(() => expect(dashboard.received('roster').some((update) => 'roster' in (update as object))).toBe(true));
      expect(dashboard.detail!.roster).toMatchObject([{ participantId: ana.participantId, name: 'Ana' }]);
    } finally {
      dashboard.close();
    }
  });

  it('stops following a session when its last dashboard leaves', async () => {
    const session = await api.createSession();
    const updates = sessionUpdatesOf(context);
    const before = updates.followedSessions;
    const [one, two] = await Promise.all([Dashboard.open(api.base, session.id), Dashboard.open(api.base, session.id)]);
    await eventually(() => expect(one.detail && two.detail).toBeTruthy());
    expect(updates.followedSessions).toBe(before + 1);
    one.close();
    two.close();
    await eventually(() => expect(updates.followedSessions).toBe(before));
    // The next dashboard starts a new one.
    await api.join(session.code, 'Ana');
    const third = await Dashboard.open(api.base, session.id);
    try {
      await eventually(() => expect(third.detail!.roster).toHaveLength(1));
      expect(updates.followedSessions).toBe(before + 1);
    } finally {
      third.close();
    }
  });
});

describe('the change notices', () => {
  it('name the trainee in a few bytes, and still accept a notice that names none (an older process)', () => {
    const change = { kind: 'decision', sessionId: '0b9f3f0e-8a55-4f7c-9d0a-3f4b1c2d5e6f', participantId: '6f1d2c3b-4a5e-4f6d-8c7b-9a0b1c2d3e4f', scenario: 'worn-once', node: 'opening' } as const;
    expect(sessionChangeSchema.parse(change)).toEqual(change);
    expect(JSON.stringify(change).length).toBeLessThan(200);
    expect(sessionChangeSchema.safeParse({ kind: 'roster', sessionId: change.sessionId }).success).toBe(true);
    expect(sessionChangeSchema.safeParse({ kind: 'roster', sessionId: change.sessionId, participantId: 'not-an-id' }).success).toBe(false);
  });
});
