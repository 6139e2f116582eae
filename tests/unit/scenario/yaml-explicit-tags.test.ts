import { load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { YAML_12_CORE_SCHEMA } from '../../../src/scenario/yaml-core-schema.ts';

/**
 * A value with an explicit YAML 1.2 tag (`!!null`, `!!int`…) is handed to
 * the tag's type even when it is empty or quoted, so the fast reader's types
 * see `null` and "" there, not only plain words: they must read them as the
 * position-keeping reader does, or refuse them as it does.
 */
const fast = (value: string): unknown => (load(`v: ${value}\n`, { schema: YAML_12_CORE_SCHEMA }) as { v: unknown }).v;
const careful = (value: string): { value: unknown; refused: boolean } => {
  const document = parseDocument(`v: ${value}\n`);
  return { value: (document.toJS() as { v: unknown }).v, refused: document.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED') };
};

describe('explicit tags', () => {
  it.each(['!!null', '!!null ""', "!!null ''"])('reads %s as null, as the careful reader does', (value) => {
    expect(fast(value)).toBeNull();
    expect(careful(value)).toEqual({ value: null, refused: false });
  });

  it.each(['!!bool', '!!int', '!!float', '!!bool ""', '!!int ""', '!!float ""', '!!null x'])('refuses %s with a YAML error, as the careful reader does', (value) => {
    expect(() => fast(value)).toThrow(/cannot resolve a node with !<tag:yaml\.org,2002:\w+> explicit tag/);
    expect(careful(value).refused).toBe(true);
  });

  it.each([
    ['!!bool true', true], ['!!bool False', false], ['!!int 0x1F', 31], ['!!int 0o17', 15], ['!!int 012', 12], ['!!float -.Inf', -Infinity], ['!!float +.inf', Infinity],
  ])('reads %s as %s', (value, expected) => {
    expect(fast(value)).toBe(expected);
    expect(careful(value).value).toBe(expected);
  });
});
