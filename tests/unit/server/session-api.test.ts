import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { Outbox } from '../../../src/report/xapi/outbox.ts';
import { MemoryOutboxStore } from '../../../src/report/xapi/outbox-store.ts';
import { basicAuthorization, postStatements } from '../../../src/report/xapi/send-statements.ts';
import { JOIN_CODE_ALPHABET } from '../../../src/server/secrets.ts';
import type { RunningSessionServer } from '../../../src/server/session-server.ts';
import { EventStreamReader } from './support/event-stream.ts';
import { playStatements, playThrough, shippedScenario } from './support/played-statements.ts';
import { ApiClient, serverErrors, STORAGES, startTestServer, TRAINER_KEY, type StorageUnderTest } from './support/test-server.ts';

const wornOnce = shippedScenario('worn-once');

describe.each(STORAGES.map((make) => [make().name, make] as const))('the session API on %s', (_name, make) => {
  let storage: StorageUnderTest;
  let server: RunningSessionServer;
  let api: ApiClient;

  beforeAll(async () => {
    storage = make();
    server = await startTestServer(await storage.create(), { joinLimit: { failures: 5, windowMs: 60 * 60_000 } });
    api = new ApiClient(server.url);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await storage?.cleanUp();
    expect(serverErrors).toEqual([]);
  }, 30_000);

  it('creates a session with a short join code, a join link and a QR code of the link', async () => {
    const session = await api.createSession();
    expect(session.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(session.joinUrl).toBe(`${server.url}/join/${session.code}`);
    expect(session.qr).toMatch(/^<svg[^>]*>[\s\S]*<\/svg>\s*$/);
    const list = (await (await api.trainer('GET', '/api/sessions')).json()) as { sessions: { id: string; participants: number }[] };
    expect(list.sessions.find((s) => s.id === session.id)).toMatchObject({ participants: 0 });
  });

  it('shows who joined, how far their plays went, their scores and the replies chosen at each decision', async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code.toLowerCase(), 'Ana');
    const ben = await api.join(` ${session.code.slice(0, 3)}-${session.code.slice(3)} `, 'Ben');
    const anaPlay = playThrough(wornOnce, 1);
    const benPlay = playThrough(wornOnce, 2);
    const anaStatements = playStatements(wornOnce, anaPlay);
    // Ben is still playing: only his first decision has arrived.
    const benStatements = playStatements(wornOnce, benPlay).slice(0, 2);
    expect((await api.postStatements(ana, anaStatements)).status).toBe(200);
    const benResponse = await api.postStatements(ben, benStatements);
    expect(benResponse.status).toBe(200);
    expect(await benResponse.json()).toEqual(benStatements.map((s) => s.id));

    const detail = await api.detail(session.id);
    expect(detail.roster.map((r) => r.name)).toEqual(['Ana', 'Ben']);
    expect(detail.roster[0]!.latest).toMatchObject({ scenario: 'worn-once', status: 'finished', decisions: anaPlay.decisions.length, overall: anaPlay.scores.overall, passed: anaPlay.passed, outcome: anaPlay.outcome });
    expect(detail.roster[1]!.latest).toMatchObject({ scenario: 'worn-once', status: 'playing', decisions: 1, lastNode: benPlay.decisions[0]!.node, overall: null });
    expect(detail.totals).toMatchObject({ participants: 2, plays: 2, finished: 1, passed: anaPlay.passed ? 1 : 0, meanOverall: anaPlay.scores.overall });

    const first = detail.distribution.find((d) => d.scenario === 'worn-once' && d.node === wornOnce.scenario.start)!;
    const startNode = wornOnce.scenario.nodes[wornOnce.scenario.start];
    expect(first.customer).toBe(startNode?.kind === 'dialogue' ? startNode.customer : null);
    expect(first.decisions).toBe(2);
    const code = (index: number | null): string => String.fromCharCode(96 + index!);
    const counts = Object.fromEntries(first.replies.filter((r) => r.count > 0).map((r) => [r.reply, r.count]));
    const expected: Record<string, number> = {};
    for (const d of [anaPlay.decisions[0]!, benPlay.decisions[0]!]) expected[code(d.replyIndex)] = (expected[code(d.replyIndex)] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(first.replies.every((r) => typeof r.text === 'string')).toBe(true);
  });

  it('stores a resent statement once and still answers 200, as the outbox expects', async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    const statements = playStatements(wornOnce, playThrough(wornOnce, 1));
    expect((await api.postStatements(ana, statements)).status).toBe(200);
    const before = await api.detail(session.id);
    expect((await api.postStatements(ana, statements)).status).toBe(200);
    expect((await api.postStatements(ana, statements[1])).status).toBe(200);
    // Keys in another order are the same statement.
    const reordered = Object.fromEntries(Object.entries(statements[2]!).reverse());
    expect((await api.postStatements(ana, [reordered])).status).toBe(200);
    expect(await api.detail(session.id)).toEqual(before);
  });

  it('answers 409 to a known id with other content, and stores nothing of that POST', async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    const [started, answered, ...rest] = playStatements(wornOnce, playThrough(wornOnce, 1));
    expect((await api.postStatements(ana, [started, answered])).status).toBe(200);
    const before = await api.detail(session.id);
    const forged = { ...answered!, result: { ...answered!.result, response: 'b' } };
    expect((await api.postStatements(ana, [...rest, forged])).status).toBe(409);
    expect((await api.postStatements(ana, forged)).status).toBe(409);
    expect(await api.detail(session.id)).toEqual(before);
  });

  it("delivers a play through the game's own outbox exactly once when an answer is lost on the way back", async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    const statements = playStatements(wornOnce, playThrough(wornOnce, 1));
    const timers: (() => void)[] = [];
    let lose = 1;
    const outbox = new Outbox(
      new MemoryOutboxStore(),
      async (target, batch) => {
        const response = await postStatements(target, batch);
        // The server stored the first POST, but its answer never reached the browser.
        if (lose-- > 0) throw new TypeError('network connection lost');
        return response;
      },
      { scheduler: { setTimeout: (run) => timers.push(run), clearTimeout: () => {} }, connectivity: { online: () => true, onOnline: () => {} }, random: () => 0.5, batchSize: 3 },
    );
    outbox.start();
    await outbox.add(statements, { endpoint: ana.lrs.endpoint, authorization: basicAuthorization(ana.lrs.key, ana.lrs.secret) });
    await outbox.settled();
    expect(timers).toHaveLength(1);
    timers.shift()!();
    await outbox.settled();
    const statuses: unknown[] = [];
    outbox.onStatus((status) => statuses.push(status));
    expect(statuses[0]).toMatchObject({ waiting: 0, rejected: 0 });
    const results = (await (await api.trainer('GET', `/api/sessions/${session.id}/results.json`)).json()) as { plays: unknown[]; decisions: unknown[] };
    expect(results.plays).toHaveLength(1);
    expect(results.decisions).toHaveLength(statements.length - 3);
  });

  it('exports results as RFC 4180 CSV with a byte order mark and formulas guarded, and as JSON', async () => {
    const session = await api.createSession({ name: 'Evening, "late" shift' });
    const eve = await api.join(session.code, '=HYPERLINK("x")');
    const play = playThrough(wornOnce, 1);
    await api.postStatements(eve, playStatements(wornOnce, play));
    const response = await api.trainer('GET', `/api/sessions/${session.id}/results.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="tactful-evening-late-shift-\d{4}-\d\d-\d\d\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    // worn-once scores a "policy" dimension of its own: it gets a column after the three every scenario has.
    expect(text.split('\r\n')[0]).toBe('Participant,Scenario,Scenario id,Started (UTC),Finished (UTC),Status,Outcome,Passed,Overall,Tact,Speed,Satisfaction,Policy,Timer,Decisions,Ending');
    const rows = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(`'=HYPERLINK("x")`);
    expect(rows[1]!.slice(1, 3)).toEqual([wornOnce.scenario.title, 'worn-once']);
    expect(rows[1]![5]).toBe('finished');
    expect(Number(rows[1]![8])).toBe(play.scores.overall);
    expect(Number(rows[1]![12])).toBe(play.scores.policy);

    const json = (await (await api.trainer('GET', `/api/sessions/${session.id}/results.json`)).json()) as { format: string; session: { name: string }; participants: { name: string }[]; plays: { overall: number }[] };
    expect(json).toMatchObject({ format: 'tactful-session-results', session: { name: 'Evening, "late" shift' }, participants: [{ name: '=HYPERLINK("x")' }], plays: [{ overall: play.scores.overall }] });
  });

  it('pauses, resumes and ends a session; an ended session takes no new trainee but still takes results on their way', async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    expect(((await (await api.trainer('POST', `/api/sessions/${session.id}/pause`)).json()) as { session: { state: string } }).session.state).toBe('paused');
    expect(((await (await api.trainer('POST', `/api/sessions/${session.id}/resume`)).json()) as { session: { state: string } }).session.state).toBe('open');
    expect(((await (await api.trainer('POST', `/api/sessions/${session.id}/end`)).json()) as { session: { state: string } }).session.state).toBe('ended');
    expect((await api.trainer('POST', `/api/sessions/${session.id}/resume`)).status).toBe(409);
    const late = await api.send('POST', '/api/join', { code: session.code, name: 'Late' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: string }).error).toMatch(/ended/);
    expect((await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)))).status).toBe(200);
    expect((await api.detail(session.id)).totals).toMatchObject({ participants: 1, finished: 1 });
  });

  it("removes a participant with everything they sent, and their token stops working", async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    const ben = await api.join(session.code, 'Ben');
    await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)));
    expect((await api.trainer('DELETE', `/api/sessions/${session.id}/participants/${ana.participantId}`)).status).toBe(204);
    const detail = await api.detail(session.id);
    expect(detail.roster.map((r) => r.name)).toEqual(['Ben']);
    expect(detail.distribution).toEqual([]);
    expect((await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)))).status).toBe(401);
    expect((await api.send('GET', '/api/me', undefined, { Authorization: `Bearer ${ben.token}` })).status).toBe(200);
  });

  it('deletes a session and its data: its id is gone and its tokens no longer work', async () => {
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    await api.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)));
    expect((await api.trainer('DELETE', `/api/sessions/${session.id}`)).status).toBe(204);
    expect((await api.trainer('GET', `/api/sessions/${session.id}`)).status).toBe(404);
    expect((await api.trainer('DELETE', `/api/sessions/${session.id}`)).status).toBe(404);
    expect((await api.send('GET', '/api/me', undefined, { Authorization: `Bearer ${ana.token}` })).status).toBe(401);
    expect((await api.send('POST', '/api/join', { code: session.code, name: 'Ben' })).status).toBe(404);
  });

  it('streams the roster and the distribution to a dashboard as trainees join and decide', async () => {
    const session = await api.createSession();
    const stream = await EventStreamReader.open(`${server.url}/api/sessions/${session.id}/events`, TRAINER_KEY);
    try {
      expect(await stream.next('snapshot')).toMatchObject({ session: { id: session.id }, roster: [], distribution: [] });
      const ana = await api.join(session.code, 'Ana');
      expect(await stream.next<{ changed: unknown[] }>('roster', (d) => d.changed.length === 1)).toMatchObject({ changed: [{ name: 'Ana', latest: null }], removed: [], totals: { participants: 1 } });
      const statements = playStatements(wornOnce, playThrough(wornOnce, 1));
      await api.postStatements(ana, statements.slice(0, 2));
      const { distribution } = await stream.next<{ distribution: unknown }>('distribution');
      expect(distribution).toMatchObject({ scenario: 'worn-once', node: wornOnce.scenario.start, decisions: 1 });
      await api.trainer('POST', `/api/sessions/${session.id}/pause`);
      expect(await stream.next('session')).toMatchObject({ session: { state: 'paused' } });
      await api.trainer('DELETE', `/api/sessions/${session.id}`);
      await stream.next('deleted');
    } finally {
      stream.close();
    }
  });
});
