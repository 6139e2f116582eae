import { describe, expect, it } from 'vitest';
import { decisionId, replyCode } from '../../../src/report/decision-ids.ts';
import { description2004, duration2004, scaledScore, timeOfDay12, timespan12, timestamp2004 } from '../../../src/report/scorm/scorm-values.ts';

// The types' patterns as the standards define them (SCORM 1.2 RTE appendix A; SCORM 2004 4th ed. RTE appendix C).
const CMI_TIMESPAN_12 = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const CMI_TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIMEINTERVAL_2004 = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const TIMESTAMP_2004 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}(Z|[+-]\d{2}(:\d{2})?)$/;

describe('SCORM 1.2 time spans (CMITimespan)', () => {
  it('write hours, minutes, seconds and hundredths', () => {
    expect(timespan12(3_723_450)).toBe('01:02:03.45');
    expect(timespan12(0)).toBe('00:00:00.00');
    expect(timespan12(999)).toBe('00:00:00.99');
  });

  it('never overstate a time (hundredths are rounded down) and never go negative', () => {
    expect(timespan12(1_239)).toBe('00:00:01.23');
    expect(timespan12(-5)).toBe('00:00:00.00');
  });

  it('stop at the type\'s 9999 hours', () => {
    expect(timespan12(10_000 * 3_600_000)).toBe('9999:59:59.99');
  });

  it('match the type for any time', () => {
    for (const ms of [0, 7, 59_999, 3_600_000, 36_000_000, 123_456_789]) expect(timespan12(ms)).toMatch(CMI_TIMESPAN_12);
  });
});

describe('SCORM 2004 durations (timeinterval, ISO 8601)', () => {
  it('leave out the parts that are zero, with at most two decimals on the seconds', () => {
    expect(duration2004(3_723_450)).toBe('PT1H2M3.45S');
    expect(duration2004(1_500)).toBe('PT1.5S');
    expect(duration2004(60_000)).toBe('PT1M');
    expect(duration2004(0)).toBe('PT0S');
    expect(duration2004(1_234)).toBe('PT1.23S');
  });

  it('match the type for any time', () => {
    for (const ms of [0, 7, 59_999, 3_600_000, 36_000_001, 123_456_789]) expect(duration2004(ms)).toMatch(TIMEINTERVAL_2004);
  });
});

describe('interaction times', () => {
  it('are a time of day in SCORM 1.2 (CMITime)', () => {
    expect(timeOfDay12(new Date(2025, 0, 1, 9, 5, 7))).toBe('09:05:07');
    expect(timeOfDay12(new Date(2025, 0, 1, 23, 59, 59))).toMatch(CMI_TIME_12);
  });

  it('are a UTC timestamp in SCORM 2004, the zone after a fraction of a second as the type requires', () => {
    expect(timestamp2004(new Date(Date.UTC(2025, 0, 1, 9, 5, 7, 250)))).toBe('2025-01-01T09:05:07.25Z');
    expect(timestamp2004(new Date(Date.UTC(2025, 0, 1, 9, 5, 7, 0)))).toBe('2025-01-01T09:05:07.0Z');
    expect(timestamp2004(new Date(Date.UTC(2031, 11, 31, 23, 59, 59, 999)))).toMatch(TIMESTAMP_2004);
  });
});

describe('decision ids', () => {
  it('are scenario, node and the decision\'s number in the play', () => {
    expect(decisionId('worn-once', 'greet', 1)).toBe('worn-once.greet.1');
  });

  it('replace anything a SCORM 1.2 identifier cannot hold', () => {
    expect(decisionId('worn-once', 'a node', 2)).toBe('worn-once.a_node.2');
  });

  it('keep their end (node and number) within 255 characters', () => {
    const id = decisionId('s', 'n'.repeat(300), 12);
    expect(id).toHaveLength(255);
    expect(id.endsWith('n.12')).toBe(true);
  });
});

describe('reply codes', () => {
  it('are a–z by the reply\'s position in the file', () => {
    expect([1, 2, 9, 26].map(replyCode)).toEqual(['a', 'b', 'i', 'z']);
  });

  it('refuse a position with no letter', () => {
    expect(() => replyCode(0)).toThrow(RangeError);
    expect(() => replyCode(27)).toThrow(RangeError);
  });
});

describe('SCORM 2004 descriptions (the customer\'s line)', () => {
  it('are one line', () => {
    expect(description2004('Hi.\nI want  a refund.', 'en')).toBe('Hi. I want a refund.');
  });

  it('are shortened to 250 characters with an ellipsis', () => {
    const long = description2004('word '.repeat(100), 'en');
    expect([...long]).toHaveLength(250);
    expect(long.endsWith('…')).toBe(true);
  });

  it('get a language tag when they start with "{", which would be read as one', () => {
    expect(description2004('{sigh} Fine.', 'en-GB')).toBe('{lang=en-GB}{sigh} Fine.');
  });
});

describe('scaled scores', () => {
  it('are the overall score out of 1', () => {
    expect(scaledScore(88)).toBe('0.88');
    expect(scaledScore(100)).toBe('1');
    expect(scaledScore(0)).toBe('0');
  });
});
