// `npm run mutation`, first part: src/scenario (the format), tested by tests/unit/scenario only.
import base from '../../stryker.config.json' with { type: 'json' };

export default {
  ...base,
  $schema: undefined,
  mutate: ['src/scenario/**/*.ts', '!src/scenario/index.ts', '!src/scenario/model.ts'],
  vitest: { configFile: 'tests/mutation/vitest.scenario.config.ts' },
  // Kept in git: a run re-tests only the mutants whose code or covering tests changed since.
  incrementalFile: 'tests/mutation/results/scenario.json',
  htmlReporter: { fileName: 'reports/mutation/scenario.html' },
  jsonReporter: { fileName: 'reports/mutation/scenario.json' },
  thresholds: { ...base.thresholds, break: 85 },
};
