import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteCase, FUZZ_SEED } from './cases.ts';
import { originalsByName } from './corpus.ts';
import { findingLines, fuzzCases } from './run-cases.ts';
import { BYTE_CASES_PER_SCENARIO, FUZZ_TEST_TIMEOUT_MS, UNIT_PATHS_WORK_BUDGET } from './settings.ts';

const originals = originalsByName();

// Flipped bits, inserted and deleted bytes, truncation, tabs, NULs, invalid
// UTF-8, CRLF and lone CR, byte order marks, YAML's special characters and
// odd Unicode, duplicated, deleted, swapped and re-indented lines.
describe('byte mutations of every shipped scenario (fast-check, fixed seed)', () => {
  it.each([...originals.keys()].map((name, i) => ({ name, seed: FUZZ_SEED + i })))(
    '$name: lint, graph, paths and the game loader never crash and place every problem in the file',
    async ({ name, seed }) => {
      const cases = fc.sample(byteCase(fc.constant(name)), { seed, numRuns: BYTE_CASES_PER_SCENARIO });
      const report = await fuzzCases(cases, originals, { pathsWorkBudget: UNIT_PATHS_WORK_BUDGET });
      expect(findingLines(report), `seed ${seed}`).toEqual([]);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
