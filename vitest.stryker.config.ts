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
    exclude: [
      // Replaces node:fs with vi.mock, which cannot work with `isolate: false`
      // once another file has loaded the CLI with the real fs. It tests the
      // CLI's handling of unreadable files, not src/scenario or src/engine.
      'tests/unit/cli/unreadable-files.test.ts',
      // Counts its runs (at least 300 of each kind out of 3,000), so the
      // per-property budget of fast-check-budget.ts fails it even without a
      // mutant, and run in full it takes 10-40 s per mutant.
      'tests/unit/property/schema-fast-path.test.ts',
      // Changes the working folder (process.chdir), which Vitest's worker threads refuse. It tests
      // where `tactful new` writes a file, not src/scenario or src/engine.
      'tests/unit/cli/new-command.test.ts',
    ],
    setupFiles: ['tests/mutation/fast-check-budget.ts'],
    sequence: { sequencer: CheapestFirst },
    // On a busy 2-core machine a property test can pass 30 s in the initial run, and a failed initial run stops Stryker.
    testTimeout: 120_000,
    isolate: false,
  },
});
