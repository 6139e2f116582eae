import { describe, expect, it } from 'vitest';
import { MAX_SHUFFLE_SEED, newShuffleSeed, parseShuffleSeed } from '../../../src/engine/index.ts';

/**
 * Shuffle seeds as people write them (`?seed=N` in a link, `--shuffle N` on
 * the command line): a whole number from 0 to 2^31 − 1, written in digits
 * only, or nothing at all; and fresh seeds drawn from the randomness the
 * caller passes.
 */
describe('a shuffle seed written as text', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['007', 7],
    ['2147483647', MAX_SHUFFLE_SEED],
  ])('reads %s', (text, seed) => {
    expect(parseShuffleSeed(text)).toBe(seed);
  });

  it.each([
    ['one past the largest seed', '2147483648'],
    ['ten digits above the largest seed', '9999999999'],
    ['eleven digits', '00000000001'],
    ['a sign', '-1'],
    ['a fraction', '1.5'],
    ['letters after the digits', '12abc'],
    ['letters before the digits', 'abc12'],
    ['a space before the digits', ' 7'],
    ['nothing', ''],
  ])('refuses %s', (_, text) => {
    expect(parseShuffleSeed(text)).toBeNull();
  });
});

describe('a fresh shuffle seed', () => {
  it('scales the caller\u2019s random number in 0..1 to a whole seed that reads back', () => {
    expect(newShuffleSeed(() => 0)).toBe(0);
    const middle = newShuffleSeed(() => 0.5);
    expect(middle).toBe(1_073_741_823);
    expect(parseShuffleSeed(String(middle))).toBe(middle);
    const top = newShuffleSeed(() => 0.999_999_9);
    expect(top).toBeLessThan(MAX_SHUFFLE_SEED);
    expect(top).toBeGreaterThan(MAX_SHUFFLE_SEED - 1_000);
  });
});
