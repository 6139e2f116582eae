import type { Page } from '@playwright/test';
import { keepStudioDraft } from '../../../bench/studio-draft.ts';
import { expect } from '../helpers.ts';

/**
 * Opens the studio on `text`, kept as the draft of an earlier visit (the
 * first visit creates the drafts database), and waits for its lint result.
 * The studio's tests use a small scenario they know line by line
 * (tests/fixtures/studio/two-replies-each.yaml), not the starter, whose
 * words may change.
 */
export async function openStudioOn(page: Page, text: string, name = 'new-scenario.yaml'): Promise<void> {
  await page.goto('/studio.html');
  await expect(page.locator('#problems-summary')).toHaveText(/^No problems/);
  await keepStudioDraft(page, { name, text, keptAt: Date.now() });
  await page.reload();
  await expect(page.locator('#file-name')).toHaveText(name);
  await expect(page.locator('#problems-summary')).toHaveText(/^No problems|error|warning/);
}
