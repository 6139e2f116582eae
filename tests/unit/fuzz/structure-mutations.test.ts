import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED, structureCase } from './cases.ts';
import { originalsByName } from './corpus.ts';
import { findingLines, fuzzCases } from './run-cases.ts';
import { FUZZ_TEST_TIMEOUT_MS, STRUCTURE_CASES_PER_SCENARIO, UNIT_PATHS_WORK_BUDGET } from './settings.ts';

const originals = originalsByName();

// Parsed, then keys deleted, duplicated, swapped and renamed, types changed,
// huge numbers and strings, deep nesting, gotos to missing nodes, cycles,
// duplicate ids, anchors and aliases (alias bombs too), long chains, ids that
// Object.prototype already has, broken expressions, tags, extra documents;
// written out again.
describe('structure mutations of every shipped scenario (fast-check, fixed seed)', () => {
  it.each([...originals.keys()].map((name, i) => ({ name, seed: FUZZ_SEED + 1_000 + i })))(
    '$name: lint, graph, paths and the game loader never crash and place every problem in the file',
    async ({ name, seed }) => {
      const cases = fc.sample(structureCase(fc.constant(name), 'unit'), { seed, numRuns: STRUCTURE_CASES_PER_SCENARIO });
      const report = await fuzzCases(cases, originals, { pathsWorkBudget: UNIT_PATHS_WORK_BUDGET });
      expect(findingLines(report), `seed ${seed}`).toEqual([]);
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
