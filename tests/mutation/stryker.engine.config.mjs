// `npm run mutation`, second part: src/engine (the runtime), tested by vitest.stryker.config.ts's folders.
import base from '../../stryker.config.json' with { type: 'json' };

export default {
  ...base,
  $schema: undefined,
  mutate: ['src/engine/**/*.ts', '!src/engine/index.ts'],
  incrementalFile: 'tests/mutation/results/engine.json',
  htmlReporter: { fileName: 'reports/mutation/engine.html' },
  jsonReporter: { fileName: 'reports/mutation/engine.json' },
  thresholds: { ...base.thresholds, break: 85 },
};
