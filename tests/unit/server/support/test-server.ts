import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioLibrary } from '../../../../src/server/scenario-library.ts';
import { startSessionServer, type RunningSessionServer, type SessionServerOptions } from '../../../../src/server/session-server.ts';
import type { StorageChoice } from '../../../../src/server/storage/open-storage.ts';
import { throwawayDatabase, type ThrowawayDatabase } from './postgres.ts';

export const TRAINER_KEY = 'test-trainer-key-0123456789abcdef';

let library: ScenarioLibrary | undefined;
/** The shipped scenarios, read once per test file. */
export function shippedLibrary(): ScenarioLibrary {
  library ??= ScenarioLibrary.fromFolder(join(import.meta.dirname, '../../../../scenarios'));
  return library;
}

/** A stand-in for the built game: one page, so the tests never wait for a Vite build. */
export function fakeGameDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-game-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tactful</title><p>game</p>');
  return dir;
}

/** Which storage a suite runs on, and how to make (and clean up) one. */
export interface StorageUnderTest {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, empty storage. */
  create(): Promise<StorageChoice>;
  cleanUp(): Promise<void>;
}

/** PGlite in a temporary folder per storage; all removed by cleanUp. */
export function pgliteStorage(): StorageUnderTest {
  const dirs: string[] = [];
  return {
    name: 'PGlite',
    create: () => {
      const dir = mkdtempSync(join(tmpdir(), 'tactful-data-'));
      dirs.push(dir);
      return Promise.resolve({ dataDir: dir });
    },
    cleanUp: () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** A throwaway PostgreSQL database per storage; all dropped by cleanUp. */
export function postgresStorage(): StorageUnderTest {
  const databases: ThrowawayDatabase[] = [];
  return {
    name: 'PostgreSQL',
    create: async () => {
      const db = await throwawayDatabase();
      databases.push(db);
      return { databaseUrl: db.url };
    },
    cleanUp: async () => {
      for (const db of databases) await db.drop();
    },
  };
}

/** Both storages, for `describe.each`. */
export const STORAGES: readonly (() => StorageUnderTest)[] = [pgliteStorage, postgresStorage];

/** Unexpected server errors seen by a test server: a test that causes one fails on it. */
export const serverErrors: unknown[] = [];

/** Starts a server on a free loopback port. */
export function startTestServer(storage: StorageChoice, options: Partial<SessionServerOptions> = {}): Promise<RunningSessionServer> {
  return startSessionServer({
    storage,
    library: shippedLibrary(),
    trainerKey: TRAINER_KEY,
    gameDir: null,
    port: 0,
    host: '127.0.0.1',
    liveDelayMs: 5,
    onError: (error) => serverErrors.push(error),
    ...options,
  });
}

/** A small client for the API, as the dashboard and the join page will call it. */
export class ApiClient {
  constructor(readonly base: string) {}

  trainer(method: string, path: string, body?: unknown, key = TRAINER_KEY): Promise<Response> {
    return this.send(method, path, body, { Authorization: `Bearer ${key}` });
  }

  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    }
    return fetch(`${this.base}${path}`, init);
  }

  /** Posts statements as the game's outbox does (HTTP Basic: participant id and token). */
  postStatements(participant: { participantId: string; token: string }, statements: unknown): Promise<Response> {
    const authorization = `Basic ${Buffer.from(`${participant.participantId}:${participant.token}`).toString('base64')}`;
    return this.send('POST', '/xapi/statements', statements, { Authorization: authorization, 'X-Experience-API-Version': '1.0.3' });
  }

  async createSession(body: Record<string, unknown> = {}): Promise<{ id: string; code: string; joinUrl: string; qr: string; name: string }> {
    const response = await this.trainer('POST', '/api/sessions', { name: 'Returns desk, Monday', scenarios: ['worn-once', 'estimated-read'], timers: 'standard', mode: 'self-paced', ...body });
    if (response.status !== 201) throw new Error(`create session: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; code: string; joinUrl: string; qr: string; name: string };
  }

  async join(code: string, name: string): Promise<{ participantId: string; token: string; lrs: { endpoint: string; key: string; secret: string } }> {
    const response = await this.send('POST', '/api/join', { code, name });
    if (response.status !== 201) throw new Error(`join: ${response.status} ${await response.text()}`);
    return (await response.json()) as { participantId: string; token: string; lrs: { endpoint: string; key: string; secret: string } };
  }

  async detail(sessionId: string): Promise<SessionDetail> {
    const response = await this.trainer('GET', `/api/sessions/${sessionId}`);
    if (response.status !== 200) throw new Error(`session: ${response.status} ${await response.text()}`);
    return (await response.json()) as SessionDetail;
  }
}

/** GET /api/sessions/:id, as the tests read it. */
export interface SessionDetail {
  session: { id: string; name: string; state: string; code: string; joinUrl: string; qr: string };
  totals: { participants: number; plays: number; finished: number; passed: number; meanOverall: number | null };
  roster: { participantId: string; name: string; plays: number; finished: number; latest: null | { scenario: string; status: string; decisions: number; lastNode: string | null; overall: number | null; passed: boolean | null; outcome: string | null } }[];
  distribution: { scenario: string; node: string; customer: string | null; decisions: number; timedOut: number; replies: { reply: string; text: string | null; best: boolean; coaching: string | null; count: number }[] }[];
}
