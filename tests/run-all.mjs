#!/usr/bin/env node
// Runs every test runner the project has — type check, lint, Vitest, Playwright —
// and ends with one line of totals: "N passed, N failed".
// Each runner still prints its own report; this script only adds them up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = join('tests', 'artifacts', 'results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let broken = false;

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// 1. Type check (strict TypeScript) counts as one test.
if (run('Type check (tsc --noEmit)', bin('tsc'), ['--noEmit']) === 0) passed++;
else failed++;

// 2. Lint (ESLint with type information, eslint.config.js) counts as one test.
if (run('Lint (eslint .)', bin('eslint'), ['.']) === 0) passed++;
else failed++;

// 3. Unit, scenario, CLI, model-based and property tests.
const vitestJson = join(out, 'vitest.json');
const vitestStatus = run('Vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (vitestStatus !== 0 && report.numFailedTests === 0) broken = true;
} else broken = true;

// 4. End-to-end tests in Chromium.
if (existsSync('playwright.config.ts')) {
  const pwJson = join(out, 'playwright.json');
  const pwStatus = run('Playwright', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const stats = JSON.parse(readFileSync(pwJson, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    if (pwStatus !== 0 && !(stats.unexpected > 0)) broken = true;
  } else broken = true;
}

if (broken) {
  console.log('\nA test runner stopped before reporting its results (see its output above).');
  failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
