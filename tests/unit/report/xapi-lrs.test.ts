import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debriefOf } from '../../../src/engine/index.ts';
import { Outbox } from '../../../src/report/xapi/outbox.ts';
import { MemoryOutboxStore } from '../../../src/report/xapi/outbox-store.ts';
import { basicAuthorization, postStatements } from '../../../src/report/xapi/send-statements.ts';
import { learnerAgent } from '../../../src/report/xapi/learner.ts';
import { EXTENSIONS, VERBS } from '../../../src/report/xapi/vocabulary.ts';
import { XapiDestination } from '../../../src/report/xapi/xapi-destination.ts';
import { startLrs, type TestLrs } from '../../support/lrs.ts';
import { catalogue } from '../helpers.ts';
import { passedResult, playOf, countingIds } from './xapi-play.ts';

/**
 * The xAPI destination against a real LRS (Learning Locker's
 * xapi-statements, in memory): what the game reports arrives, in order,
 * with the ids it was given and the debrief's scores.
 */
let lrs: TestLrs;
beforeAll(async () => {
  lrs = await startLrs();
}, 60_000);
afterAll(async () => {
  await lrs?.stop();
});

const noTimers = { setTimeout: () => 0, clearTimeout: () => {} };

function destinationFor(outbox: Outbox, newId: () => string, errors: unknown[]): XapiDestination {
  const storage = new Map<string, string>();
  return new XapiDestination({
    outbox: Promise.resolve(outbox),
    target: { endpoint: lrs.endpoint, authorization: basicAuthorization('tactful', 'test') },
    actor: Promise.resolve(learnerAgent('Sam Lee', 'http://127.0.0.1:4312', { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, v) }, newId)),
    activityBase: 'http://127.0.0.1:4312/',
    now: () => new Date('2026-11-23T09:05:00.000Z'),
    newId,
    onError: (e) => errors.push(e),
  });
}

describe('xAPI to a real LRS', () => {
  it('a play arrives in order: initialized, one answered per decision, passed, completed, with the debrief\'s scores', async () => {
    const store = new MemoryOutboxStore();
    const outbox = new Outbox(store, postStatements, { scheduler: noTimers, connectivity: { online: () => true, onOnline: () => {} }, random: () => 0.5 });
    outbox.start();
    const ids = countingIds('00000000');
    const errors: unknown[] = [];
    const destination = destinationFor(outbox, ids, errors);
    const play = playOf();
    destination.playStarted(play);
    passedResult.decisions.forEach((d, i) => destination.decisionMade(play, d, passedResult.decisions.slice(0, i + 1)));
    await destination.playFinished(play, passedResult);
    await outbox.settled();

    expect(errors).toEqual([]);
    expect(store.all()).toEqual([]);
    const stored = await lrs.statements();
    const n = passedResult.decisions.length;
    expect(stored.map((s) => s.id)).toEqual(Array.from({ length: n + 3 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`));
    expect(stored.map((s) => s.verb.id)).toEqual([VERBS.initialized.id, ...Array<string>(n).fill(VERBS.answered.id), VERBS.passed.id, VERBS.completed.id]);
    expect(stored[0]!.actor.account).toEqual({ homePage: 'http://127.0.0.1:4312', name: 'Sam Lee' });
    expect(stored[0]!.object.id).toBe('http://127.0.0.1:4312/scenarios/worn-once');
    const debrief = debriefOf(playOf().compiled, passedResult, catalogue);
    expect(stored.slice(1, n + 1).map((s) => s.result?.score?.raw)).toEqual(debrief.decisions.map((d) => d.tact));
    expect(stored.slice(1, n + 1).map((s) => s.result?.success)).toEqual(debrief.decisions.map((d) => d.wasBest));
    expect(stored[n + 1]!.result).toMatchObject({ success: true, score: { scaled: passedResult.scores.overall / 100, raw: passedResult.scores.overall, min: 0, max: 100 } });
    expect(stored.every((s) => s.context?.registration === play.playId && s.context.extensions?.[EXTENSIONS.playId] === play.playId)).toBe(true);
  });

  it('a statement sent twice (an answer lost on the way back) is stored once: the LRS knows its id', async () => {
    const before = (await lrs.statements()).length;
    const store = new MemoryOutboxStore();
    let posts = 0;
    // The first POST reaches the LRS but its answer is "lost"; the outbox sends the same statements again.
    const losingFirstAnswer: typeof postStatements = async (target, statements) => {
      const response = await postStatements(target, statements);
      if (++posts === 1) throw new TypeError('Failed to fetch');
      return response;
    };
    let retry: (() => void) | null = null;
    const outbox = new Outbox(store, losingFirstAnswer, {
      scheduler: { setTimeout: (run) => (retry = run), clearTimeout: () => {} },
      connectivity: { online: () => true, onOnline: () => {} },
      random: () => 0.5,
    });
    outbox.start();
    const ids = (): (() => string) => {
      let k = 0;
      return () => `11111111-0000-4000-8000-${String(++k).padStart(12, '0')}`;
    };
    const destination = destinationFor(outbox, ids(), []);
    destination.playStarted(playOf({ playId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }));
    await destination.playFinished(playOf({ playId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }), passedResult);
    await outbox.settled();
    expect(retry).not.toBeNull();
    retry!();
    await outbox.settled();
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(store.all()).toEqual([]);
    const stored = (await lrs.statements()).slice(before);
    expect(stored.map((s) => s.id)).toEqual(['11111111-0000-4000-8000-000000000001', '11111111-0000-4000-8000-000000000002', '11111111-0000-4000-8000-000000000003']);
  });

  it('a statement the LRS refuses is kept as rejected with the LRS\'s reason, and the next ones still arrive', async () => {
    const store = new MemoryOutboxStore();
    const outbox = new Outbox(store, postStatements, { scheduler: noTimers, connectivity: { online: () => true, onOnline: () => {} }, random: () => 0.5 });
    outbox.start();
    const good = { id: '22222222-0000-4000-8000-000000000001', actor: { objectType: 'Agent' as const, account: { homePage: 'http://127.0.0.1:4312', name: 'Sam' } }, verb: VERBS.initialized, object: { objectType: 'Activity' as const, id: 'http://127.0.0.1:4312/scenarios/x' }, timestamp: '2026-11-23T09:00:00.000Z' };
    const bad = { ...good, id: '22222222-0000-4000-8000-000000000002', verb: { id: 'not an IRI' } };
    const after = { ...good, id: '22222222-0000-4000-8000-000000000003' };
    await outbox.add([good, bad, after], { endpoint: lrs.endpoint, authorization: basicAuthorization('tactful', 'test') });
    await outbox.settled();
    expect(store.all()).toEqual([expect.objectContaining({ state: 'rejected', statement: bad, rejection: expect.stringMatching(/^HTTP 400/) as string })]);
    const ids = (await lrs.statements()).map((s) => s.id);
    expect(ids).toContain(good.id);
    expect(ids).toContain(after.id);
    expect(ids).not.toContain(bad.id);
  });
});
