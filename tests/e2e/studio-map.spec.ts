import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { generateScenario } from '../../bench/generate.ts';
import { twoRepliesEach } from '../fixtures/studio/two-replies-each.ts';
import { openStudioOn } from './harness/studio-on.ts';
import { ARTIFACTS, expect, test } from './helpers.ts';
import { keepStudioDraft } from '../../bench/studio-draft.ts';

/**
 * The studio's map (src/studio/map) in the built page, under its
 * Content-Security-Policy: the template's conversation drawn by ELK in its
 * worker; a click or Enter on a box puts the editor's cursor on its line,
 * the cursor's box is highlighted, edits redraw the map (and a file with
 * errors keeps the last good one), the linter's findings are marked, and
 * the panel passes axe at desktop and phone size. Screenshots go to
 * tests/artifacts/studio-map-*.png (and docs/images/studio-map.png).
 */
const ROOT = join(import.meta.dirname, '..', '..');
/** The scenario the studio is opened on (a kept draft): the tests know its lines. */
const TEMPLATE = twoRepliesEach('new-scenario');
const lineOf = (needle: string): number => TEMPLATE.split('\n').findIndex((l) => l.includes(needle)) + 1;

const map = (page: Page): Locator => page.locator('#map-canvas');
const box = (page: Page, id: string): Locator => map(page).locator(`.map-node[data-id="${id}"]`);
const note = (page: Page): Locator => page.locator('#map-note');
const editorLine = (page: Page, text: string): Locator => page.locator('.cm-line', { hasText: text }).first();

async function openStudio(page: Page): Promise<void> {
  await page.addInitScript(watchCspViolations);
  await openStudioOn(page, TEMPLATE);
  await expect(note(page)).toHaveText('3 nodes, 2 endings');
}

/** The line the editor's cursor is on (read from CodeMirror's active line, in its shadow root). */
async function cursorLineText(page: Page): Promise<string> {
  return (await page.locator('.cm-activeLine').first().textContent()) ?? '';
}

test("the map shows the template's nodes, endings and replies", async ({ page }) => {
  await openStudio(page);
  const ids = await map(page).locator('.map-node').evaluateAll((nodes) => nodes.map((n) => (n as SVGGElement).dataset.id));
  expect(ids).toEqual(['opening', 'address', 'outcome', 'reassured', 'unhappy']);
  await expect(page.getByRole('button', { name: /^Node opening, line \d+, start: The tracking says delivered/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Branch outcome, line \d+: if mood >= 50; else$/ })).toBeVisible();
  await expect(box(page, 'reassured')).toHaveClass(/map-outcome-satisfied/);
  await expect(box(page, 'unhappy')).toHaveClass(/map-outcome-dissatisfied/);
  // Replies: coloured by tact, with the tact written on the arrow.
  await expect(map(page).locator('.map-edge-reply.map-tact-good')).toHaveCount(2);
  await expect(map(page).locator('.map-edge-reply.map-tact-poor')).toHaveCount(2);
  await expect(map(page).locator('.map-edge-label', { hasText: '1 · +2' })).toHaveCount(2);
  await expect(map(page).locator('.map-edge-route')).toHaveCount(2);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-map-desktop.png') });
});

test('clicking a box puts the cursor on its line; moving the cursor highlights its box', async ({ page }) => {
  await openStudio(page);
  await box(page, 'address').click();
  expect(await cursorLineText(page)).toBe('  address:');
  await expect(box(page, 'address')).toHaveClass(/map-current/);

  await editorLine(page, 'Okay. Tomorrow by noon').click();
  await expect(box(page, 'reassured')).toHaveClass(/map-current/);
  await expect(box(page, 'reassured')).toHaveAttribute('aria-current', 'true');
  await expect(box(page, 'address')).not.toHaveClass(/map-current/);
});

