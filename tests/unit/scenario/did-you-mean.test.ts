import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../../src/scenario/suggest.ts';

describe('"did you mean" hints', () => {
  it('count the edits between two words', () => {
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'ab')).toBe(1);
    expect(editDistance('ab', 'abc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('suggest the closest candidate, ignoring case, and the first one on a tie', () => {
    expect(closestMatch('Moood', ['mood', 'mode'])).toBe('mood');
    expect(closestMatch('cat', ['bat', 'hat'])).toBe('bat');
    expect(closestMatch('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('suggest nothing when every candidate is too far off', () => {
    expect(closestMatch('colour', ['goto', 'say', 'tact'])).toBeUndefined();
    // The default allowance is a third of the word (at least 2): 4 edits for 12 letters.
    expect(closestMatch('abcdefghijkl', ['zzzzzzzzzzzz'])).toBeUndefined();
    expect(closestMatch('abcdefghijkl', ['abcdefghwxyz'])).toBe('abcdefghwxyz');
    expect(closestMatch('abcdefghijkl', ['abcdefgvwxyz'])).toBeUndefined();
  });

  it('accept a candidate exactly as many letters longer as the allowance', () => {
    expect(closestMatch('ab', ['abcd'])).toBe('abcd');
    expect(closestMatch('ab', ['abcde'])).toBeUndefined();
    expect(closestMatch('tact', ['tactic'], 1)).toBeUndefined();
  });

  it('end an undefined-variable message with the declared name it was likely meant to be', () => {
    const declared = ['patience', 'offers', 'mood'];
    expect(`"patiense" is not a declared variable${didYouMean('patiense', declared)}`).toBe('"patiense" is not a declared variable; did you mean "patience"?');
    expect(didYouMean('Offers', declared)).toBe('; did you mean "offers"?');
    expect(didYouMean('checkedReceipt', declared)).toBe('');
  });
});
