import { load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../src/scenario/source.ts';
import { YAML_12_CORE_SCHEMA } from '../../../src/scenario/yaml-core-schema.ts';

/**
 * How the fast reader (js-yaml with the YAML 1.2 core schema) reads plain
 * values, one example at a time: nulls, booleans and numbers exactly as the
 * position-keeping reader (`yaml`) reads them, and words that only start or
 * end like one of those stay text. The property test in
 * tests/unit/property/yaml-readers.test.ts samples the same ground at random.
 */
const fast = (value: string): unknown => (load(`v: ${value}\n`, { schema: YAML_12_CORE_SCHEMA }) as { v: unknown }).v;
const careful = (value: string): unknown => (parseDocument(`v: ${value}\n`).toJS() as { v: unknown }).v;

describe('plain values the fast reader resolves', () => {
  it.each([
    ['null', null], ['Null', null], ['NULL', null], ['~', null], ['', null],
    ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
    ['12', 12], ['-12', -12], ['+5', 5], ['0o17', 15], ['0x1F', 31], ['0xff', 255],
    ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['-1.5E-1', -0.15],
    ['.inf', Infinity], ['+.Inf', Infinity], ['-.INF', -Infinity],
  ])('reads %j as %j, as the careful reader does', (value, expected) => {
    expect(fast(value)).toEqual(expected);
    expect(careful(value)).toEqual(expected);
  });

  it('reads .nan as not-a-number, as the careful reader does', () => {
    expect(fast('.nan')).toBeNaN();
    expect(fast('.NaN')).toBeNaN();
    expect(careful('.nan')).toBeNaN();
  });
});

describe('plain values that only look like a null, a boolean or a number', () => {
  it.each([
    'nonull', 'nullable', 'Null2', '~x', 'n',
    'ttrue', 'truest', 'untrue', 'falsetrue', 'Falsey', 'yes', 'on',
    '0b10', '017x', '0o8', '0x', '1_000', '12e', '1.2.3', 'inf', 'nan', '-nan', 'x.inf',
  ])('keeps %j as text (or reads it exactly as the careful reader does)', (value) => {
    expect(fast(value)).toEqual(careful(value));
    expect(typeof fast(value)).toBe(typeof careful(value));
  });

  it('keeps words that begin or end with "null", "true" or "false" as text', () => {
    expect(fast('nonull')).toBe('nonull');
    expect(fast('nullable')).toBe('nullable');
    expect(fast('ttrue')).toBe('ttrue');
    expect(fast('truest')).toBe('truest');
    expect(fast('Falsey')).toBe('Falsey');
  });
});

describe('a clean scenario file read through the fast path', () => {
  it('gives the same values as the careful reader, octal and hexadecimal numbers included', () => {
    const text = 'tact: 0o17\nmood: 0x1F\nnote: ~\nflag: True\nrate: -.inf\nname: nullable\n';
    expect(readSource('x.yaml', text).source?.data).toEqual(parseDocument(text).toJS());
    expect(readSource('x.yaml', text).source?.data).toEqual({ tact: 15, mood: 31, note: null, flag: true, rate: -Infinity, name: 'nullable' });
  });
});
