import { afterAll, describe, expect, it } from 'vitest';
import type { TraineeRoomView, TrainerRoomView } from '../../../src/server/room/room-views.ts';
import { EventStreamReader } from './support/event-stream.ts';
import { ApiClient, postgresStorage, serverErrors, startTestServer, TRAINER_KEY } from './support/test-server.ts';
import { RoomClient } from './room-client.ts';

describe('a room on two server processes sharing one PostgreSQL', () => {
  const storage = postgresStorage();
  afterAll(async () => {
    await storage.cleanUp();
    expect(serverErrors).toEqual([]);
  }, 30_000);

  it('is one room: a vote posted to one process shows on a projector connected to the other, and a click on both opens one round', async () => {
    const database = await storage.create();
    const [one, two] = await Promise.all([startTestServer(database), startTestServer(database)]);
    const projectorSide = new RoomClient(new ApiClient(one.url));
    const phoneSide = new RoomClient(new ApiClient(two.url));
    const session = await projectorSide.createRoomSession();
    const ana = await phoneSide.api.join(session.code, 'Ana');
    const projector = await EventStreamReader.open(`${one.url}/api/sessions/${session.id}/room/events`, TRAINER_KEY);
    const phone = await EventStreamReader.open(`${two.url}/api/room/events`, ana.token);
    try {
      await projector.next('room');
      await phone.next('room');
      // The trainer double-clicks, and the clicks reach both processes: the database keeps one round.
      const opens = await Promise.all([projectorSide.act(session.id, 'open'), phoneSide.act(session.id, 'open')]);
      expect(opens.map((r) => r.status).sort()).toEqual([200, 409]);
      const open = await projectorSide.trainerView(session.id);
      // The phone, on the other process, hears that voting opened.
      const onPhone = await phone.next<TraineeRoomView>('room', (v) => v.phase === 'voting');
      expect(onPhone.round).toMatchObject({ number: open.round!.number, replies: open.round!.replies });

      await phoneSide.voted(ana, open.round!.number, open.round!.replies[1]!.reply);
      expect(await projector.next<TrainerRoomView>('room', (v) => v.round?.votes === 1)).toMatchObject({ phase: 'voting' });
      await projectorSide.do(session.id, 'reveal');
      const revealed = await phone.next<TraineeRoomView>('room', (v) => v.phase === 'revealed');
      expect(revealed.round!.distribution!.find((r) => r.reply === open.round!.replies[1]!.reply)!.count).toBe(1);
      // Either process reads the same room.
      const withoutClock = (v: TrainerRoomView): unknown => ({ ...v, now: '' });
      expect(withoutClock(await projectorSide.trainerView(session.id))).toEqual(withoutClock(await phoneSide.trainerView(session.id)));
    } finally {
      projector.close();
      phone.close();
      await Promise.all([one.close(), two.close()]);
    }
  }, 60_000);
});
