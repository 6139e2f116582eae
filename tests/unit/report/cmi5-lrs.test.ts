import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Cmi5Destination } from '../../../src/report/cmi5/cmi5-destination.ts';
import type { ResultsDestination } from '../../../src/report/results.ts';
import { Outbox } from '../../../src/report/xapi/outbox.ts';
import { MemoryOutboxStore } from '../../../src/report/xapi/outbox-store.ts';
import { postStatements } from '../../../src/report/xapi/send-statements.ts';
import { VERBS } from '../../../src/report/xapi/vocabulary.ts';
import { startCmi5Launcher, PUBLISHER_ID, SESSION_ID, type Cmi5Launcher } from '../../support/cmi5-launcher.ts';
import { startLrs, type StoredStatement, type TestLrs } from '../../support/lrs.ts';
import { installNodeXhr } from '../../support/node-xhr.ts';
import { countingIds, passedResult, playOf, timedOutResult } from './xapi-play.ts';

/**
 * cmi5 with `@xapi/cmi5` against a real LRS behind a small LMS launcher
 * (fetch token, LMS.LaunchData, no learner preferences): initialized →
 * answered per decision → passed/failed with score.scaled → completed →
 * terminated, and nothing after terminated.
 */
let lrs: TestLrs;
let uninstallXhr: () => void;
beforeAll(async () => {
  uninstallXhr = installNodeXhr();
  lrs = await startLrs();
}, 60_000);
afterAll(async () => {
  uninstallXhr?.();
  await lrs?.stop();
});

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';

