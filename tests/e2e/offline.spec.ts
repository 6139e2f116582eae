import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openMenu, replies, runUntilVisible, test } from './helpers.ts';

/**
 * After one visit the whole game plays with the network off (the service
 * worker's precache), and a new version waits for the trainee's say-so,
 * never interrupting a conversation. End-to-end builds keep the service
 * worker off unless a test asks for it.
 */
test.use({ serviceWorkers: 'allow' });
// One test changes the served build's service worker (a "deploy"): the others must not see it mid-run.
test.describe.configure({ mode: 'serial' });

/** The build the preview server serves (see playwright.config.ts). */
const port = Number(process.env.PW_PORT ?? 4173);
const SW_FILE = join(import.meta.dirname, '..', '..', 'node_modules', port === 4173 ? '.tactful-e2e' : `.tactful-e2e-${port}`, 'sw.js');
let original: string | undefined;

/**
 * Changes one hex digit of index.html's precache revision in the served
 * sw.js, as a real deploy changes it (same length, so the static server's
 * cached headers still fit). The browser sees a new worker on its next check.
 */
function deployNewVersion(): void {
  original = readFileSync(SW_FILE, 'utf8');
  const changed = original.replace(/(url:"index\.html",revision:")([0-9a-f])/, (_, head: string, digit: string) => `${head}${digit === '0' ? '1' : '0'}`);
  expect(changed).not.toBe(original);
  writeFileSync(SW_FILE, changed);
}

test.afterEach(() => {
  if (original !== undefined) writeFileSync(SW_FILE, original);
  original = undefined;
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (globalThis as { __TACTFUL_TEST_SERVICE_WORKER__?: boolean }).__TACTFUL_TEST_SERVICE_WORKER__ = true;
  });
});

/** Opens the menu, shows intent (which starts the precache) and waits for the worker to take over. */
async function installOffline(page: import('@playwright/test').Page): Promise<void> {
  await openMenu(page);
  await page.mouse.move(200, 200);
  await page.mouse.move(220, 240);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

test('after one visit, the menu and a whole scenario work with the network off', async ({ page, context }) => {
  await installOffline(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'The missing zero', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 20_000 });
  await page.clock.install();
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await runUntilVisible(page, replies(page).first());
  await expect(replies(page).first()).toBeEnabled();
  await context.setOffline(false);
});

test('a new version is offered on the menu and waits while a conversation is on screen', async ({ page }) => {
  await installOffline(page);
  // A later visit, from the installed copy (as a trainee coming back would be).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.mouse.move(240, 260);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // Deploy a "new version": the worker script the server hands out now lists a changed page.
  deployNewVersion();
  // Into a conversation first: the notice must not appear over it.
  await page.getByRole('button', { name: 'The missing zero', exact: true }).click();
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await expect(replies(page).first()).toBeVisible({ timeout: 30_000 });
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const notice = page.getByTestId('update-notice');
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), undefined, { timeout: 30_000 });
  await expect(notice).toHaveCount(0);

  // Leaving the conversation (Back, then confirm) reaches a screen where it may ask.
  await page.goBack();
  await page.getByRole('dialog', { name: 'Paused' }).getByRole('button', { name: 'Quit to menu' }).click();
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A new version of Tactful is ready');
  await notice.getByRole('button', { name: 'Update now' }).click();
  // The page reloads on the new version and the notice is gone.
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 30_000 });
  await expect(notice).toHaveCount(0);
});

test("the offline copy holds every script the game's page loads, and none of the other pages' code", () => {
  const build = join(SW_FILE, '..');
  const precached = new Set([...readFileSync(SW_FILE, 'utf8').matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!));
  // Every module script the game's page can load: its entry and what that imports, statically or with import().
  const entry = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(readFileSync(join(build, 'index.html'), 'utf8'))![1]!;
  const reachable = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reachable.has(file)) continue;
    reachable.add(file);
    for (const m of readFileSync(join(build, file), 'utf8').matchAll(/["'(]\.\/([\w.-]+\.js)["')]/g)) queue.push(`assets/${m[1]!}`);
  }
  expect([...reachable].filter((file) => !precached.has(file))).toEqual([]);
  expect([...precached].filter((url) => /^(studio|dashboard|join)\.html$|studio-vendor|lint-worker|map-worker/.test(url))).toEqual([]);
});
