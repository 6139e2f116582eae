import { describe, expect, it } from 'vitest';
import { AllDestinations, type ResultsDestination } from '../../../src/report/results.ts';

/** A destination that writes what it is told into `log`. */
function logging(name: string, log: string[], options: { failOn?: string } = {}): ResultsDestination {
  const call = (what: string): void => {
    if (options.failOn === what) throw new Error(`${name} failed`);
    log.push(`${name}:${what}`);
  };
  return {
    playStarted: () => call('started'),
    decisionMade: () => call('decision'),
    playFinished: () => (options.failOn === 'finished' ? Promise.reject(new Error(`${name} failed`)) : Promise.resolve(call('finished'))),
    playLeft: () => call('left'),
    pageClosing: () => call('closing'),
  };
}

describe('telling every destination', () => {
  it('tells each destination the page is closing, in order, skipping those with nothing to close', () => {
    const log: string[] = [];
    const historyLike: ResultsDestination = { playStarted() {}, decisionMade() {}, playFinished: () => Promise.resolve(), playLeft() {} };
    new AllDestinations([logging('a', log), historyLike, logging('b', log)]).pageClosing();
    expect(log).toEqual(['a:closing', 'b:closing']);
  });

  it('goes on past a destination that fails, handing its error over', async () => {
    const log: string[] = [];
    const errors: unknown[] = [];
    const all = new AllDestinations([logging('lms', log, { failOn: 'closing' }), logging('browser', log, { failOn: 'finished' }), logging('lrs', log)], (e) => errors.push(e));
    all.pageClosing();
    await all.playFinished({} as never, {} as never);
    expect(log).toEqual(['browser:closing', 'lrs:closing', 'lms:finished', 'lrs:finished']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['lms failed', 'browser failed']);
  });
});
