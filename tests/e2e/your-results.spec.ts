import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { recordOf, type PlayRecord } from '../../src/report/history.ts';
import { atOnce, compile, expect, expectedResult, openDebrief, openMenu, planPath, playSteps, readScores, seedHistory, snap, startScenario, storedPlays, test } from './helpers.ts';

/**
 * "Your results": the trainee's own plays, reached from the menu, with the
 * same scores as the debrief, CSV and JSON downloads that hold them, and
 * "Clear my history" behind a confirmation. Checked with axe-core and
 * photographed at desktop and phone size.
 */
const missingZero = compile('missing-zero.yaml')!;
const wornOnce = compile('worn-once.yaml')!;
const eightGigabytes = compile('eight-gigabytes.yaml')!;

async function noAxeViolations(page: Page, what: string): Promise<void> {
  // axe-core waits on timers, so let the page clock run while it checks.
  await page.clock.resume();
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Opens "Your results" from the menu with the keyboard (the top bar's button), and waits for it. */
async function openResults(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Your results' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your results', level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/[?&]screen=results\b/);
}

/** A download's file name and text. */
async function saved(download: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The text of one cell of a play's row, by its column. */
function cell(row: Locator, column: string): Locator {
  return row.locator(`[data-column="${column}"]`);
}

/** A record as the game writes it for a real play (replies at once). */
function played(compiled: typeof missingZero, pick: 'best' | 'worst', date: string, timers: 'standard' | 'off' = 'standard'): PlayRecord {
  const result = expectedResult(compiled, atOnce(planPath(compiled, pick, timers)), timers);
  return recordOf(result, compiled.scenario.title, timers, 99, new Date(date));
}

test('a finished play is listed with the debrief\u2019s scores, downloads as CSV and JSON, and "Clear my history" empties it', async ({ page }) => {
  // The lazy screen, its stylesheet and the downloads (blob: URLs) must all pass the built game's Content-Security-Policy.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const dims = Object.keys(missingZero.scenario.scoring.dimensions);
  await openMenu(page);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await startScenario(page, missingZero.scenario.title);
  await playSteps(page, planPath(missingZero, 'best'));
  await openDebrief(page);
  await expect(page.getByTestId('attempts')).not.toBeEmpty(); // the play is saved
  const debrief = await readScores(page, dims);
  const verdict = (await page.getByTestId('verdict').textContent())!.trim();

  await page.getByRole('button', { name: 'Back to scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  await openResults(page);

  // The row says what the debrief said.
  const rows = page.getByTestId('play');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(cell(row, 'scenario')).toHaveText(missingZero.scenario.title);
  await expect(cell(row, 'overall')).toHaveText(String(debrief.overall));
  await expect(cell(row, 'tact')).toHaveText(String(debrief.tact));
  await expect(cell(row, 'speed')).toHaveText(String(debrief.speed));
  await expect(cell(row, 'satisfaction')).toHaveText(String(debrief.satisfaction));
  await expect(cell(row, 'other-scores')).toHaveText(dims.map((d) => `${d.charAt(0).toUpperCase()}${d.slice(1)} ${debrief[d]}`).join(', '));
  await expect(cell(row, 'result')).toHaveText(verdict);
  const bestRow = page.getByTestId('scenario-missing-zero');
  await expect(bestRow.locator('[data-column="attempts"]')).toHaveText('1');
  await expect(bestRow.locator('[data-column="best"]')).toHaveText(String(debrief.overall));
  const [stored] = await storedPlays(page);

  // CSV: a byte order mark, CRLF, a header and one row with the same scores.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = await saved(csvDownload);
  expect(csv.name).toMatch(/^tactful-results-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csv.bytes.toString('utf8').slice(1);
  expect(csvText.endsWith('\r\n')).toBe(true);
  const parsedCsv = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
  expect(parsedCsv.errors).toEqual([]);
  expect(parsedCsv.data).toHaveLength(1);
  expect(parsedCsv.data[0]).toMatchObject({
    Scenario: missingZero.scenario.title,
    'Scenario id': 'missing-zero',
    Overall: String(debrief.overall),
    Tact: String(debrief.tact),
    Speed: String(debrief.speed),
    Satisfaction: String(debrief.satisfaction),
    Passed: verdict === 'Passed' ? 'yes' : 'no',
    Decisions: String(stored!.choices.length),
  });

  // JSON: versioned, with the record as stored.
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const json = await saved(jsonDownload);
  expect(json.name).toMatch(/^tactful-results-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(json.bytes.toString('utf8')) as { format: string; version: number; exportedAt: string; plays: PlayRecord[] };
  expect(file).toMatchObject({ format: 'tactful-results', version: 1 });
  expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false);
  expect(file.plays).toHaveLength(1);
  expect(file.plays[0]!.scores).toEqual(stored!.scores);
  expect(file.plays[0]!.scores.overall).toBe(debrief.overall);

  // Escape cancels the confirmation and gives focus back; nothing is deleted.
  const clear = page.getByRole('button', { name: 'Clear my history' });
  await clear.click();
  const dialog = page.getByRole('dialog', { name: 'Clear your history?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(clear).toBeFocused();
  await expect(rows).toHaveCount(1);
  expect(await storedPlays(page)).toHaveLength(1);

  // Confirmed: the store is empty, the screen says so, and the menu forgets the best score.
  await clear.click();
  await dialog.getByRole('button', { name: 'Clear history' }).click();
  await expect(page.getByTestId('results-empty')).toContainText('No plays yet — pick a scenario on the menu');
  await expect(page.getByTestId('results-status')).toHaveText('Your history is cleared.');
  await expect(page.getByRole('heading', { name: 'Your results', level: 1 })).toBeFocused();
  expect(await storedPlays(page)).toEqual([]);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  await expect(page.getByTestId('card-missing-zero').getByTestId('history')).toContainText('Not played yet');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), 'Content-Security-Policy violations').toEqual([]);
});

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, hasTouch: size.name === 'phone' });

    test('the empty state and a full history are accessible, fit the screen, and keep their address', async ({ page }) => {
      await openMenu(page);
      await expect(page.getByTestId('history').first()).not.toHaveText('Loading your results…');
      await snap(page, `${size.name}-results-menu`);
      await openResults(page);
      await expect(page.getByTestId('results-empty')).toContainText('No plays yet — pick a scenario on the menu');
      await expect(page.getByRole('button', { name: 'Download CSV' })).toHaveCount(0);
      await snap(page, `${size.name}-results-empty`);
      await noAxeViolations(page, 'the empty results');

      // Three scenarios, one played with the timers off, one failed; newest first on screen.
      await seedHistory(page, [
        played(missingZero, 'best', '2026-11-20T09:30:00Z'),
        played(wornOnce, 'worst', '2026-11-21T14:05:00Z'),
        played(eightGigabytes, 'best', '2026-11-22T18:45:00Z', 'off'),
        played(missingZero, 'worst', '2026-11-23T08:10:00Z'),
      ]);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Your results', level: 1 })).toBeVisible({ timeout: 20_000 });
      const rows = page.getByTestId('play');
      await expect(rows).toHaveCount(4);
      await expect(rows.locator('[data-column="scenario"]')).toHaveText([missingZero.scenario.title, eightGigabytes.scenario.title, wornOnce.scenario.title, missingZero.scenario.title]);
      await expect(rows.nth(1).locator('[data-column="speed"]')).toHaveText('Off');
      await expect(page.getByTestId('scenario-missing-zero').locator('[data-column="attempts"]')).toHaveText('2');
      await page.waitForFunction(() => document.fonts.status === 'loaded');

      // Nothing is wider than the screen (the phone shows each play as a card).
      const overflow = await page.evaluate(() => [...document.querySelectorAll('#main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => `${el.tagName} ${el.className} ${el.textContent?.slice(0, 40) ?? ''}`));
      expect(overflow, 'elements wider than the screen').toEqual([]);
      await snap(page, `${size.name}-results`);
      await page.getByTestId('by-scenario').scrollIntoViewIfNeeded();
      await snap(page, `${size.name}-results-by-scenario`);
      await noAxeViolations(page, 'the results');

      await page.getByRole('button', { name: 'Clear my history' }).click();
      await expect(page.getByRole('dialog', { name: 'Clear your history?' })).toBeVisible();
      await snap(page, `${size.name}-results-clear-dialog`);
      await noAxeViolations(page, 'the clear dialog');
      await page.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'All scenarios' }).click();
      await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
      await page.goBack();
      await expect(page.getByRole('heading', { name: 'Your results', level: 1 })).toBeVisible();
    });
  });
}
