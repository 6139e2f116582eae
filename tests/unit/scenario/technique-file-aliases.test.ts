import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/scenario/techniques.ts';

/**
 * A techniques file is read with a tighter alias limit (50) than the YAML
 * reader's default (100): a handful of shared entries is fine, a file that
 * repeats one entry through dozens of aliases is refused before it can grow.
 */
const withAliases = (count: number): string =>
  `shared: &entry { kind: good, tip: Stay calm }\ntechniques:\n${Array.from({ length: count }, (_, i) => `  calm-${i}: *entry`).join('\n')}\n`;

describe('aliases in the techniques file', () => {
  it('are read when there are a few of them', () => {
    const { catalogue, problems } = buildCatalogue(withAliases(10));
    expect(problems).toEqual([]);
    expect(catalogue.get('calm-9')).toMatchObject({ kind: 'good', tip: 'Stay calm' });
  });

  it('are refused past 50, well before the reader\u2019s own limit of 100', () => {
    const { catalogue, problems } = buildCatalogue(withAliases(60));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^cannot read the techniques file: Excessive alias count/);
    expect(catalogue.has('calm-0')).toBe(false);
  });
});
