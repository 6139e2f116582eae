/**
 * Phone benchmark: Lighthouse's mobile run (its default: a mid-range phone,
 * simulated slow 4G and 4× CPU slowdown) on the production build served
 * with gzip, and a repeat visit with the network off. Run from `npm run
 * bench` (which calls `runLighthouseBench()`), or alone: `npx tsx
 * bench/lighthouse.ts [--runs N]`.
 *
 * Returns a markdown section, "## Phone (Lighthouse) and offline".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveBuild, type ServedBuild } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The targets from the "practice anywhere" issue. */
export const PHONE_TARGETS = { performance: 95, fcpMs: 1800, ttiMs: 2500, accessibility: 100, bestPractices: 100 };


interface PhoneRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  ttiMs: number;
  lcpMs: number;
  tbtMs: number;
  kib: number;
}

async function lighthouseRun(url: string): Promise<PhoneRun> {
  const chrome = await launch({ chromePath: existsSync(CHROMIUM) ? CHROMIUM : undefined, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (id: string): number => Math.round((categories[id]?.score ?? 0) * 100);
    const value = (id: string): number => audits[id]?.numericValue ?? NaN;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcpMs: value('first-contentful-paint'),
      ttiMs: value('interactive'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      kib: value('total-byte-weight') / 1024,
    };
  } finally {
    chrome.kill();
  }
}

/** A first visit online, then the same page with the network off: is the menu interactive, and does a conversation open? */
async function offlineVisit(url: string): Promise<{ menuMs: number; conversation: boolean; precached: number }> {
  const browser = await chromium.launch({ ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}), args: FLAGS.filter((f) => !f.startsWith('--headless')) });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Choose a scenario' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      let count = 0;
      for (const name of names) count += (await (await caches.open(name)).keys()).length;
      return count;
    });
    await context.setOffline(true);
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('tactful:menu-interactive').length > 0, undefined, { timeout: 30_000 });
    const menuMs = await page.evaluate(() => performance.getEntriesByName('tactful:menu-interactive')[0]!.startTime);
    let conversation = false;
    try {
      await page.getByRole('button', { name: 'The missing zero' }).click();
      await page.getByRole('button', { name: 'Start conversation' }).click();
      await page.getByRole('group', { name: 'Your reply' }).getByRole('button').first().waitFor({ timeout: 60_000 });
      conversation = true;
    } catch {
      conversation = false;
    }
    return { menuMs, conversation, precached };
  } finally {
    await browser.close();
  }
}

const medianOf = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Builds the game, runs Lighthouse `runs` times and the offline visit once, and returns the markdown section. */
export async function runLighthouseBench(runs = 3): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'tactful-lighthouse-'));
  let server: ServedBuild['server'] | undefined;
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', work, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
    const served = await serveBuild(work, { compress: true });
    server = served.server;
    const results: PhoneRun[] = [];
    for (let i = 0; i < runs; i++) results.push(await lighthouseRun(served.url));
    const offline = await offlineVisit(served.url);
    const m = (key: keyof PhoneRun): number => medianOf(results.map((r) => r[key]));
    const range = (key: keyof PhoneRun, format: (n: number) => string): string => {
      const values = results.map((r) => r[key]).sort((a, b) => a - b);
      return values[0] === values.at(-1) ? format(values[0]!) : `${format(values[0]!)}–${format(values.at(-1)!)}`;
    };
    const s = (n: number): string => `${(n / 1000).toFixed(2)} s`;
    const n0 = (n: number): string => n.toFixed(0);
    const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');
    const t = PHONE_TARGETS;
    return [
      '## Phone (Lighthouse) and offline',
      '',
      `Measured by \`bench/lighthouse.ts\` on ${new Date().toISOString().slice(0, 10)}: the production build (\`vite build\`) served from 127.0.0.1 with gzip, Lighthouse ${lighthouseVersion()} in its default mobile mode (simulated slow 4G, 4× CPU slowdown), Debian Chromium, ${runs} runs (median; range in brackets). Before this work (issue "practice anywhere"): performance 84–85, FCP 3.2–3.3 s, TTI 3.4–3.6 s, 657 KiB.`,
      '',
      '| | Result | Target |',
      '| --- | --- | --- |',
      `| Performance | **${n0(m('performance'))}** (${range('performance', n0)}) | ≥ ${t.performance}: ${verdict(m('performance') >= t.performance)} |`,
      `| First contentful paint | **${s(m('fcpMs'))}** (${range('fcpMs', s)}) | ≤ ${s(t.fcpMs)}: ${verdict(m('fcpMs') <= t.fcpMs)} |`,
      `| Time to interactive | **${s(m('ttiMs'))}** (${range('ttiMs', s)}) | ≤ ${s(t.ttiMs)}: ${verdict(m('ttiMs') <= t.ttiMs)} |`,
      `| Largest contentful paint / total blocking time | ${s(m('lcpMs'))} / ${n0(m('tbtMs'))} ms | |`,
      `| Accessibility | ${n0(m('accessibility'))} | ${t.accessibility}: ${verdict(m('accessibility') >= t.accessibility)} |`,
      `| Best practices | ${n0(m('bestPractices'))} | ${t.bestPractices}: ${verdict(m('bestPractices') >= t.bestPractices)} |`,
      `| SEO | ${n0(m('seo'))} | |`,
      `| Transferred on the first visit (Lighthouse's total byte weight) | ${m('kib').toFixed(0)} KiB | |`,
      `| Repeat visit, network off: menu interactive | ${offline.menuMs.toFixed(0)} ms (service worker precache: ${offline.precached} files) | interactive offline: ${verdict(Number.isFinite(offline.menuMs))} |`,
      `| Repeat visit, network off: a scenario opens and its conversation starts | ${offline.conversation ? 'yes' : 'no'} | ${verdict(offline.conversation)} |`,
      '',
      'The menu, briefing and debrief are plain DOM in a small entry chunk; Phaser (the conversation\'s stage), the engine with the scenarios, and the avatar generator are separate chunks the page prefetches at idle (`<link rel="prefetch">`, fetched without running) and runs only when a briefing opens. Sounds are fetched the first time each one plays.',
    ].join('\n');
  } finally {
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function lighthouseVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as { version: string }).version;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) || 3 : 3;
  process.stdout.write(`${await runLighthouseBench(runs)}\n`);
}
