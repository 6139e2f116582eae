import { describe, expect, it } from 'vitest';
import { Outbox, retryDelay, type LrsResponse, type OutboxStatus } from '../../../src/report/xapi/outbox.ts';
import { MemoryOutboxStore, type LrsTarget } from '../../../src/report/xapi/outbox-store.ts';
import type { XapiStatement } from '../../../src/report/xapi/statement.ts';

const target: LrsTarget = { endpoint: 'https://lrs.example/xapi/', authorization: 'Basic a2V5OnNlY3JldA==' };

function statement(n: number): XapiStatement {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actor: { objectType: 'Agent', account: { homePage: 'https://training.example', name: 'Sam' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    object: { objectType: 'Activity', id: `https://training.example/scenarios/worn-once/decisions/d${n}` },
    timestamp: '2026-11-23T09:00:00.000Z',
  };
}

/** Timers stepped by hand: nothing waits for real time. */
class SteppedScheduler {
  now = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, run, id });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };
  /** The delays of the timers waiting now. */
  pending(): number[] {
    return this.timers.map((t) => t.at - this.now);
  }
  advance(ms: number): void {
    this.now += ms;
    const due = this.timers.filter((t) => t.at <= this.now);
    this.timers = this.timers.filter((t) => t.at > this.now);
    for (const t of due) t.run();
  }
}

/**
 * A pretend LRS: keeps statements by id as an LRS does (a known id is not
 * stored again), answers with scripted statuses, and can lose its answer
 * after storing (the case that makes resending necessary).
 */
class PretendLrs {
  stored: XapiStatement[] = [];
  requests: string[][] = [];
  /** Each request's endpoint and credentials. */
  targets: string[] = [];
  /** Scripted answers for the next requests: a status, 'down' (no answer), or 'store-then-drop' (stored, answer lost). */
  script: (number | 'down' | 'store-then-drop')[] = [];
  send = (target: LrsTarget, statements: readonly XapiStatement[]): Promise<LrsResponse> => {
    this.requests.push(statements.map((s) => s.id.slice(-2)));
    this.targets.push(`${target.endpoint} ${target.authorization}`);
    const next = this.script.shift() ?? 200;
    if (next === 'down') return Promise.reject(new TypeError('Failed to fetch'));
    if (next === 'store-then-drop' || next === 200) {
      for (const s of statements) if (!this.stored.some((k) => k.id === s.id)) this.stored.push(s);
      return next === 200 ? Promise.resolve({ status: 200, message: '' }) : Promise.reject(new TypeError('Failed to fetch'));
    }
    return Promise.resolve({ status: next, message: next === 400 ? 'bad statement' : '' });
  };
}

function setUp(options: { online?: boolean; batchSize?: number } = {}) {
  const store = new MemoryOutboxStore();
  const lrs = new PretendLrs();
  const scheduler = new SteppedScheduler();
  let online = options.online ?? true;
  const onlineListeners: (() => void)[] = [];
  const connectivity = { online: () => online, onOnline: (l: () => void) => onlineListeners.push(l) };
  const make = (): Outbox => new Outbox(store, lrs.send, { scheduler, connectivity, random: () => 0.5, batchSize: options.batchSize ?? 25, firstRetryMs: 1000, longestRetryMs: 60_000 });
  const outbox = make();
  const statuses: OutboxStatus[] = [];
  outbox.onStatus((s) => statuses.push(s));
  const goOnline = (): void => {
    online = true;
    for (const l of onlineListeners) l();
  };
  const goOffline = (): void => {
    online = false;
  };
  return { store, lrs, scheduler, outbox, statuses, make, goOnline, goOffline };
}

