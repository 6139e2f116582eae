import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteMutation, BYTE_MUTATION_KINDS } from './byte-mutations.ts';
import { FUZZ_SEED, type FuzzCase } from './cases.ts';
import { originalsByName } from './corpus.ts';
import { findingLines, fuzzCases } from './run-cases.ts';
import { FUZZ_TEST_TIMEOUT_MS, UNIT_PATHS_WORK_BUDGET } from './settings.ts';
import { structureMutation, STRUCTURE_MUTATION_KINDS } from './structure-mutations.ts';

const originals = originalsByName();
const names = [...originals.keys()];

// The random tests may go a whole run without drawing a rare kind; here each
// kind is drawn once (fixed seed), on a scenario picked in turn.
describe('every kind of mutation, once', () => {
  it.each(BYTE_MUTATION_KINDS.map((kind, i) => ({ kind, i })))('bytes: $kind', async ({ kind, i }) => {
    const [mutation] = fc.sample(byteMutation.filter((m) => m.kind === kind), { seed: FUZZ_SEED + 2_000 + i, numRuns: 1 });
    const c: FuzzCase = { kind: 'bytes', scenario: names[i % names.length]!, bytes: [mutation!], twin: i % 5 === 0 };
    const report = await fuzzCases([c], originals, { pathsWorkBudget: UNIT_PATHS_WORK_BUDGET });
    expect(findingLines(report), JSON.stringify(mutation)).toEqual([]);
  }, FUZZ_TEST_TIMEOUT_MS);

  it.each(STRUCTURE_MUTATION_KINDS.map((kind, i) => ({ kind, i })))('structure: $kind', async ({ kind, i }) => {
    const [mutation] = fc.sample(structureMutation('unit').filter((m) => m.kind === kind), { seed: FUZZ_SEED + 3_000 + i, numRuns: 1 });
    const c: FuzzCase = { kind: 'structure', scenario: names[(i + 7) % names.length]!, structure: [mutation!], bytes: [], twin: i % 5 === 0 };
    const report = await fuzzCases([c], originals, { pathsWorkBudget: UNIT_PATHS_WORK_BUDGET });
    expect(findingLines(report), JSON.stringify(mutation).slice(0, 300)).toEqual([]);
  }, FUZZ_TEST_TIMEOUT_MS);
});
