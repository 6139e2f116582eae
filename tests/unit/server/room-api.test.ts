import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogueNode } from '../../../src/scenario/index.ts';
import type { RunningSessionServer } from '../../../src/server/session-server.ts';
import type { TrainerRoomView } from '../../../src/server/room/room-views.ts';
import { EventStreamReader } from './support/event-stream.ts';
import { shippedScenario } from './support/played-statements.ts';
import { ApiClient, serverErrors, STORAGES, startTestServer, type StorageUnderTest } from './support/test-server.ts';
import { refused, RoomClient, TestClock, type Trainee } from './room-client.ts';

const wornOnce = shippedScenario('worn-once');
const missingZero = shippedScenario('missing-zero');
const dialogue = (id: string, node: string): DialogueNode => (id === 'worn-once' ? wornOnce : missingZero).scenario.nodes[node] as DialogueNode;
const position = (code: string): number => code.charCodeAt(0) - 96;

describe.each(STORAGES.map((make) => [make().name, make] as const))('room mode on %s', (_name, make) => {
  let storage: StorageUnderTest;
  let server: RunningSessionServer;
  let room: RoomClient;
  const clock = new TestClock();

  beforeAll(async () => {
    storage = make();
    server = await startTestServer(await storage.create(), { now: clock.now });
    room = new RoomClient(new ApiClient(server.url));
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await storage?.cleanUp();
    expect(serverErrors).toEqual([]);
  }, 30_000);

  /** A room session with trainees already in it. */
  async function roomWith(names: string[], scenarios?: string[], timers?: string): Promise<{ id: string; code: string; trainees: Trainee[] }> {
    const session = await room.createRoomSession(scenarios, timers);
    const trainees: Trainee[] = [];
    for (const name of names) trainees.push(await room.api.join(session.code, name));
    return { ...session, trainees };
  }

  it('plays a session through: voting opened, votes, reveal, the majority played, the next scenario, and the debrief of the path', async () => {
    const { id, trainees } = await roomWith(['Ana', 'Ben', 'Chloé']);
    let view = await room.trainerView(id);
    expect(view).toMatchObject({ phase: 'ready', node: 'opening', scenario: { index: 0, count: 2, id: 'worn-once' }, participants: 3, round: null, path: [] });
    expect(view.customer).toMatchObject({ name: wornOnce.scenario.customer.name, avatar: wornOnce.scenario.customer.avatar, line: dialogue('worn-once', 'opening').customer, mood: wornOnce.scenario.customer.mood });

    let rounds = 0;
    for (let scenario = 0; scenario < 2; scenario++) {
      const id0 = scenario === 0 ? 'worn-once' : 'missing-zero';
      while (view.phase !== 'ending') {
        view = await room.do(id, 'open');
        rounds++;
        const round = view.round!;
        expect(view.phase).toBe('voting');
        // Standard timers: the line's own limit, counted from the server's clock.
        expect(new Date(round.deadline!).getTime() - new Date(round.openedAt).getTime()).toBe(dialogue(id0, view.node).timeLimitMs);
        // The replies offered on this path (an `if` may hide one; the path depends on the room's random shuffle seed), each once.
        const shown = round.replies.map((r) => position(r.reply));
        expect(new Set(shown).size).toBe(shown.length);
        expect(dialogue(id0, view.node).replies.map((r) => r.index)).toEqual(expect.arrayContaining(shown));
        expect(shown.length).toBeGreaterThan(1);
        // Two of three choose the first reply shown, one the second.
        const [first, second] = round.replies;
        await room.voted(trainees[0]!, round.number, first!.reply);
        await room.voted(trainees[1]!, round.number, first!.reply);
        await room.voted(trainees[2]!, round.number, second!.reply);
        clock.advance(5_000);
        view = await room.do(id, 'reveal');
        expect(view.round).toMatchObject({ votes: 3, majority: first!.reply, tied: [] });
        const before = { node: view.node, mood: view.customer.mood };
        view = await room.do(id, 'play', { play: 'majority' });
        const chosen = dialogue(id0, before.node).replies[position(first!.reply) - 1]!;
        expect(view.lastPlayed).toMatchObject({ reply: first!.reply, text: chosen.say, by: 'majority', node: before.node });
        expect(view.path.at(-1)).toEqual(view.lastPlayed);
        if (view.phase !== 'ending') {
          expect(view.round).toBeNull();
          expect(view.customer.line).toBe(dialogue(id0, view.node).customer);
        }
        if (before.node === 'opening') expect(view.customer.mood).toBe(Math.max(0, Math.min(100, before.mood + chosen.mood)));
      }
      const endings = (scenario === 0 ? wornOnce : missingZero).scenario.endings;
      expect(view.ending!.outcome).toBe(endings[view.ending!.ending]!.outcome);
      expect(view.hasNextScenario).toBe(scenario === 0);
      if (scenario === 0) {
        view = await room.do(id, 'next');
        expect(view).toMatchObject({ phase: 'ready', node: 'opening', scenario: { index: 1, id: 'missing-zero' }, path: [], lastPlayed: null });
      }
    }
    await refused(await room.act(id, 'next'), 409);

    const debrief = await room.debrief(id);
    expect(debrief.scenarios.map((s) => [s.id, s.finished])).toEqual([['worn-once', true], ['missing-zero', true]]);
    const all = debrief.scenarios.flatMap((s) => s.rounds);
    expect(all).toHaveLength(rounds);
    for (const round of all) {
      expect(round).toMatchObject({ votes: 3, split: false, overruled: false, tied: [] });
      expect(round.played.reply).toBe(round.majority);
      expect(round.replies.map((r) => r.count).sort()).toEqual([...Array<number>(round.replies.length - 2).fill(0), 1, 2]);
    }
    // The trainees read the same debrief, aggregates only.
    const theirs = await room.api.send('GET', '/api/room/debrief', undefined, { Authorization: `Bearer ${trainees[0]!.token}` });
    expect(await theirs.json()).toEqual(debrief);
    expect(JSON.stringify(debrief)).not.toContain(trainees[0]!.participantId);
  });

  it("shows trainees the room's counts only once revealed, and never who voted for what", async () => {
    const { id, trainees } = await roomWith(['Ana', 'Ben']);
    const open = await room.do(id, 'open');
    const [a, b] = open.round!.replies;
    const anaView = await room.voted(trainees[0]!, open.round!.number, a!.reply);
    expect(anaView.round).toMatchObject({ yourVote: a!.reply, distribution: null, votes: null, majority: null });
    await room.voted(trainees[1]!, open.round!.number, b!.reply);
    // The projector shows how many voted, not for what.
    const projector = await room.trainerView(id);
    expect(projector.round).toMatchObject({ votes: 2, distribution: null, majority: null });
    const benBefore = await room.traineeView(trainees[1]!);
    expect(benBefore.round).toMatchObject({ yourVote: b!.reply, distribution: null, votes: null });
    expect(JSON.stringify(benBefore)).not.toContain(trainees[0]!.participantId);

    await room.do(id, 'reveal');
    const benAfter = await room.traineeView(trainees[1]!);
    expect(benAfter.round!.votes).toBe(2);
    expect(benAfter.round!.distribution!.map((r) => [r.reply, r.count])).toEqual(open.round!.replies.map((r) => [r.reply, r.reply === a!.reply || r.reply === b!.reply ? 1 : 0]));
    expect(benAfter.round!.distribution!.some((r) => r.best)).toBe(true);
    expect(benAfter.round!.distribution!.find((r) => r.reply === a!.reply)!.coaching).toBe(dialogue('worn-once', 'opening').replies[position(a!.reply) - 1]!.feedback ?? null);
    // Still nothing in it names another trainee.
    expect(JSON.stringify(benAfter)).not.toContain(trainees[0]!.participantId);
    // Voting has closed with the reveal.
    expect(await refused(await room.vote(trainees[0]!, open.round!.number, b!.reply), 409)).toMatch(/closed/);
  });

  it('lets a trainee who joins late vote on the current line, and one who comes back with their token keep their vote', async () => {
    const { id, code, trainees } = await roomWith(['Ana']);
    await room.do(id, 'open');
    let view = await room.do(id, 'play', { play: (await room.trainerView(id)).round!.replies[0]!.reply });
    const open = await room.do(id, 'open');
    const late = await room.api.join(code, 'Dev');
    const lateView = await room.traineeView(late);
    expect(lateView).toMatchObject({ phase: 'voting', node: open.node, round: { number: open.round!.number, yourVote: null } });
    expect(lateView.lastPlayed).toEqual(view.lastPlayed);
    await room.voted(late, open.round!.number, open.round!.replies[1]!.reply);

    await room.voted(trainees[0]!, open.round!.number, open.round!.replies[2]!.reply);
    // A reload: the same token is the same participant, with the vote kept and changeable.
    const again = await room.traineeView(trainees[0]!);
    expect(again.round!.yourVote).toBe(open.round!.replies[2]!.reply);
    const changed = await room.voted(trainees[0]!, open.round!.number, open.round!.replies[1]!.reply);
    expect(changed.round!.yourVote).toBe(open.round!.replies[1]!.reply);
    view = await room.do(id, 'reveal');
    // One vote per trainee: the change replaced the first one.
    expect(view.round).toMatchObject({ votes: 2, majority: open.round!.replies[1]!.reply });
    expect(view.participants).toBe(2);
  });

  it('has no majority on a tie: the trainer picks, one of the tied replies or any other', async () => {
    const { id, trainees } = await roomWith(['Ana', 'Ben', 'Chloé', 'Dev']);
    const open = await room.do(id, 'open');
    const [a, b, c] = open.round!.replies.map((r) => r.reply);
    await room.voted(trainees[0]!, open.round!.number, a!);
    await room.voted(trainees[1]!, open.round!.number, a!);
    await room.voted(trainees[2]!, open.round!.number, b!);
    await room.voted(trainees[3]!, open.round!.number, b!);
    const message = await refused(await room.act(id, 'play', { play: 'majority' }), 409);
    expect(message).toContain('tied');
    expect(message).toContain(`"${[a!, b!].sort()[0]}"`);
    const revealed = await room.do(id, 'reveal');
    expect(revealed.round).toMatchObject({ majority: null, tied: [a!, b!].sort() });
    const played = await room.do(id, 'play', { play: c! });
    expect(played.lastPlayed).toMatchObject({ reply: c!, by: 'pick' });
    const [round] = (await room.debrief(id)).scenarios[0]!.rounds;
    expect(round).toMatchObject({ votes: 4, majority: null, tied: [a!, b!].sort(), split: true, overruled: false, played: { reply: c!, by: 'pick' } });
  });

  it("plays the trainer's pick over the majority, and the debrief says where the trainer overruled the room and where it split", async () => {
    const { id, trainees } = await roomWith(['Ana', 'Ben', 'Chloé']);
    let open = await room.do(id, 'open');
    let [a, b, c] = open.round!.replies.map((r) => r.reply);
    await room.voted(trainees[0]!, open.round!.number, a!);
    await room.voted(trainees[1]!, open.round!.number, a!);
    await room.voted(trainees[2]!, open.round!.number, b!);
    await room.do(id, 'play', { play: b! });
    open = await room.do(id, 'open');
    [a, b, c] = open.round!.replies.map((r) => r.reply);
    await room.voted(trainees[0]!, open.round!.number, a!);
    await room.voted(trainees[1]!, open.round!.number, b!);
    await room.voted(trainees[2]!, open.round!.number, c!);
    // Three ways: every reply ties for the most votes.
    await room.do(id, 'play', { play: c! });
    const rounds = (await room.debrief(id)).scenarios[0]!.rounds;
    expect(rounds.map((r) => ({ majority: r.majority, split: r.split, overruled: r.overruled, by: r.played.by }))).toEqual([
      { majority: rounds[0]!.replies.find((r) => r.count === 2)!.reply, split: false, overruled: true, by: 'pick' },
      { majority: null, split: true, overruled: false, by: 'pick' },
    ]);
  });

  it("closes voting at the deadline the session's timer setting gives, and can let time run out", async () => {
    const { id, trainees } = await roomWith(['Ana'], ['worn-once'], '2x');
    const open = await room.do(id, 'open');
    const limit = dialogue('worn-once', 'opening').timeLimitMs! * 2;
    expect(new Date(open.round!.deadline!).getTime() - new Date(open.round!.openedAt).getTime()).toBe(limit);
    expect(await refused(await room.act(id, 'play', { play: 'timeout' }), 409)).toMatch(/not run out/);
    clock.advance(limit - 1);
    await room.voted(trainees[0]!, open.round!.number, open.round!.replies[0]!.reply);
    clock.advance(1);
    expect((await room.trainerView(id)).phase).toBe('closed');
    expect((await room.traineeView(trainees[0]!)).round!.distribution).toBeNull();
    expect(await refused(await room.vote(trainees[0]!, open.round!.number, open.round!.replies[1]!.reply), 409)).toMatch(/closed/);
    const played = await room.do(id, 'play', { play: 'timeout' });
    const timeout = dialogue('worn-once', 'opening').onTimeout;
    expect(played.lastPlayed).toMatchObject({ reply: null, text: null, by: 'timeout' });
    expect(played.node).toBe(timeout.goto);
  });

  it('stops the voting clock while the session is paused, and goes on from where it stood on resume', async () => {
    const { id, trainees } = await roomWith(['Ana'], ['worn-once']);
    const open = await room.do(id, 'open');
    const deadline = new Date(open.round!.deadline!).getTime();
    const limit = deadline - new Date(open.round!.openedAt).getTime();
    clock.advance(limit - 5_000); // 5 s left
    expect((await room.api.trainer('POST', `/api/sessions/${id}/pause`)).status).toBe(200);
    clock.advance(10 * 60_000); // a long discussion, far past the deadline
    const paused = await room.trainerView(id);
    expect(paused.phase).toBe('voting');
    expect(deadline - new Date(paused.now).getTime()).toBe(5_000);
    expect(await refused(await room.vote(trainees[0]!, open.round!.number, open.round!.replies[0]!.reply), 409)).toMatch(/paused/);
    expect((await room.api.trainer('POST', `/api/sessions/${id}/resume`)).status).toBe(200);
    const resumed = await room.trainerView(id);
    expect(resumed.phase).toBe('voting');
    expect(new Date(resumed.round!.deadline!).getTime() - new Date(resumed.now).getTime()).toBe(5_000);
    await room.voted(trainees[0]!, open.round!.number, open.round!.replies[0]!.reply);
    clock.advance(5_000);
    expect((await room.trainerView(id)).phase).toBe('closed');
  });

  it('runs untimed with timers off: voting stays open until the trainer reveals', async () => {
    const { id, trainees } = await roomWith(['Ana'], ['worn-once'], 'off');
    const open = await room.do(id, 'open');
    expect(open.round!.deadline).toBeNull();
    clock.advance(10 * 60_000);
    expect((await room.voted(trainees[0]!, open.round!.number, open.round!.replies[0]!.reply)).phase).toBe('voting');
    expect(await refused(await room.act(id, 'play', { play: 'timeout' }), 409)).toMatch(/no time limit/);
  });

  it('refuses bad input with the right status and changes nothing', async () => {
    const { id, trainees } = await roomWith(['Ana']);
    const [ana] = trainees;
    const selfPaced = await room.api.createSession({ mode: 'self-paced' });
    const other = await room.api.join(selfPaced.code, 'Zoé');
    // Before any round.
    expect(await refused(await room.vote(ana!, 1, 'a'), 409)).toMatch(/not open/);
    expect(await refused(await room.act(id, 'reveal'), 409)).toMatch(/open voting/);
    expect(await refused(await room.act(id, 'play', { play: 'majority' }), 409)).toMatch(/open voting/);
    expect(await refused(await room.act(id, 'next'), 409)).toMatch(/not reached its ending/);
    // A self-paced session has no room, for the trainer or its trainees.
    expect(await refused(await room.api.trainer('GET', `/api/sessions/${selfPaced.id}/room`), 409)).toMatch(/self-paced/);
    expect(await refused(await room.act(selfPaced.id, 'open'), 409)).toMatch(/self-paced/);
    expect(await refused(await room.api.send('GET', '/api/room', undefined, { Authorization: `Bearer ${other.token}` }), 409)).toMatch(/self-paced/);
    // Keys, tokens and ids.
    await refused(await room.api.send('GET', `/api/sessions/${id}/room`), 401);
    await refused(await room.api.trainer('POST', `/api/sessions/${id}/room/open`, undefined, 'wrong-key'), 401);
    await refused(await room.api.send('GET', '/api/room', undefined, { Authorization: 'Bearer not-a-token' }), 401);
    await refused(await room.api.send('PUT', '/api/room/vote', { round: 1, reply: 'a' }), 401);
    await refused(await room.api.trainer('GET', '/api/sessions/not-a-uuid/room'), 400);
    await refused(await room.api.trainer('GET', '/api/sessions/00000000-0000-4000-8000-000000000000/room'), 404);

    const open = await room.do(id, 'open');
    const number = open.round!.number;
    expect(await refused(await room.act(id, 'open'), 409)).toMatch(/already open/);
    // Malformed votes.
    await refused(await room.api.send('PUT', '/api/room/vote', '{"round":', { Authorization: `Bearer ${ana!.token}`, 'Content-Type': 'application/json' }), 400);
    await refused(await room.api.send('PUT', '/api/room/vote', 'round=1', { Authorization: `Bearer ${ana!.token}`, 'Content-Type': 'text/plain' }), 415);
    await refused(await room.vote(ana!, number, 'z'), 400);
    await refused(await room.vote(ana!, 0, 'a'), 400);
    await refused(await room.api.send('PUT', '/api/room/vote', { round: number, reply: 'a', participantId: other.participantId }, { Authorization: `Bearer ${ana!.token}` }), 400);
    // Every scenario shipped offers three or four replies: "i" is never one of them.
    expect(await refused(await room.vote(ana!, number, 'i'), 400)).toMatch(/not offered/);
    expect(await refused(await room.vote(ana!, number + 1, 'a'), 409)).toMatch(/round/);
    // Plays.
    await refused(await room.act(id, 'play', { play: 'best' }), 400);
    await refused(await room.act(id, 'play', {}), 400);
    expect(await refused(await room.act(id, 'play', { play: 'i' }), 400)).toMatch(/not offered/);
    expect(await refused(await room.act(id, 'play', { play: 'majority' }), 409)).toMatch(/nobody has voted/);
    // Nothing changed: the round is open, without a vote.
    expect((await room.trainerView(id)).round).toMatchObject({ number, votes: 0 });

    // A paused session takes no vote; an ended one no change at all.
    await room.api.trainer('POST', `/api/sessions/${id}/pause`);
    expect(await refused(await room.vote(ana!, number, open.round!.replies[0]!.reply), 409)).toMatch(/paused/);
    await room.api.trainer('POST', `/api/sessions/${id}/end`);
    expect(await refused(await room.act(id, 'play', { play: open.round!.replies[0]!.reply }), 409)).toMatch(/ended/);
    expect((await room.trainerView(id)).round).toMatchObject({ number, votes: 0 });
    // A removed trainee's token stops working.
    await room.api.trainer('DELETE', `/api/sessions/${selfPaced.id}/participants/${other.participantId}`);
    await refused(await room.api.send('GET', '/api/room', undefined, { Authorization: `Bearer ${other.token}` }), 401);
  });

  it("streams live: the projector sees each vote, a phone sees the reveal, and a removed trainee's stream ends", async () => {
    const { id, trainees } = await roomWith(['Ana', 'Ben']);
    const projector = await EventStreamReader.open(`${server.url}/api/sessions/${id}/room/events`, 'test-trainer-key-0123456789abcdef');
    const phone = await EventStreamReader.open(`${server.url}/api/room/events`, trainees[0]!.token);
    const benPhone = await EventStreamReader.open(`${server.url}/api/room/events`, trainees[1]!.token);
    try {
      expect(await projector.next<TrainerRoomView>('room')).toMatchObject({ phase: 'ready' });
      expect(await phone.next('room')).toMatchObject({ phase: 'ready' });
      await benPhone.next('room');
      const open = await room.do(id, 'open');
      expect(await phone.next('room', (v: { phase: string }) => v.phase === 'voting')).toMatchObject({ round: { number: open.round!.number, yourVote: null } });
      await room.voted(trainees[1]!, open.round!.number, open.round!.replies[0]!.reply);
      expect(await projector.next<TrainerRoomView>('room', (v) => v.round?.votes === 1)).toMatchObject({ phase: 'voting', round: { distribution: null } });
      await room.do(id, 'reveal');
      const revealed = await phone.next<{ round: { distribution: { count: number }[] } }>('room', (v) => v.round?.distribution != null);
      expect(revealed.round.distribution.reduce((t, r) => t + r.count, 0)).toBe(1);
      await room.api.trainer('DELETE', `/api/sessions/${id}/participants/${trainees[1]!.participantId}`);
      // His vote went with him (a removed trainee's data is deleted): the trainer picks.
      expect((await room.trainerView(id)).round!.votes).toBe(0);
      await room.do(id, 'play', { play: open.round!.replies[0]!.reply });
      await benPhone.next('gone');
    } finally {
      projector.close();
      phone.close();
      benPhone.close();
    }
  });
});
