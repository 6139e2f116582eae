import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The test folders Stryker runs, cheapest first. With bail on (Stryker's
 * default), a mutant the quick unit tests kill never waits for the property
 * or CLI tests.
 */
const FOLDERS = ['scenario', 'scoring', 'engine', 'audit', 'cli', 'property'];

class CheapestFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => FOLDERS.findIndex((folder) => spec.moduleId.includes(`/tests/unit/${folder}/`));
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}

/**
 * The Vitest run Stryker uses (`npm run mutation`, see docs/quality.md): only
 * the test folders that exercise src/scenario and src/engine. The model-based
 * tests over every shipped scenario and the library checks are left out: they
 * take most of the suite's time and add little that the mutants need.
 */
export default defineConfig({
  test: {
    include: FOLDERS.map((folder) => `tests/unit/${folder}/**/*.test.ts`),
    setupFiles: ['tests/mutation/fast-check-budget.ts'],
    sequence: { sequencer: CheapestFirst },
    testTimeout: 30_000,
    isolate: false,
  },
});