test('keyboard: Tab reaches the boxes in file order, Enter goes to the line, keys pan and zoom', async ({ page }) => {
  await openStudio(page);
  await map(page).focus();
  const transform = () => page.locator('.map-svg').evaluate((svg) => (svg as SVGSVGElement).style.transform);
  const before = await transform();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('+');
  const moved = await transform();
  expect(moved).not.toBe(before);
  await page.keyboard.press('0');
  const fitted = await transform();
  expect(fitted).not.toBe(moved);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Fit' }).click();
  expect(await transform()).toBe(fitted);
  await map(page).focus();

  await page.keyboard.press('Tab');
  await expect(box(page, 'opening')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(box(page, 'address')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(box(page, 'outcome')).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await cursorLineText(page)).toBe('  outcome:');
  expect(lineOf('  outcome:')).toBeGreaterThan(0);
});

test('an edit redraws the map; an unreachable ending is marked; a file with errors keeps the last map with a note', async ({ page }) => {
  await openStudio(page);
  await expect(box(page, 'unhappy')).not.toHaveClass(/map-unreachable/);
  // The branch's fallback now goes to "reassured" too: nothing leads to "unhappy" any more.
  await editorLine(page, '- goto: unhappy').click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'unhappy'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('reassurd');
  await expect(note(page)).toHaveText('The file has errors: the map shows its last version without them.');
  await expect(box(page, 'unhappy')).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ed');
  await expect(note(page)).toHaveText('3 nodes, 2 endings · 1 unreachable');
  await expect(box(page, 'unhappy')).toHaveClass(/map-unreachable/);
  await expect(box(page, 'unhappy').locator('.map-badge')).toHaveText('unreachable');
  await expect(map(page).locator('.map-edge-route')).toHaveCount(2);
  await expect(map(page).locator('.map-edge')).toHaveCount(6);

  // A new ending, typed at the end of the file: the map gains its box (unreachable too, until something leads to it).
  await page.keyboard.press('Control+End');
  await page.keyboard.type('  extra:\ncustomer: One more thing.\noutcome: lost');
  await expect(note(page)).toHaveText('3 nodes, 3 endings · 2 unreachable');
  await expect(box(page, 'extra')).toHaveClass(/map-outcome-lost/);
  await expect(box(page, 'extra')).toHaveClass(/map-unreachable/);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-map-edited.png') });
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test(`${size.name}: the map passes axe, draws with no Content-Security-Policy violation, and reads at this size`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    await openStudio(page);
    // Laid out in its own worker, a same-origin chunk (worker-src 'self'): no blob: URL.
    const workers = page.workers().map((w) => w.url());
    expect(workers.some((url) => /\/assets\/studio-map-worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(workers.every((url) => !url.startsWith('blob:'))).toBe(true);
    const bounds = await map(page).boundingBox();
    expect(bounds!.width).toBeGreaterThan(size.name === 'phone' ? 340 : 500);
    expect(bounds!.height).toBeGreaterThan(240);
    // The start box is on screen whatever the size (the whole map when it can be read that way).
    for (const id of size.name === 'phone' ? ['opening'] : ['opening', 'reassured', 'unhappy']) await expect(box(page, id)).toBeInViewport();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `studio-map-${size.name}-axe.png`) });
    if (size.name === 'phone') {
      // Read-only: the map still opens a box's line in the (read-only) file.
      await box(page, 'outcome').click();
      await expect(box(page, 'outcome')).toHaveClass(/map-current/);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-map-phone.png') });
    } else {
      await box(page, 'address').click();
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-map-1280.png') });
      copyFileSync(join(ARTIFACTS, 'studio-map-1280.png'), join(ROOT, 'docs', 'images', 'studio-map.png'));
    }
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
}

test('a big map (600 generated nodes): long arrows end at tags naming their target, only what is near the screen is drawn, and a click on a tag brings its target into view', async ({ page }) => {
  test.setTimeout(120_000);
  await openStudio(page);
  const { yaml } = generateScenario({ nodes: 600, seed: 1 });
  await keepStudioDraft(page, { name: 'big.yaml', text: yaml, keptAt: Date.now() });
  await page.reload();
  await expect(note(page)).toHaveText(/^600 nodes, \d+ endings/, { timeout: 60_000 });
  await expect(map(page).locator('.map-node')).toHaveCount(600 + Number((await note(page).textContent())!.match(/(\d+) endings/)![1]));
  const arrows = await page.evaluate(() => ((performance.getEntriesByName('studio:map-layout').at(-1) as PerformanceMeasure).detail as { edges: number }).edges);
  const tags = map(page).locator('.map-jump');
  const hint = page.getByText('Zoom in to see the arrows.');
  await expect(hint).toBeHidden();
  // Every box is on the page (Tab reaches each), but only the arrows, tags and box insides around the part on screen.
  const drawnAtFirst = await map(page).locator('.map-edge').count();
  expect(drawnAtFirst).toBeGreaterThan(0);
  expect(drawnAtFirst).toBeLessThan(arrows / 4);
  expect(await tags.count()).toBeGreaterThan(5);
  // A box far off screen is there, empty, until the map comes near it: focusing it brings it into view, drawn.
  expect(await map(page).locator('.map-node .map-box').count()).toBeLessThan(150);
  await expect(box(page, 'n590').locator('.map-box')).toHaveCount(0);
  await box(page, 'n590').focus();
  await expect(box(page, 'n590').locator('.map-box')).toHaveCount(1);
  await expect(box(page, 'n590')).toBeInViewport();
  await expect(box(page, 'n0').locator('.map-box')).toHaveCount(0);
  // Each tag names a box on the map.
  const ids = new Set(await map(page).locator('.map-node').evaluateAll((els) => els.map((el) => (el as SVGGElement).dataset.id ?? '')));
  const targets = async (): Promise<string[]> => await tags.evaluateAll((els) => els.map((el) => (el as SVGGElement).dataset.to ?? ''));
  expect((await targets()).filter((t) => !ids.has(t))).toEqual([]);

  // Zoomed right out, the arrows would be a blur: none are drawn, and a hint says so.
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(hint).toBeVisible();
  await expect(map(page).locator('.map-edge')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-map-big-fitted.png') });
  // Zooming in on a box draws them again.
  await box(page, 'n300').focus();
  for (let i = 0; i < 12 && (await hint.isVisible()); i++) await page.keyboard.press('+');
  await expect(hint).toBeHidden();
  expect(await map(page).locator('.map-edge').count()).toBeGreaterThan(0);
  expect((await targets()).filter((t) => !ids.has(t))).toEqual([]);

  // Follow a tag on screen: its target comes into view and takes the focus.
  const bounds = (await map(page).boundingBox())!;
  const onScreen = await tags.evaluateAll((els, b) => els.findIndex((el) => {
    const r = el.getBoundingClientRect();
    return r.left >= b.x && r.top >= b.y && r.right <= b.x + b.width && r.bottom <= b.y + b.height;
  }), bounds);
  expect(onScreen).toBeGreaterThanOrEqual(0);
  const tag = tags.nth(onScreen);
  const to = (await tag.getAttribute('data-to'))!;
  await tag.click();
  await expect(box(page, to)).toBeFocused();
  await expect(box(page, to)).toBeInViewport();
  await page.screenshot({ path: join(ARTIFACTS, 'studio-map-big.png') });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('two fingers pinch the map to zoom in and out', async ({ page }) => {
    await openStudio(page);
    const scale = async (): Promise<number> => Number((await page.locator('.map-svg').evaluate((el) => (el as SVGSVGElement).style.transform)).match(/scale\(([\d.]+)\)/)![1]);
    const bounds = (await map(page).boundingBox())!;
    const cx = bounds.x + bounds.width / 2;
    const cy = bounds.y + bounds.height / 2;
    const cdp = await page.context().newCDPSession(page);
    const fingers = (spread: number) => [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }];
    const pinch = async (from: number, to: number): Promise<void> => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
      for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(from + ((to - from) * i) / 8) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const before = await scale();
    await pinch(30, 90);
    const wider = await scale();
    expect(wider).toBeGreaterThan(before * 2.5);
    await pinch(90, 30);
    expect(await scale()).toBeCloseTo(before, 1);
    // A pinch is not a tap: no box was opened.
    await expect(map(page).locator('.map-current')).toHaveCount(0);
  });
});

/** Collects the page's Content-Security-Policy violations in `window.__cspViolations` (an init script). */
function watchCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}
