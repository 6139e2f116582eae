import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests: the game in Chromium, played by role and name the way a
 * person does. Debian's Chromium is used when present (never downloaded).
 */
const chromium = '/usr/bin/chromium';
// PW_PORT lets two checkouts (or two people on one machine) run the suite side by side.
const PORT = Number(process.env.PW_PORT ?? 4173);
const E2E_DIST = PORT === 4173 ? 'node_modules/.tactful-e2e' : `node_modules/.tactful-e2e-${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: PORT === 4173 ? 'test-results' : `test-results-${PORT}`,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 } }],
  // The real static build (relative base, Phaser chunk), in "e2e" mode, which keeps the
  // test-only scenario hook that production builds strip.
  webServer: {
    command: `npx vite build --mode e2e --outDir ${E2E_DIST} --emptyOutDir --logLevel warn && npx vite preview --mode e2e --outDir ${E2E_DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
