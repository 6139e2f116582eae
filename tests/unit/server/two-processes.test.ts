import { afterAll, describe, expect, it } from 'vitest';
import { EventStreamReader } from './support/event-stream.ts';
import { playStatements, playThrough, shippedScenario } from './support/played-statements.ts';
import { ApiClient, postgresStorage, serverErrors, startTestServer, TRAINER_KEY } from './support/test-server.ts';

const wornOnce = shippedScenario('worn-once');

describe('two server processes on one PostgreSQL', () => {
  const storage = postgresStorage();
  afterAll(async () => {
    await storage.cleanUp();
    expect(serverErrors).toEqual([]);
  }, 30_000);

  it('share live updates: a dashboard on one sees a trainee who joined and decided on the other', async () => {
    const database = await storage.create();
    // Started together: they migrate the same database at once, and take turns.
    const [one, two] = await Promise.all([startTestServer(database), startTestServer(database)]);
    const stream = await (async () => {
      const dashboardApi = new ApiClient(one.url);
      const session = await dashboardApi.createSession();
      return { session, reader: await EventStreamReader.open(`${one.url}/api/sessions/${session.id}/events`, TRAINER_KEY) };
    })();
    try {
      await stream.reader.next('snapshot');
      const traineeApi = new ApiClient(two.url);
      const ana = await traineeApi.join(stream.session.code, 'Ana');
      expect(await stream.reader.next<{ changed: unknown[] }>('roster', (d) => d.changed.length === 1)).toMatchObject({ changed: [{ participantId: ana.participantId, name: 'Ana' }] });
      await traineeApi.postStatements(ana, playStatements(wornOnce, playThrough(wornOnce, 1)).slice(0, 2));
      expect(await stream.reader.next('distribution')).toMatchObject({ distribution: { scenario: 'worn-once', node: wornOnce.scenario.start, decisions: 1 } });
      // And the trainer's reads on either process agree.
      const withoutLink = ({ session, ...rest }: Awaited<ReturnType<ApiClient['detail']>>): unknown => ({ ...rest, session: { ...session, joinUrl: '', qr: '' } });
      expect(withoutLink(await new ApiClient(one.url).detail(stream.session.id))).toEqual(withoutLink(await traineeApi.detail(stream.session.id)));
    } finally {
      stream.reader.close();
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);
});
