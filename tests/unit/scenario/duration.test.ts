import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/scenario/index.ts';

describe('durations', () => {
  it.each([
    [15, 15_000], ['15', 15_000], ['15s', 15_000], ['1.5s', 1500], ['500ms', 500], ['1m', 60_000], [0.25, 250],
  ])('reads %j as %i ms', (source, ms) => expect(parseDuration(source)).toBe(ms));

  it('reads "none" as untimed', () => expect(parseDuration('none')).toBeNull());

  it.each(['soon', '15 minutes', '-3s', '0s', ''])('refuses %j', (source) => expect(parseDuration(source)).toBeUndefined());
});
