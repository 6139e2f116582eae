/**
 * Studio map benchmark: how long the map's layout takes (ELK, layered, in
 * its worker) for generated scenarios of 200 and 2,000 nodes, and the frame
 * times of panning and zooming the laid-out map, in a production build in
 * headless Chromium at 1280×720. `runStudioMapBench()` returns a "### Map"
 * markdown block (the caller puts it in docs/performance.md); alone:
 * `npx tsx bench/studio-map.ts`.
 *
 * The layout time is the page's `studio:map-layout` measure: from handing
 * the graph to the worker to having its answer. The first layout of a page
 * includes starting the worker (ELK's code is compiled as the page loads
 * it); a second one, after an edit that changes an arrow, is the time a
 * trainer waits while writing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BIG_MAP_ABOVE } from '../src/map/big-map-layout.ts';
import { generateScenario } from './generate.ts';
import { serveBuild } from './static-server.ts';
import { keepStudioDraft } from './studio-draft.ts';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 720 };
/** 140 (143 boxes with its endings): about the largest map ELK lays out (src/map/big-map-layout.ts); 200 and 2,000: issue 11's sizes, laid out by the big-map layout. */
const SIZES = [140, 200, 2000] as const;
/** Targets from issue 11 (none for 140: shown for what ELK costs on a tangled file). */
const LAYOUT_TARGET_MS: Record<number, number | undefined> = { 200: 300, 2000: 3000 };
const FRAME_TARGET_MS = 17;
/** A layout of a big generated file can take a while on a loaded machine: this only keeps a broken page from hanging. */
const PATIENCE_MS = 180_000;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;

/** The durations of the page's map layouts so far. */
async function layouts(page: Page): Promise<number[]> {
  return await page.evaluate<number[]>(`performance.getEntriesByName('studio:map-layout').map((e) => e.duration)`);
}

/** Opens the studio with `text` as the kept draft, and waits for its map. */
async function openWithDraft(page: Page, url: string, text: string): Promise<void> {
  await page.goto(`${url}studio.html`);
  await page.locator('#map-note').filter({ hasText: /nodes?,/ }).waitFor({ timeout: PATIENCE_MS });
  await keepStudioDraft(page, { name: 'bench.yaml', text, keptAt: Date.now() });
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('studio:map-layout').length > 0, undefined, { timeout: PATIENCE_MS, polling: 50 });
}

/** Retargets the first `goto:` of the file to the start node (a changed arrow: the map is laid out again). */
async function changeAnArrow(page: Page): Promise<void> {
  const line = page.locator('.cm-line', { hasText: /^\s+goto: n\d+$/ }).first();
  const target = (await line.textContent())!.trim().slice('goto: '.length);
  await line.click();
  await page.keyboard.press('End');
  for (let i = 0; i < target.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('n0');
  await page.waitForFunction(() => performance.getEntriesByName('studio:map-layout').length > 1, undefined, { timeout: PATIENCE_MS, polling: 50 });
}

/** Frame intervals (ms) while the map is dragged and wheel-zoomed for `seconds`. */
async function panZoomFrames(page: Page, seconds: number): Promise<number[]> {
  const canvas = page.locator('#map-canvas');
  const box = (await canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: keeps the bundler's helpers out of the page.
  const frames = page.evaluate<number[]>(`new Promise((resolve) => {
    const out = []; let last = performance.now(); const end = last + ${seconds * 1000};
    const tick = (now) => { out.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(out.slice(1)); };
    requestAnimationFrame(tick);
  })`);
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < seconds * 1000 - 200) {
    // Half a second of dragging in a circle, then a few wheel notches in and out, over and over.
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 20; i++) await page.mouse.move(cx + 80 * Math.cos((step + i) / 3), cy + 60 * Math.sin((step + i) / 3));
    await page.mouse.up();
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, i < 3 ? -120 : 120);
    step += 20;
  }
  return await frames;
}

interface MapFigures {
  nodes: number;
  /** Boxes on the map: the nodes and the endings. */
  boxes: number;
  edges: number;
  firstMs: number;
  againMs: number;
  frames: { fitted: number[]; readable: number[] };
}

async function measure(browser: Browser, url: string, nodes: number): Promise<MapFigures> {
  const { yaml } = generateScenario({ nodes, seed: 1 });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    await openWithDraft(page, url, yaml);
    const [firstMs] = await layouts(page);
    await changeAnArrow(page);
    const againMs = (await layouts(page))[1]!;
    // Arrows off screen are not drawn (map-view.ts): the count comes from the layout's measure.
    const edges = await page.evaluate<number>(`performance.getEntriesByName('studio:map-layout').at(-1).detail.edges`);
    const boxes = await page.locator('.map-node').count();
    // The first view (a readable zoom, texts shown), then the whole map fitted (texts hidden below 0.4).
    await page.locator('#map-canvas').focus();
    const readable = await panZoomFrames(page, 4);
    await page.getByRole('button', { name: 'Fit' }).click();
    const fitted = await panZoomFrames(page, 4);
    return { nodes, boxes, edges, firstMs: firstMs!, againMs, frames: { fitted, readable } };
  } finally {
    await context.close();
  }
}

