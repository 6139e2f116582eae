import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { bestRoute } from '../../src/engine/index.ts';
import { pathMap } from '../../src/game/debrief-map/path-map.ts';
import { routeSteps } from '../../src/game/debrief-map/route-text.ts';
import { ARTIFACTS, atOnce, compile, expect, expectedResult, openDebrief, openMenu, planPath, playSteps, replies, runUntilVisible, startScenario, test } from './helpers.ts';

/**
 * The path on the map in the debrief: a play that lets the timer run out at
 * the opening and then takes the poorest replies, so the trainee leaves the
 * best route at once. The map shows the route taken and the best route from
 * there, the words say the same, the drawing fills a box of fixed size (no
 * layout shift), and the offline copy holds the map's code and its worker.
 */
const compiled = compile('left-in-the-safe-place.yaml')!;
const scenario = compiled.scenario;
const opening = scenario.nodes[scenario.start]!;
const limit = opening.kind === 'dialogue' ? opening.timeLimitMs! : 0;
const steps = planPath(compiled, 'worst', 'standard', [{ kind: 'timeout' }]);
const expected = expectedResult(compiled, [{ kind: 'timeout' }, ...atOnce(steps)]);
const best = bestRoute(compiled, expected);
const path = pathMap(scenario, compiled.analysis, expected, best);

const port = Number(process.env.PW_PORT ?? 4173);
const BUILD = join(import.meta.dirname, '..', '..', 'node_modules', port === 4173 ? '.tactful-e2e' : `.tactful-e2e-${port}`);
const WORKER = /debrief-layout-worker-[\w-]+\.js$/;

/** Plays the planned route to its debrief; the layout worker's script is held back until `release` is called. */
async function playToDebrief(page: Page, onMenu: () => void = () => undefined): Promise<{ release: () => void; workerUrls: string[] }> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const workerUrls: string[] = [];
  await page.route(WORKER, async (route) => {
    workerUrls.push(route.request().url());
    await held;
    await route.continue();
  });
  // Every layout shift from the start of the visit, to sum those after the debrief's words are shown.
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  onMenu();
  await startScenario(page, scenario.title);
  await runUntilVisible(page, replies(page).first());
  await page.clock.runFor(limit + 200);
  await expect(page.getByText('Time ran out')).toBeVisible();
  await playSteps(page, steps);
  await openDebrief(page);
  return { release, workerUrls };
}

async function noAxeViolations(page: Page): Promise<void> {
  await page.clock.resume();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

// The worker's script is held back with page.route, which a service worker would answer first.
test.use({ serviceWorkers: 'block' });

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, hasTouch: size.name === 'phone' });

    test('the debrief shows the route taken and the best route on a map, and in words at once', async ({ page }) => {
      expect(expected.decisions[0]!.timedOut).toBe(true);
      expect(best.leftAt).toBe(0);
      const { release } = await playToDebrief(page);
      const section = page.getByTestId('debrief-map');
      const canvas = page.getByTestId('debrief-map-canvas');

      // The words come with the rest of the debrief, before the map is laid out.
      await expect(canvas).toHaveAttribute('data-state', 'laying-out');
      await expect(page.getByTestId('debrief-route-taken').getByRole('listitem')).toHaveText(routeSteps(path.map, path.taken));
      await expect(page.getByTestId('debrief-route-taken').getByRole('listitem').first()).toHaveText(`${scenario.start} (timed out)`);
      await expect(page.getByTestId('debrief-route-best').getByRole('listitem')).toHaveText(routeSteps(path.map, path.best));
      await expect(page.getByTestId('debrief-map-summary')).toHaveText(`You left the best route at ${scenario.start}. From there, the best replies led to ${best.ending!} (${scenario.endings[best.ending!]!.outcome}).`);
      const placeholder = await canvas.boundingBox();
      const actions = page.locator('.actions-bar');
      const actionsBefore = await actions.boundingBox();
      const shiftsBefore = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.length);

      release();
      await expect(canvas).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
      const svg = canvas.locator('svg.dm-svg');
      await expect(svg).toHaveAttribute('aria-label', /your route and the best route/);
      // Every box of the scenario (it has fewer than 60), the route's arrows strong and numbered, the best route's dashed.
      await expect(svg.locator('.dm-node')).toHaveCount(path.map.nodes.length);
      await expect(svg.locator('.dm-edge-taken')).toHaveCount(new Set(path.taken.edges).size);
      await expect(svg.locator('.dm-step')).toHaveCount(path.taken.edges.length);
      await expect(svg.locator('.dm-edge-best')).toHaveCount(path.best.edges.length);
      await expect(svg.locator('.dm-left-here')).toHaveCount(1);
      await expect(svg.locator('.dm-best.dm-ending.dm-outcome-satisfied')).toHaveCount(1);

      // Nothing moved when the map filled in: the box kept its size, what is below it its place.
      expect(await canvas.boundingBox()).toEqual(placeholder);
      expect(await actions.boundingBox()).toEqual(actionsBefore);
      const shifts = await page.evaluate((from) => (window as unknown as { __shifts: number[] }).__shifts.slice(from), shiftsBefore);
      expect(shifts).toEqual([]);
      // Scaled to the box's width (or scrolling inside it), never wider than the page.
      const drawn = await svg.boundingBox();
      expect(Number(await svg.getAttribute('width'))).toBeLessThanOrEqual(Math.max(placeholder!.width, drawn!.width));
      expect((await section.boundingBox())!.x + (await section.boundingBox())!.width).toBeLessThanOrEqual(size.viewport.width);

      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `debrief-map-${size.name}.png`) });
      await section.screenshot({ path: join(ARTIFACTS, `debrief-map-${size.name}-section.png`) });
      if (size.name === 'desktop') {
        mkdirSync(join(import.meta.dirname, '..', '..', 'docs', 'images'), { recursive: true });
        copyFileSync(join(ARTIFACTS, 'debrief-map-desktop-section.png'), join(import.meta.dirname, '..', '..', 'docs', 'images', 'debrief-map.png'));
      }
      await noAxeViolations(page);
    });
  });
}

test("the map's code loads only once a debrief opens, and the offline copy holds it and its worker", async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  let atMenu: string[] = [];
  const { release, workerUrls } = await playToDebrief(page, () => (atMenu = [...requested]));
  expect(atMenu.filter((u) => /debrief-map-|debrief-layout-worker/.test(u)), 'requests of the open menu').toEqual([]);
  release();
  await expect(page.getByTestId('debrief-map-canvas')).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  expect(workerUrls).toHaveLength(1);
  const precached = new Set([...readFileSync(join(BUILD, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!));
  const worker = new URL(workerUrls[0]!).pathname.replace(/^\//, '');
  expect(precached.has(worker), `${worker} in the service worker's precache list`).toBe(true);
  const chunk = requested.map((u) => new URL(u).pathname.replace(/^\//, '')).find((p) => /^assets\/debrief-map-[\w-]+\.js$/.test(p));
  expect(chunk, "the debrief map's chunk was loaded").toBeDefined();
  expect(precached.has(chunk!)).toBe(true);
  // The page's first load (its entry script and what it preloads) has neither: they are reached through import().
  const firstLoad = [...readFileSync(join(BUILD, 'index.html'), 'utf8').matchAll(/<(?:script|link rel="modulepreload")[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(firstLoad.length).toBeGreaterThan(0);
  expect(firstLoad.filter((f) => /debrief-map-|debrief-layout-worker/.test(f))).toEqual([]);
});
