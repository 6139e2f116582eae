import { afterAll, describe, expect, it } from 'vitest';
import { pgliteStorage, ApiClient, startTestServer, serverErrors } from './support/test-server.ts';
import { playStatements, playThrough, shippedScenario } from './support/played-statements.ts';

const wornOnce = shippedScenario('worn-once');

describe('a restart of the embedded database', () => {
  const storage = pgliteStorage();
  afterAll(async () => {
    await storage.cleanUp();
    expect(serverErrors).toEqual([]);
  });

  it('loses nothing: sessions, roster, distribution and tokens are all there after closing and reopening the data folder', async () => {
    const folder = await storage.create();
    const first = await startTestServer(folder);
    let api = new ApiClient(first.url);
    const session = await api.createSession();
    const ana = await api.join(session.code, 'Ana');
    const statements = playStatements(wornOnce, playThrough(wornOnce, 1));
    await api.postStatements(ana, statements.slice(0, 3));
    const before = await api.detail(session.id);
    await first.close();

    const second = await startTestServer(folder);
    try {
      api = new ApiClient(second.url);
      const after = await api.detail(session.id);
      // The join link names the new port; everything else is as it was.
      expect({ ...after, session: { ...after.session, joinUrl: '', qr: '' } }).toEqual({ ...before, session: { ...before.session, joinUrl: '', qr: '' } });
      // The trainee's outbox carries on where it stopped: a resend is known, the rest is new.
      expect((await api.postStatements(ana, statements)).status).toBe(200);
      expect((await api.detail(session.id)).roster[0]!.latest).toMatchObject({ status: 'finished', decisions: statements.length - 3 });
    } finally {
      await second.close();
    }
  }, 90_000);
});
