import { describe, expect, it } from 'vitest';
import { countWords, parseDuration, readingAllowanceMs } from '../../../src/scenario/index.ts';

/** Edges of the two timing helpers: durations in a file, and the reading allowance behind the speed score. */
describe('durations at their edges', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses the number %d of seconds', (seconds) => {
    expect(parseDuration(seconds)).toBeUndefined();
  });

  it('reads "none" with spaces around it as untimed', () => {
    expect(parseDuration(' none ')).toBeNull();
  });
});

describe('counting words for the reading allowance', () => {
  it('ignores spaces before, between and after words', () => {
    expect(countWords('  Hello   there \n')).toBe(2);
    expect(countWords('   ')).toBe(0);
  });

  it('allows 240 ms a word (250 words per minute) plus 2 s, whatever the spacing', () => {
    expect(readingAllowanceMs(' Where is my refund? ', ['  Let me check.', 'Sorry '])).toBe(2000 + 8 * 240);
  });
});