/** The scripts a page loads before anyone touches it (workers included), with their size on disk and gzipped. */
async function initialScripts(browser: Browser, url: string, page: string, ready: (p: Page) => Promise<void>, dist: string): Promise<{ files: string[]; raw: number; gzip: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const tab = await context.newPage();
  const files = new Set<string>();
  tab.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) files.add(path.slice(1));
  });
  try {
    await tab.goto(`${url}${page}`);
    await ready(tab);
    await tab.waitForTimeout(1000);
  } finally {
    await context.close();
  }
  // The service worker's own script and its precache fetches are not the page's code.
  const list = [...files].filter((f) => !/^(sw|workbox-)/.test(basename(f))).sort();
  let raw = 0;
  let gzip = 0;
  for (const f of list) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: list, raw, gzip };
}

/** Runs the benchmark and returns the "### Map" markdown block. */
export async function runStudioMapBench(): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'tactful-bench-map-'));
  let browser: Browser | undefined;
  let server: { close(): void } | undefined;
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', work, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
    const served = await serveBuild(work, { compress: false });
    server = served.server;
    browser = await chromium.launch({ ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}), args: ARGS });
    const results: MapFigures[] = [];
    for (const nodes of SIZES) results.push(await measure(browser, served.url, nodes));
    const gameJs = await initialScripts(browser, served.url, 'index.html', (p) => p.getByRole('heading', { level: 1 }).first().waitFor(), work);
    const studioJs = await initialScripts(browser, served.url, 'studio.html', (p) => p.locator('#map-note').filter({ hasText: /nodes?,/ }).waitFor({ timeout: PATIENCE_MS }), work);

    const ms = (n: number): string => `${n.toFixed(0)} ms`;
    const f = (n: number): string => `${n.toFixed(1)} ms`;
    const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');
    const p = (frames: number[]): { p50: number; p95: number } => {
      const sorted = [...frames].sort((a, b) => a - b);
      return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
    };
    const rows = results.flatMap((r) => {
      const target = LAYOUT_TARGET_MS[r.nodes];
      const readable = p(r.frames.readable);
      const fitted = p(r.frames.fitted);
      const against = (n: number): string => (target === undefined ? 'no target (ELK)' : `< ${ms(target)}: ${verdict(n < target)}`);
      return [
        `| ${r.nodes.toLocaleString('en-GB')} nodes, ${r.boxes.toLocaleString('en-GB')} boxes (${r.edges.toLocaleString('en-GB')} arrows) | first layout${r.boxes > BIG_MAP_ABOVE ? ' (big-map layout, on the page)' : ' (ELK, worker start included)'} | ${ms(r.firstMs)} | ${against(r.firstMs)} |`,
        `| | layout after an edit | ${ms(r.againMs)} | ${against(r.againMs)} |`,
        `| | pan/zoom frames at a readable zoom, p50 / p95 | ${f(readable.p50)} / ${f(readable.p95)} | p95 < ${FRAME_TARGET_MS} ms: ${verdict(readable.p95 < FRAME_TARGET_MS)} |`,
        `| | pan/zoom frames, whole map fitted, p50 / p95 | ${f(fitted.p50)} / ${f(fitted.p95)} | p95 < ${FRAME_TARGET_MS} ms: ${verdict(fitted.p95 < FRAME_TARGET_MS)} |`,
      ];
    });
    const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
    const studioInGame = gameJs.files.filter((f) => basename(f).startsWith('studio'));
    return [
      '### Initial JavaScript: the studio and the game',
      '',
      'Every script each page fetches until it is ready (the menu shown; the studio with its map drawn), workers included, measured on the same build; sizes on disk and gzipped.',
      '',
      '| Page | Scripts | Size | Gzipped |',
      '| --- | ---: | ---: | ---: |',
      `| Game (index.html, the menu) | ${gameJs.files.length} | ${kb(gameJs.raw)} | ${kb(gameJs.gzip)} |`,
      `| Studio (studio.html, the template's map drawn) | ${studioJs.files.length} | ${kb(studioJs.raw)} | ${kb(studioJs.gzip)} |`,
      '',
      studioInGame.length === 0
        ? 'The game\'s menu loads none of the studio\'s scripts (no `studio-*` chunk): the editor, the lint and audit workers and ELK are the studio\'s alone.'
        : `**The game's menu loaded studio code:** ${studioInGame.join(', ')}.`,
      '',
      '### Map',
      '',
      `Measured by \`bench/studio-map.ts\` on ${new Date().toISOString().slice(0, 10)}: a production build served from 127.0.0.1, headless Chromium ${browser.version()} (software rendering, \`--disable-gpu\`), ${VIEWPORT.width}×${VIEWPORT.height}, generated scenarios (\`bench/generate.ts\`, seed 1: forward jumps of up to 20 nodes and loops back, far more tangled than a hand-written file). Layout is the page's \`studio:map-layout\` measure: up to ${BIG_MAP_ABOVE} boxes the graph sent to ELK's worker and the positions back; above, the big-map layout (layers along the conversation, each long or backward arrow ending at a tag naming its target; src/map/big-map-layout.ts) on the page's thread. Arrows and jump tags are drawn only around the part of the map on screen, and none when over 1,500 would be (a hint then says to zoom in; src/studio/map/map-view.ts); frames are requestAnimationFrame intervals while the map is dragged and wheel-zoomed for 4 s.`,
      '',
      '| Scenario | | Figure | Target |',
      '| --- | --- | ---: | --- |',
      ...rows,
      '',
    ].join('\n');
  } finally {
    await browser?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  runStudioMapBench().then((block) => console.log(block), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
