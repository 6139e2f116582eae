import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
    // Off unless asked for (`npm run coverage`), so `npm test` is not slowed down.
    coverage: {
      provider: 'v8',
      include: ['src/scenario/**/*.ts', 'src/engine/**/*.ts', 'src/audit/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
});
