import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

class ByName extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}

/**
 * The Vitest run for src/scenario's mutants (`npm run mutation`, first part):
 * only tests/unit/scenario. Nearly every test in the other folders reads a
 * scenario, so with them a surviving mutant in the parser or the analysis
 * re-ran 660 tests (50 s) instead of 460 (5 s), and the run took hours. A
 * mutant only the engine, CLI or property tests would notice survives here:
 * the score is a lower bound (docs/quality.md).
 */
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['tests/unit/scenario/**/*.test.ts'],
    setupFiles: ['tests/mutation/fast-check-budget.ts'],
    sequence: { sequencer: ByName },
    testTimeout: 120_000,
    isolate: false,
  },
});
