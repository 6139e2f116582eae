import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { recordOf, RESET_NOTICES, skippedNotice } from '../../../src/report/history.ts';
import { isPlayRecord, readPlayRecords, type PlayRecord } from '../../../src/report/play-record.ts';
import { compileFile } from '../helpers.ts';

/** Reading stored plays back: each record is checked on its own, and the menu is told what was left out. */
const compiled = compileFile('scenarios/missing-zero.yaml');

/** A record exactly as the game writes one, from a real play of a shipped scenario: one timeout, then the first reply shown, 2 s in. */
function realRecord(seed?: number): PlayRecord {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers: 'standard' });
  clock.advance(talk.view().deadline!.endsAt - clock.now());
  while (!talk.ended) {
    clock.advance(2_000);
    talk.reply(1);
  }
  const result = talk.result()!;
  talk.stop();
  return recordOf(result, compiled.scenario.title, 'standard', seed, new Date('2026-11-22T10:00:00Z'));
}

/** The record with `change` applied to a copy (deep enough for scores and choices). */
function changed(change: (r: PlayRecord) => void): unknown {
  const copy = structuredClone(realRecord(7));
  change(copy);
  return copy;
}

describe('a play record read back from the store', () => {
  it('is readable exactly as the game writes it, with or without a seed and an id', () => {
    expect(isPlayRecord(realRecord())).toBe(true);
    expect(isPlayRecord(realRecord(1234))).toBe(true);
    expect(isPlayRecord({ ...realRecord(), id: 12 })).toBe(true);
    expect(readPlayRecords([realRecord(5)]).records).toEqual([realRecord(5)]);
  });

  it('keeps speed unscored (null) when timers were off, and a scenario\u2019s extra dimensions', () => {
    expect(isPlayRecord(changed((r) => { r.scores.speed = null; r.timers = 'off'; }))).toBe(true);
    expect(isPlayRecord(changed((r) => { r.scores.empathy = 80; }))).toBe(true);
  });

  it.each([
    ['a NaN best score', (r: PlayRecord) => { r.scores.overall = NaN; }],
    ['an infinite best score', (r: PlayRecord) => { r.scores.overall = Infinity; }],
    ['a best score of a billion', (r: PlayRecord) => { r.scores.overall = 1_000_000_000; }],
    ['a negative score', (r: PlayRecord) => { r.scores.tact = -1; }],
    ['an extra dimension out of range', (r: PlayRecord) => { r.scores.empathy = 101; }],
    ['a score written as text', (r: PlayRecord) => { (r.scores as Record<string, unknown>).overall = '90'; }],
    ['no date', (r: PlayRecord) => { (r as Partial<PlayRecord>).date = undefined; }],
    ['a date that is not one', (r: PlayRecord) => { r.date = 'yesterday'; }],
    ['an unknown timer setting', (r: PlayRecord) => { (r as { timers: string }).timers = '3x'; }],
    ['an unknown outcome', (r: PlayRecord) => { (r as { outcome: string }).outcome = 'thrilled'; }],
    ['another record layout', (r: PlayRecord) => { (r as { format: number }).format = 2; }],
    ['an empty scenario id', (r: PlayRecord) => { r.scenario = ''; }],
    ['a pass mark of NaN', (r: PlayRecord) => { r.passMark = NaN; }],
    ['a reply time of NaN', (r: PlayRecord) => { r.choices[0]!.ms = NaN; }],
    ['choices that are not a list', (r: PlayRecord) => { (r as { choices: unknown }).choices = {}; }],
  ])('is skipped with %s', (_name, change) => {
    expect(isPlayRecord(changed(change))).toBe(false);
  });

  it.each([null, undefined, 42, 'a string', [], {}])('is skipped when it is not a record at all (%j)', (value) => {
    expect(isPlayRecord(value)).toBe(false);
  });
});

describe('reading every stored play', () => {
  it('leaves out only the bad records, keeps the good ones in order, and counts what it left out', () => {
    const good = [realRecord(1), realRecord(2), realRecord(3)];
    const bad = [changed((r) => { r.scores.overall = NaN; }), { format: 99, nonsense: 'x' }];
    const { records, skipped } = readPlayRecords([good[0], bad[0], good[1], bad[1], good[2]]);
    expect(records).toEqual(good);
    expect(skipped).toBe(2);
  });

  it('reads an empty store as no plays and nothing skipped', () => {
    expect(readPlayRecords([])).toEqual({ records: [], skipped: 0 });
  });
});

describe('what the menu is told', () => {
  it('says how many saved results were skipped, in words that agree with the number', () => {
    expect(skippedNotice(1)).toBe('1 saved result could not be read and was skipped.');
    expect(skippedNotice(3)).toBe('3 saved results could not be read and were skipped.');
  });

  it('names the real reason a store was reset: damaged, an older version, or a newer one', () => {
    expect(RESET_NOTICES.newer).toContain('newer version');
    expect(RESET_NOTICES.newer).not.toContain('older');
    expect(RESET_NOTICES.older).toContain('older version');
    expect(RESET_NOTICES.older).not.toContain('newer');
    expect(RESET_NOTICES.damaged).toContain('damaged');
    for (const notice of Object.values(RESET_NOTICES)) expect(notice).toMatch(/^Your saved history could not be read .*, so it has been reset\.$/);
  });
});
