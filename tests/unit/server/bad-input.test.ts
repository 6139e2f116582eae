import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSessionServer } from '../../../src/server/session-server.ts';
import { playStatements, playThrough, shippedScenario } from './support/played-statements.ts';
import { ApiClient, serverErrors, STORAGES, startTestServer, type StorageUnderTest } from './support/test-server.ts';

const wornOnce = shippedScenario('worn-once');
const OTHER_UUID = '6f1c1c58-2b1e-4a43-9d0e-3b5f0e2c9a11';

describe.each(STORAGES.map((make) => [make().name, make] as const))('bad input on %s gets a clear 4xx and changes nothing', (_name, make) => {
  let storage: StorageUnderTest;
  let server: RunningSessionServer;
  let api: ApiClient;
  let session: { id: string; code: string };
  let other: { id: string; code: string };
  let ana: { participantId: string; token: string };
  let olga: { participantId: string; token: string };
  /** Everything the trainer can see: no refused request may change it. */
  let everything: () => Promise<unknown>;

  beforeAll(async () => {
    storage = make();
    server = await startTestServer(await storage.create(), { joinLimit: { failures: 3, windowMs: 60 * 60_000 } });
    api = new ApiClient(server.url);
    session = await api.createSession();
    other = await api.createSession({ name: 'Other room' });
    ana = await api.join(session.code, 'Ana');
    olga = await api.join(other.code, 'Olga');
    await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)).slice(0, 3));
    everything = async () => ({
      sessions: (await (await api.trainer('GET', '/api/sessions')).json()) as unknown,
      one: await api.detail(session.id),
      other: await api.detail(other.id),
    });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await storage?.cleanUp();
    expect(serverErrors).toEqual([]);
  }, 30_000);

  /** Sends a request, checks its status and message, and checks nothing the trainer sees has changed. */
  async function refused(request: () => Promise<Response>, status: number, message: RegExp): Promise<void> {
    const before = await everything();
    const response = await request();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await everything()).toEqual(before);
  }

  const basic = (id: string, token: string): Record<string, string> => ({ Authorization: `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}` });

  it('refuses trainer routes without the key, with a wrong key, or with a trainee token', async () => {
    await refused(() => api.send('GET', '/api/sessions'), 401, /trainer key/);
    await refused(() => api.trainer('POST', '/api/sessions', { name: 'x', scenarios: ['worn-once'], mode: 'room' }, 'not-the-key'), 401, /wrong/);
    await refused(() => api.send('DELETE', `/api/sessions/${session.id}`, undefined, { Authorization: `Bearer ${ana.token}` }), 401, /wrong/);
  });

  it('refuses malformed session bodies, naming what to change', async () => {
    await refused(() => api.trainer('POST', '/api/sessions', '{"name": "x",'), 400, /not valid JSON/);
    await refused(() => api.send('POST', '/api/sessions', 'name=x', { Authorization: 'Bearer test-trainer-key-0123456789abcdef', 'Content-Type': 'application/x-www-form-urlencoded' }), 415, /JSON/);
    await refused(() => api.trainer('POST', '/api/sessions', { name: 'x', scenarios: [], mode: 'room' }), 400, /scenarios: choose at least one/);
    await refused(() => api.trainer('POST', '/api/sessions', { name: 'x', scenarios: ['worn-once'], mode: 'lecture' }), 400, /mode must be self-paced or room/);
    await refused(() => api.trainer('POST', '/api/sessions', { name: 'x', scenarios: ['no-such-scenario'], mode: 'room' }), 400, /no scenario "no-such-scenario"/);
    await refused(() => api.trainer('POST', '/api/sessions', { name: 'x', scenarios: ['worn-once'], mode: 'room', admin: true }), 400, /admin/);
    await refused(() => api.trainer('POST', '/api/sessions', [1, 2]), 400, /the body is not valid/);
  });

  it('refuses oversized names, markup, invisible characters and empty names at join', async () => {
    const response = await api.send('POST', '/api/join', { code: session.code, name: 'x'.repeat(41) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: { path: string }[] };
    expect(body.error).toMatch(/at most 40 characters/);
    expect(body.issues).toEqual([{ path: 'name', message: 'a name is at most 40 characters' }]);
    await refused(() => api.send('POST', '/api/join', { code: session.code, name: '<img src=x onerror=alert(1)>' }), 400, /plain text: leave out < and >/);
    await refused(() => api.send('POST', '/api/join', { code: session.code, name: 'Ana\u202Egnp.exe' }), 400, /invisible/);
    await refused(() => api.send('POST', '/api/join', { code: session.code, name: '   ' }), 400, /type a name/);
    await refused(() => api.send('POST', '/api/join', { code: session.code }), 400, /name/);
  });

  it('refuses a body over the size limit with 413', async () => {
    await refused(() => api.send('POST', '/api/join', { code: session.code, name: 'A', padding: 'x'.repeat(20_000) }), 413, /larger than 16 KB/);
  });

  it("never lets a participant's token reach another session or another participant", async () => {
    await refused(() => api.send('POST', '/xapi/statements', playStatements(wornOnce, playThrough(wornOnce, 1))), 401, /participant token/);
    await refused(() => api.send('POST', '/xapi/statements', playStatements(wornOnce, playThrough(wornOnce, 1)), basic(ana.participantId, 'guess')), 401, /not valid/);
    // Ana's token with Olga's id: the id and the token must belong together.
    await refused(() => api.send('POST', '/xapi/statements', playStatements(wornOnce, playThrough(wornOnce, 1)), basic(olga.participantId, ana.token)), 401, /not valid/);
    const me = (await (await api.send('GET', '/api/me', undefined, { Authorization: `Bearer ${olga.token}` })).json()) as unknown;
    expect(me).toMatchObject({ participantId: olga.participantId, name: 'Olga', session: { name: 'Other room' } });
    expect(JSON.stringify(me)).not.toMatch(/Ana|Returns desk/);
  });

  it("refuses another session's ids and ids that are not ids", async () => {
    await refused(() => api.trainer('DELETE', `/api/sessions/${other.id}/participants/${ana.participantId}`), 404, /no such participant/);
    await refused(() => api.trainer('GET', `/api/sessions/${OTHER_UUID}`), 404, /no such session/);
    await refused(() => api.trainer('POST', `/api/sessions/${OTHER_UUID}/end`), 404, /no such session/);
    await refused(() => api.trainer('GET', '/api/sessions/1%20OR%201=1'), 400, /session id is a UUID/);
    // The client resolves the dots: this is DELETE /api/sessions/sessions.
    await refused(() => api.trainer('DELETE', `/api/sessions/${session.id}/participants/../../sessions`), 400, /session id is a UUID/);
  });

  it('refuses statements that are not statements, or lack what Tactful reads', async () => {
    const [, answered] = playStatements(wornOnce, playThrough(wornOnce, 1));
    const post = (body: unknown) => () => api.send('POST', '/xapi/statements', body, basic(ana.participantId, ana.token));
    await refused(post({ ...answered, id: 'not-a-uuid' }), 400, /id/);
    await refused(post([]), 400, /at least one/);
    await refused(post({ ...answered, context: { extensions: {} } }), 400, /play-id/);
    await refused(post({ ...answered, object: { ...answered!.object, id: 'http://x/elsewhere' } }), 400, /scenarios/);
    await refused(post({ ...answered, result: { ...answered!.result, response: '<b>' } }), 400, /response/);
    await refused(post(Array.from({ length: 101 }, () => answered)), 400, /at most 100/);
    await refused(post([answered, answered]), 400, /twice/);
  });

  it('answers 404 for a wrong join code and 429 once an address has failed too often, even with the right code', async () => {
    for (let i = 0; i < 3; i++) await refused(() => api.send('POST', '/api/join', { code: 'XXXXXX', name: 'Guess' }), 404, /no session has this join code/);
    const blocked = await api.send('POST', '/api/join', { code: session.code, name: 'Ana again' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api.detail(session.id)).roster.map((r) => r.name)).toEqual(['Ana']);
  });
});
