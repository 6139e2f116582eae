import { compile, expect, openDebrief, openMenu, planPath, playSteps, replies, runUntilVisible, startScenario, test } from './helpers.ts';

/**
 * Every screen is a browser history entry with its own address: Back goes
 * to the previous screen (never off to a blank page), Forward comes back,
 * and Back in the middle of a conversation asks before leaving it.
 */
const compiled = compile('missing-zero.yaml')!;
const { id, title } = compiled.scenario;
const menuHeading = { name: 'Choose a scenario', level: 1 } as const;

test('Back and Forward move between the menu and a briefing, each at its own address', async ({ page }) => {
  await openMenu(page);
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`\\?scenario=${id}$`));
  await page.goBack();
  await expect(page.getByRole('heading', menuHeading)).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await page.goForward();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`\\?scenario=${id}$`));
});

test('Back mid-conversation pauses and asks; Resume stays, Quit goes back to the briefing', async ({ page }) => {
  await openMenu(page);
  await startScenario(page, title);
  await runUntilVisible(page, replies(page).first());
  await expect(page).toHaveURL(new RegExp(`scenario=${id}&screen=conversation$`));

  await page.goBack();
  const dialog = page.getByRole('dialog', { name: 'Paused' });
  await expect(dialog).toBeVisible();
  // Still in the conversation, at its address.
  await expect(page).toHaveURL(/screen=conversation$/);
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await expect(dialog).toBeHidden();
  await expect(replies(page).first()).toBeVisible();

  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Quit to menu' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`\\?scenario=${id}$`));
});

test('the debrief takes the finished conversation\'s place: Back goes to the briefing, Forward shows the same debrief', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  await startScenario(page, title);
  await playSteps(page, planPath(compiled, 'best'));
  await openDebrief(page);
  await expect(page).toHaveURL(/screen=debrief$/);
  const outcome = await page.getByTestId('outcome').textContent();

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 20_000 });
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Your choices' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('outcome')).toHaveText(outcome ?? '');
  // A reload keeps the debrief too: its result travels in the history entry.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your choices' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('outcome')).toHaveText(outcome ?? '');
});

test('an empty ?scenario= opens the menu with no notice', async ({ page }) => {
  await openMenu(page, '/?scenario=');
  await expect(page.getByRole('heading', menuHeading)).toBeVisible();
  await expect(page.locator('.notice')).toHaveCount(0);
});

test('a reload mid-conversation opens that scenario\'s briefing', async ({ page }) => {
  await openMenu(page);
  await startScenario(page, title);
  await runUntilVisible(page, replies(page).first());
  await page.clock.resume();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`\\?scenario=${id}$`));
});
