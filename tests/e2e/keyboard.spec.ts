import type { Page } from '@playwright/test';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { atOnce, compile, expect, expectedResult, freezeTime, openMenu, planPath, readScores, replies, runUntilVisible, scoresOf, shownReplies, test } from './helpers.ts';

/** A whole scenario with the keyboard alone: Tab and Enter through the screens, digits (and Tab/Enter) for replies. */
const compiled = compile('missing-zero.yaml')!;
const scenario = compiled.scenario;

async function tabTo(page: Page, name: string | RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
    if (typeof name === 'string' ? text === name : name.test(text)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

test('a whole scenario with the keyboard alone', async ({ page }) => {
  const steps = planPath(compiled, 'best');
  const dims = Object.keys(scenario.scoring.dimensions);
  await openMenu(page);
  await tabTo(page, scenario.title);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: scenario.title, level: 1 })).toBeVisible({ timeout: 20_000 });
  await freezeTime(page);
  await tabTo(page, 'Start conversation');
  await page.keyboard.press('Enter');

  for (const [i, step] of steps.entries()) {
    const bubble = page.getByTestId('customer-line');
    await runUntilVisible(page, bubble, 50);
    await page.clock.runFor(300);
    // The line is still typing: Space shows it whole (a digit would too).
    if (await replies(page).count() === 0) await page.keyboard.press('Space');
    await runUntilVisible(page, replies(page).first(), 50);
    await expect(replies(page).first()).toBeFocused();
    // New replies take no answer for a moment (so a double press can't answer them unread); read them first.
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    // Replies are shuffled: the key to press is the reply's place on screen, not in the file.
    const shownAt = (await shownReplies(page)).indexOf(step.say) + 1;
    expect(shownAt).toBeGreaterThan(0);
    if (i % 2 === 0) {
      await page.keyboard.press(String(shownAt));
    } else {
      for (let n = 1; n < shownAt; n++) await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: step.say, exact: true })).toBeFocused();
      await page.keyboard.press('Enter');
    }
  }
  const debrief = page.getByRole('button', { name: 'See your debrief' });
  await runUntilVisible(page, debrief);
  await expect(debrief).toBeFocused();
  await page.keyboard.press('Enter');
  await runUntilVisible(page, page.getByRole('heading', { name: 'Your choices' }));
  expect(await readScores(page, dims)).toEqual(scoresOf(expectedResult(compiled, atOnce(steps)), dims));

  await page.clock.resume();
  await tabTo(page, 'Back to scenarios');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
});

test('Escape pauses and resumes; Tab stays inside the pause dialog', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  await page.getByRole('button', { name: scenario.title, exact: true }).click();
  await freezeTime(page);
  await runUntilVisible(page, page.getByRole('button', { name: 'Start conversation' }));
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await runUntilVisible(page, replies(page).first());
  await page.keyboard.press('Escape');
  const dialog = page.getByRole('dialog', { name: 'Paused' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Resume' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Quit to menu' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Resume' })).toBeFocused();
  // Digits do nothing while paused.
  await page.keyboard.press('1');
  await expect(replies(page).first()).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(replies(page).first()).toBeFocused();
});
