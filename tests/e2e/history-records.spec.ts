import type { Page } from '@playwright/test';
import { recordOf, type PlayRecord } from '../../src/report/history.ts';
import { atOnce, compile, expect, expectedResult, openMenu, planPath, seedHistory, storedPlays, test } from './helpers.ts';

/**
 * Saved history with bad records in it: each record is checked as it is
 * read, so one bad record costs only itself. The menu never shows "Best NaN"
 * and says how many results it skipped; the good plays still count and stay
 * in the store. A store from a newer version is reset with a notice that
 * says "newer", not "older".
 */
const missingZero = compile('missing-zero.yaml')!;
const wornOnce = compile('worn-once.yaml')!;
const eightGigabytes = compile('eight-gigabytes.yaml')!;

/** A record as the game writes it for a real play (best or worst path, replies at once). */
function played(compiled: typeof missingZero, pick: 'best' | 'worst'): PlayRecord {
  const result = expectedResult(compiled, atOnce(planPath(compiled, pick)));
  return recordOf(result, compiled.scenario.title, 'standard', 1234, new Date('2026-11-20T09:30:00Z'));
}

/** The same record with a different overall score. */
function withOverall(record: PlayRecord, overall: number): PlayRecord {
  return { ...record, scores: { ...record.scores, overall } };
}

/** Waits until every card's history line is filled in. */
async function historyShown(page: Page): Promise<void> {
  await expect(page.getByTestId('history').first()).not.toHaveText('Loading your results…');
}

test('bad history records are skipped one by one, with a notice, and the good ones still count', async ({ page }) => {
  await openMenu(page);
  await historyShown(page);
  const best = played(missingZero, 'best');
  const worst = played(missingZero, 'worst');
  await seedHistory(page, [
    worst,
    withOverall(played(wornOnce, 'best'), NaN),
    best,
    withOverall(played(eightGigabytes, 'best'), Infinity),
    withOverall(played(eightGigabytes, 'worst'), 1_000_000_000),
  ]);
  await page.reload();
  await historyShown(page);

  await expect(page.getByText('3 saved results could not be read and were skipped.')).toBeVisible();
  await expect(page.getByTestId('card-missing-zero')).toContainText(`Best ${best.scores.overall} · 2 attempts`);
  for (const id of ['worn-once', 'eight-gigabytes']) await expect(page.getByTestId(`card-${id}`)).toContainText('Not played yet');
  const menu = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
  expect(menu).not.toMatch(/Best (NaN|Infinity|1000000000)/);
  // Nothing was lost: the good plays and the unreadable ones are all still in the store.
  expect(await storedPlays(page)).toHaveLength(5);
});

test('one saved result that cannot be read is named in the singular', async ({ page }) => {
  await openMenu(page);
  await historyShown(page);
  await seedHistory(page, [played(missingZero, 'best'), { format: 1, scenario: 'missing-zero', scores: { overall: 'lots' } }]);
  await page.reload();
  await historyShown(page);
  await expect(page.getByText('1 saved result could not be read and was skipped.')).toBeVisible();
  await expect(page.getByTestId('card-missing-zero')).toContainText('· 1 attempt');
});

test('a history store from a newer version is reset with a notice that says newer', async ({ page }) => {
  await openMenu(page);
  await historyShown(page);
  // As a newer build would leave it: a higher version number, with a play in it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('tactful');
        del.onerror = () => reject(del.error ?? new Error('deleteDatabase failed'));
        del.onsuccess = () => {
          const open = indexedDB.open('tactful', 99);
          open.onupgradeneeded = () => open.result.createObjectStore('plays', { keyPath: 'id', autoIncrement: true }).add({ format: 7, scenario: 'missing-zero' });
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        };
      }),
  );
  await page.reload();
  const notice = page.getByText('Your saved history could not be read');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('newer version');
  await expect(notice).not.toContainText('older');
  await expect(page.getByTestId('card-missing-zero')).toContainText('Not played yet');
});
