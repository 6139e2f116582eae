import type { Page } from '@playwright/test';
import { generateScenario } from '../../bench/generate.ts';
import { expect, test } from './helpers.ts';
import { keepStudioDraft } from '../../bench/studio-draft.ts';

/**
 * The studio on a big file, in the built page: typing into a 5,000-node
 * scenario (100,000 lines) still gets the CLI's problems, and a fix clears
 * them. No time is asserted here: how fast is measured by the studio
 * benchmark (bench/studio.ts, `npm run bench`, docs/performance.md
 * "Studio"); the timeouts below only keep a broken page from hanging.
 */
const BIG = generateScenario({ nodes: 5000, seed: 1 }).yaml;
/** Generous: a check of this file takes about a second on a loaded 2-core machine. */
const PATIENCE = { timeout: 60_000 };

/** Opens the studio with `text` as the kept draft (the way a trainer's long file comes back). */
async function openWithDraft(page: Page, text: string): Promise<void> {
  await page.goto('/studio.html');
  await expect(page.locator('#problems-summary')).toHaveText(/No problems/);
  await keepStudioDraft(page, { name: 'big.yaml', text, keptAt: Date.now() });
  await page.reload();
  await expect(page.locator('#studio-status')).toContainText('Your draft of big.yaml');
  await expect(page.locator('#problems-summary')).toHaveText(/No problems/, PATIENCE);
}

test('5,000 nodes: a misspelt goto typed into the file is listed, and its fix clears it', async ({ page }) => {
  test.setTimeout(180_000);
  await openWithDraft(page, BIG);
  // The first `goto:` of the file, misspelt by typing at the end of its line.
  const line = page.locator('.cm-line', { hasText: /^\s+goto: \S+$/ }).first();
  const target = (await line.textContent())!.trim().slice('goto: '.length);
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  const problem = page.getByRole('button', { name: new RegExp(`"${target}x" is not a node or ending id; did you mean "${target}"\\?`) });
  await expect(problem).toBeVisible(PATIENCE);
  await expect(page.locator('#problems-summary')).toHaveText(/^1 error/);

  await page.getByRole('button', { name: `Change to "${target}"`, exact: false }).first().click();
  await expect(page.locator('#problems-summary')).toHaveText(/No problems/, PATIENCE);
  await expect(line).toHaveText(new RegExp(`goto: ${target}$`));
});
