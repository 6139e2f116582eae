// ESLint for the TypeScript sources, with type information (typescript-eslint).
// Run it with `npm run lint`; `npm test` counts it as one test.
//
// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7
// (the native compiler) no longer ships, so the project stays on TypeScript
// 6.0 for both `tsc` and this linter until typescript-eslint supports 7.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const useTheHelper = 'Parses text as markup. Set textContent, or build elements with h() from src/game/ui/dom.ts.';

export default defineConfig(
  globalIgnores([
    'node_modules/',
    'node_modules/.tactful-e2e/',
    'dist/',
    'test-results/',
    'playwright-report/',
    'tests/artifacts/',
    'coverage/',
    'reports/',
    '.stryker-tmp/',
  ]),
  {
    files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          // scripts/ is outside tsconfig.json's "include" (tsc does not check
          // it); lint it with tsconfig.json's compiler options all the same.
          allowDefaultProject: ['scripts/*.ts'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Scenario text comes from trainers' files: it must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: useTheHelper },
        { property: 'outerHTML', message: useTheHelper },
        { property: 'insertAdjacentHTML', message: useTheHelper },
      ],
    },
  },
);