describe('the outbox', () => {
  it('sends statements in the order made, batched, and forgets them once the LRS has them', async () => {
    const { outbox, lrs, store, statuses } = setUp({ batchSize: 2 });
    outbox.start();
    await outbox.add([statement(1), statement(2), statement(3)], target);
    await outbox.settled();
    expect(lrs.requests).toEqual([['01', '02'], ['03']]);
    expect(lrs.stored.map((s) => s.id.slice(-2))).toEqual(['01', '02', '03']);
    expect(store.all()).toEqual([]);
    expect(statuses.at(-1)).toEqual({ waiting: 0, rejected: 0, offline: false });
  });

  it('retries with exponential backoff and jitter while the LRS is unreachable, later statements waiting behind', async () => {
    const { outbox, lrs, scheduler, statuses } = setUp();
    lrs.script = ['down', 'down', 503, 429];
    outbox.start();
    await outbox.add([statement(1)], target);
    await outbox.settled();
    expect(scheduler.pending()).toEqual([750]); // half of 1 s plus jitter 0.5 × half
    await outbox.add([statement(2)], target); // waits for the retry, not sent on its own
    await outbox.settled();
    expect(lrs.requests).toEqual([['01']]);
    expect(statuses.at(-1)).toEqual({ waiting: 2, rejected: 0, offline: false });
    for (const delay of [750, 1500, 3000]) {
      expect(scheduler.pending()).toEqual([delay]);
      scheduler.advance(delay);
      await outbox.settled();
    }
    scheduler.advance(6000);
    await outbox.settled();
    expect(lrs.requests).toEqual([['01'], ['01', '02'], ['01', '02'], ['01', '02'], ['01', '02']]);
    expect(lrs.stored.map((s) => s.id.slice(-2))).toEqual(['01', '02']);
    expect(statuses.at(-1)).toEqual({ waiting: 0, rejected: 0, offline: false });
    expect(scheduler.pending()).toEqual([]);
  });

  it('delivers exactly once when the LRS stored a batch but its answer was lost: the resend has the same ids', async () => {
    const { outbox, lrs, scheduler } = setUp();
    lrs.script = ['store-then-drop'];
    outbox.start();
    await outbox.add([statement(1), statement(2)], target);
    await outbox.settled();
    scheduler.advance(750);
    await outbox.settled();
    expect(lrs.requests).toEqual([['01', '02'], ['01', '02']]);
    expect(lrs.stored.map((s) => s.id.slice(-2))).toEqual(['01', '02']);
  });

  it('counts a 409 Conflict for a single statement as delivered (the LRS already has that id)', async () => {
    const { outbox, lrs, store } = setUp();
    lrs.script = [409];
    outbox.start();
    await outbox.add([statement(1)], target);
    await outbox.settled();
    expect(store.all()).toEqual([]);
  });

  it('sends a batch answered 409 again one statement at a time, so the others still arrive', async () => {
    const { outbox, lrs, store } = setUp();
    lrs.script = [409, 200, 409, 200];
    outbox.start();
    await outbox.add([statement(1), statement(2), statement(3)], target);
    await outbox.settled();
    expect(lrs.requests).toEqual([['01', '02', '03'], ['01'], ['02'], ['03']]);
    expect(store.all()).toEqual([]);
  });

  it('keeps a statement the LRS refuses (4xx) as rejected, reports it, never retries it, and sends the rest', async () => {
    const { outbox, lrs, store, scheduler, statuses } = setUp();
    lrs.script = [400, 200, 400, 200];
    outbox.start();
    await outbox.add([statement(1), statement(2), statement(3)], target);
    await outbox.settled();
    expect(lrs.requests).toEqual([['01', '02', '03'], ['01'], ['02'], ['03']]);
    expect(store.all()).toEqual([expect.objectContaining({ state: 'rejected', rejection: 'HTTP 400: bad statement', statement: statement(2) })]);
    expect(statuses.at(-1)).toEqual({ waiting: 0, rejected: 1, offline: false });
    expect(scheduler.pending()).toEqual([]);
    await outbox.add([statement(4)], target);
    await outbox.settled();
    expect(lrs.requests.at(-1)).toEqual(['04']);
  });

  it('waits while the browser is offline and sends as soon as it is back online, without waiting out a backoff', async () => {
    const { outbox, lrs, scheduler, statuses, goOffline, goOnline } = setUp();
    lrs.script = ['down'];
    outbox.start();
    await outbox.add([statement(1)], target);
    await outbox.settled();
    goOffline();
    scheduler.advance(750);
    await outbox.settled();
    await outbox.add([statement(2)], target);
    await outbox.settled();
    expect(lrs.requests).toEqual([['01']]);
    expect(statuses.at(-1)).toEqual({ waiting: 2, rejected: 0, offline: true });
    goOnline();
    await outbox.settled();
    expect(lrs.requests).toEqual([['01'], ['01', '02']]);
    expect(statuses.at(-1)).toEqual({ waiting: 0, rejected: 0, offline: false });
  });

  it('after a reload, a new outbox on the same store sends what the last one left', async () => {
    const { outbox, lrs, store, make } = setUp();
    lrs.script = ['down'];
    outbox.start();
    await outbox.add([statement(1), statement(2)], target);
    await outbox.settled();
    expect(store.all()).toHaveLength(2);
    const reloaded = make();
    reloaded.start();
    await reloaded.settled();
    expect(lrs.stored.map((s) => s.id.slice(-2))).toEqual(['01', '02']);
    expect(store.all()).toEqual([]);
  });

  it('never mixes LRSs or credentials in one request', async () => {
    // Offline first, so all four wait in the outbox together.
    const { outbox, lrs, goOnline } = setUp({ online: false });
    const other: LrsTarget = { endpoint: 'https://other.example/xapi/', authorization: 'Basic b3RoZXI6b3RoZXI=' };
    outbox.start();
    await outbox.add([statement(1), statement(2)], target);
    await outbox.add([statement(3)], other);
    await outbox.add([statement(4)], { ...target, authorization: 'Basic bmV3OnNlY3JldA==' });
    expect(lrs.requests).toEqual([]);
    goOnline();
    await outbox.settled();
    expect(lrs.requests).toEqual([['01', '02'], ['03'], ['04']]);
    expect(lrs.targets).toEqual([`${target.endpoint} ${target.authorization}`, `${other.endpoint} ${other.authorization}`, `${target.endpoint} Basic bmV3OnNlY3JldA==`]);
  });

  it.each([
    [1, 0, 500],
    [1, 0.999, 1000],
    [3, 0.5, 3000],
    [20, 1, 60_000],
  ])('retry %i with jitter %f waits %i ms (first 1 s, doubling, at most a minute)', (attempt, random, ms) => {
    expect(retryDelay(attempt, random, 1000, 60_000)).toBe(Math.round(ms));
  });
});
