import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../src/scenario/source.ts';

/** Plain scalars the two readers could disagree on: YAML 1.1 leftovers, number forms, booleans, nulls. */
const trickyScalar = fc.oneof(
  fc.constantFrom(
    '0b10', '0o17', '0x1F', '0X1F', '017', '1_000', '+5', '-0', '.5', '5.', '1e3', '1E-3', '+.inf', '-.Inf', '.NaN', '.nan',
    'true', 'True', 'TRUE', 'yes', 'Yes', 'on', 'off', 'no', 'y', 'n', '~', 'null', 'Null', 'NULL', '', '1:30', '2026-11-22',
    '12e', '0x', '0o8', '--1', '1.2.3', 'inf', 'nan', '0.1e+10', '00', '-12', '3.14159',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.stringMatching(/^[-+.0-9eExXoObB_a-fA-F:]{1,8}$/),
);

describe('the two YAML readers', () => {
  it('read every plain scalar the same way (the fast path and the position-keeping path)', () => {
    fc.assert(
      fc.property(trickyScalar, (scalar) => {
        const text = `tact: ${scalar}\nsay: ok\n`;
        const careful = parseDocument(text, { strict: true, uniqueKeys: false });
        if (careful.errors.length > 0) return; // not valid YAML: both paths report it
        const fast = readSource('x.yaml', text).source?.data;
        expect(fast).toEqual(careful.toJS());
      }),
      { numRuns: 2_000 },
    );
  });

  it('read 0b10 as text, not the number 2, whatever else is in the file', () => {
    const plain = readSource('x.yaml', 'tact: 0b10\n').source!.data;
    const withAnchor = readSource('x.yaml', 'tact: 0b10\nother: &a 1\nmore: *a\n').source!.data;
    expect(plain).toEqual({ tact: '0b10' });
    expect(withAnchor).toMatchObject({ tact: '0b10' });
  });
});
