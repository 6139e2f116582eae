import { describe, expect, it } from 'vitest';
import { LintScheduler } from '../../../src/studio/lint/lint-scheduler.ts';

/** A scheduler on a stepped clock: timers run when `advance` passes them. */
function setup(delayMs = 40) {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const sent: number[] = [];
  const scheduler = new LintScheduler(
    {
      now: () => now,
      setTimer: (run, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, run, id });
        return id;
      },
      clearTimer: (id) => (timers = timers.filter((t) => t.id !== id)),
      send: (version) => sent.push(version),
    },
    delayMs,
  );
  const advance = (ms: number): void => {
    now += ms;
    for (const due of timers.filter((t) => t.at <= now)) {
      timers = timers.filter((t) => t !== due);
      due.run();
    }
  };
  return { scheduler, sent, advance };
}

describe('when the live lint checks the file', () => {
  it('checks once typing pauses, not on every keystroke', () => {
    const { scheduler, sent, advance } = setup();
    for (let v = 1; v <= 5; v++) {
      scheduler.changed(v);
      advance(20);
    }
    expect(sent).toEqual([]);
    advance(40);
    expect(sent).toEqual([5]);
  });

  it('never starts a second check while one runs, and checks the latest text as soon as the worker is free', () => {
    const { scheduler, sent, advance } = setup();
    scheduler.changed(1);
    advance(40);
    expect(sent).toEqual([1]);
    scheduler.changed(2);
    advance(40);
    scheduler.changed(3);
    advance(40);
    expect(sent).toEqual([1]);
    expect(scheduler.checked(1)).toEqual({ version: 1, changedAt: 0 });
    expect(sent).toEqual([1, 3]);
  });

  it('reports when the newest keystroke a check saw was typed, for keystroke-to-problems', () => {
    const { scheduler, advance } = setup();
    advance(1000);
    scheduler.changed(1);
    advance(10);
    scheduler.changed(2);
    advance(40);
    expect(scheduler.checked(2)).toEqual({ version: 2, changedAt: 1010 });
  });

  it('ignores an answer to a check it did not start', () => {
    const { scheduler, advance } = setup();
    scheduler.changed(1);
    advance(40);
    expect(scheduler.checked(7)).toBeUndefined();
    expect(scheduler.busy).toBe(true);
  });
});
