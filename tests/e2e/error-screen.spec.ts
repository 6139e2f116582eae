import { compile, expect, failScene, openMenu, replies, runUntilVisible, snap, startScenario, test } from './helpers.ts';

/**
 * When a screen's opening work fails (a chunk that won't load, a broken
 * history store), the trainee gets one plain error screen with a way on,
 * never a blank or "Opening…" screen and never a stack trace. The failure
 * is forced with the e2e build's test-only hook; the error it logs is the
 * one console error these tests expect.
 */
const scenario = compile('missing-zero.yaml')!.scenario;

test.use({ expectedConsoleErrors: [/Tactful: the \w+ screen could not open/] });

test('a conversation that fails to open shows the error screen, and Try again opens it', async ({ page }) => {
  await failScene(page, 'Conversation');
  await openMenu(page);
  await startScenario(page, scenario.title);
  const heading = page.getByRole('heading', { name: 'Something went wrong', level: 1 });
  await runUntilVisible(page, heading);
  await expect(page.getByRole('alert')).toContainText('Something went wrong opening this scenario. Your progress is saved.');
  // Words a trainee can act on, not the error itself.
  await expect(page.locator('#main')).not.toContainText(/Error|injected|at \w+ \(/);
  await expect(page.getByRole('button', { name: 'Back to scenarios' })).toBeVisible();
  await page.clock.resume();
  await snap(page, 'error-screen');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(replies(page).first()).toBeVisible({ timeout: 20_000 });
});

test('a briefing that fails to open from a link shows the error screen, and Back to scenarios opens the menu', async ({ page }) => {
  await failScene(page, 'Briefing');
  await page.goto('/?scenario=missing-zero');
  await expect(page.getByRole('heading', { name: 'Something went wrong', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Opening the scenario…')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
});