function memoryStorage(): { getItem(k: string): string | null; setItem(k: string, v: string): void; map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

async function session(launcher: Cmi5Launcher, storage = memoryStorage(), result = passedResult): Promise<{ statements: StoredStatement[]; errors: unknown[]; destination: Cmi5Destination; outbox: Outbox }> {
  const store = new MemoryOutboxStore();
  const outbox = new Outbox(store, postStatements, { scheduler: { setTimeout: () => 0, clearTimeout: () => {} }, connectivity: { online: () => true, onOnline: () => {} }, random: () => 0.5 });
  outbox.start();
  const errors: unknown[] = [];
  const destination = new Cmi5Destination({
    href: launcher.launchUrl('http://127.0.0.1:4312/index.html?scenario=worn-once&lms=cmi5'),
    outbox: Promise.resolve(outbox),
    storage,
    now: () => new Date('2026-11-23T09:05:00.000Z'),
    newId: countingIds(),
    onError: (e) => errors.push(e),
  });
  const play = playOf();
  // As the game calls it: through the one results interface.
  (destination as ResultsDestination).playStarted(play);
  result.decisions.forEach((d, i) => destination.decisionMade(play, d, result.decisions.slice(0, i + 1)));
  await destination.playFinished(play, result);
  await outbox.settled();
  expect(store.all()).toEqual([]);
  const statements = (await lrs.statements()).filter((s) => s.context?.registration === launcher.registration);
  return { statements, errors, destination, outbox };
}

describe('cmi5 through @xapi/cmi5', () => {
  it('records initialized, one answered per decision, passed with score.scaled, completed, terminated, in order', async () => {
    const launcher = await startCmi5Launcher(lrs.endpoint, { masteryScore: passedResult.passMark / 100, returnURL: 'https://lms.example/course' });
    try {
      const { statements, errors, destination } = await session(launcher);
      expect(errors).toEqual([]);
      const n = passedResult.decisions.length;
      expect(statements.map((s) => s.verb.id)).toEqual([VERBS.initialized.id, ...Array<string>(n).fill(VERBS.answered.id), VERBS.passed.id, VERBS.completed.id, TERMINATED]);
      for (const s of statements) {
        expect(s.actor.account).toEqual(launcher.actor.account);
        expect(s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(SESSION_ID);
        expect(s.context?.contextActivities?.grouping).toEqual([expect.objectContaining({ id: PUBLISHER_ID })]);
      }
      const defined = [statements[0]!, ...statements.slice(n + 1)];
      for (const s of defined) {
        expect(s.object.id).toBe(launcher.activityId);
        expect(s.context?.contextActivities?.category).toEqual(expect.arrayContaining([expect.objectContaining({ id: CMI5_CATEGORY })]));
      }
      const answered = statements.slice(1, n + 1);
      for (const s of answered) {
        // cmi5 "allowed" statements carry no cmi5 category, and hang under the AU.
        expect(s.context?.contextActivities?.category).toBeUndefined();
        expect(s.context?.contextActivities?.parent).toEqual([expect.objectContaining({ id: launcher.activityId })]);
        expect(s.object.definition).toMatchObject({ interactionType: 'choice' });
      }
      const passed = statements[n + 1]!;
      expect(passed.result).toMatchObject({ success: true, score: { scaled: passedResult.scores.overall / 100, raw: passedResult.scores.overall, min: 0, max: 100 } });
      expect(passed.context?.contextActivities?.category).toEqual(expect.arrayContaining([expect.objectContaining({ id: MOVE_ON_CATEGORY })]));
      expect(passed.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(passedResult.passMark / 100);
      expect(statements[n + 2]!.result?.completion).toBe(true);
      expect(launcher.fetches()).toBe(1);
      expect(await destination.returnUrl()).toBe('https://lms.example/course');
    } finally {
      await launcher.stop();
    }
  }, 60_000);

  it('a failed play says failed with its score, then completed and terminated; nothing after terminated', async () => {
    const launcher = await startCmi5Launcher(lrs.endpoint, {});
    try {
      const { statements, errors, destination, outbox } = await session(launcher, memoryStorage(), timedOutResult);
      expect(errors).toEqual([]);
      const verbs = statements.map((s) => s.verb.id);
      expect(verbs.slice(-3)).toEqual([VERBS.failed.id, VERBS.completed.id, TERMINATED]);
      expect(statements.at(-3)!.result).toMatchObject({ success: false, score: { scaled: timedOutResult.scores.overall / 100 } });
      // A second play in the same launch: the session is over, nothing more is recorded.
      const play = playOf({ playId: '9b2f3c4d-1e2f-4a5b-8c6d-7e8f9a0b1c2d' });
      // As the game calls it: through the one results interface.
  (destination as ResultsDestination).playStarted(play);
      destination.decisionMade(play, timedOutResult.decisions[0]!, timedOutResult.decisions.slice(0, 1));
      await destination.playFinished(play, timedOutResult);
      await outbox.settled();
      expect((await lrs.statements()).filter((s) => s.context?.registration === launcher.registration)).toHaveLength(statements.length);
    } finally {
      await launcher.stop();
    }
  }, 60_000);

  it('a reload of the same launch resumes the session: no second token, no second initialized', async () => {
    const launcher = await startCmi5Launcher(lrs.endpoint, {});
    try {
      const storage = memoryStorage();
      const store = new MemoryOutboxStore();
      const outbox = new Outbox(store, postStatements, { scheduler: { setTimeout: () => 0, clearTimeout: () => {} }, connectivity: { online: () => true, onOnline: () => {} }, random: () => 0.5 });
      outbox.start();
      const open = (): Cmi5Destination =>
        new Cmi5Destination({ href: launcher.launchUrl('http://127.0.0.1:4312/index.html?lms=cmi5'), outbox: Promise.resolve(outbox), storage, now: () => new Date(), newId: countingIds(), onError: (e) => { throw e; } });
      const first = open();
      const play = playOf();
      first.decisionMade(play, passedResult.decisions[0]!, passedResult.decisions.slice(0, 1));
      const ours = async (): Promise<string[]> => (await lrs.statements()).filter((s) => s.context?.registration === launcher.registration).map((s) => s.verb.id);
      await vi.waitFor(async () => expect(await ours()).toEqual([VERBS.initialized.id, VERBS.answered.id]));
      // The page reloads: a new destination on the same launch address and session storage.
      const second = open();
      await second.playFinished(play, passedResult);
      await outbox.settled();
      expect(await ours()).toEqual([VERBS.initialized.id, VERBS.answered.id, VERBS.passed.id, VERBS.completed.id, TERMINATED]);
      expect(launcher.fetches()).toBe(1);
    } finally {
      await launcher.stop();
    }
  }, 60_000);

  it('a launch without the cmi5 parameters says what is missing and records nothing', () => {
    const errors: unknown[] = [];
    new Cmi5Destination({ href: 'http://127.0.0.1:4312/index.html?lms=cmi5&endpoint=x', outbox: new Promise(() => {}), storage: memoryStorage(), now: () => new Date(), newId: countingIds(), onError: (e) => errors.push(e) });
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('missing "fetch", "actor", "registration", "activityId"');
  });
});
