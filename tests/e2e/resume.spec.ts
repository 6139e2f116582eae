import type { Page } from '@playwright/test';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { atOnce, compile, expect, expectedResult, freezeTime, openDebrief, openMenu, planPath, playSteps, readScores, replayed, replies, runUntilVisible, scoresOf, snap, startScenario, storedPlays, test, type PlannedStep } from './helpers.ts';

/**
 * A reload in the middle of a conversation loses nothing: the briefing
 * offers to resume it, and the play goes on at the same customer line
 * with the same decisions, mood and scores as before the reload (the
 * decisions are replayed through the engine). A saved state that cannot
 * be used is discarded with a notice, never a crash.
 */
const compiled = compile('missing-zero.yaml')!;
const { scenario } = compiled;
const dims = Object.keys(scenario.scoring.dimensions);
const first = planPath(compiled, 'best')[0]!;
const steps = [first, ...planPath(compiled, 'worst', 'standard', [{ kind: 'reply', number: first.number, afterMs: 0 }])];

/** Answers some of the steps (clock frozen), stopping at the next decision: playSteps would wait for the ending. */
async function answer(page: Page, planned: PlannedStep[]): Promise<void> {
  for (const step of planned) {
    const button = page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: step.say, exact: true });
    await runUntilVisible(page, button);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await button.click();
  }
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('a reload mid-conversation offers to resume, and the resumed play ends with the scores of an uninterrupted one', async ({ page }) => {
  expect(steps.length).toBeGreaterThan(2);
  await openMenu(page);
  await startScenario(page, scenario.title);
  await answer(page, steps.slice(0, 2));
  const third = page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: steps[2]!.say, exact: true });
  await runUntilVisible(page, third);
  const lineBefore = await page.getByTestId('customer-line').textContent().catch(() => null);

  await page.clock.resume();
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`\\?scenario=${scenario.id}$`));
  await expect(page.getByTestId('resume-offer')).toContainText('after 2 replies');
  await snap(page, 'resume-offer');
  await freezeTime(page);
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  // The same customer line, with the replies of the third decision.
  await runUntilVisible(page, third);
  if (lineBefore !== null) await expect(page.getByTestId('customer-line')).toHaveText(lineBefore);
  await playSteps(page, steps.slice(2));
  await openDebrief(page);

  expect(await readScores(page, dims)).toEqual(scoresOf(expectedResult(compiled, atOnce(steps)), dims));
  await expect(page.getByTestId('decision')).toHaveCount(steps.length);
  // The history has the whole play once, with its seed: replayed, it gives exactly the debrief's scores.
  await expect(page.locator('body[data-saved="yes"]')).toHaveCount(1);
  const plays = await storedPlays(page);
  expect(plays).toHaveLength(1);
  expect(plays[0]!.choices).toHaveLength(steps.length);
  expect(await readScores(page, dims)).toEqual(scoresOf(replayed(compiled, plays[0]!), dims));

  // Finished: nothing is left to resume.
  await page.getByRole('button', { name: 'Try again' }).click();
  await runUntilVisible(page, replies(page).first());
  await page.clock.resume();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start conversation' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
});

test('"Start again" discards the unfinished conversation', async ({ page }) => {
  await openMenu(page);
  await startScenario(page, scenario.title);
  await answer(page, steps.slice(0, 1));
  await runUntilVisible(page, page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: steps[1]!.say, exact: true }));
  await page.clock.resume();
  await page.reload();
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(replies(page).first()).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start conversation' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
});

for (const [what, saved, notice] of [
  ['damaged', 'not a saved state {', 'its saved state was damaged'],
  ['from a newer version', '{"v":99}', 'it was saved by a newer version of Tactful'],
  ['for an edited scenario', `{"v":1,"s":"${scenario.id}","f":"0","n":1,"t":"standard","p":"x","a":0,"d":"1@0"}`, 'the scenario has changed since'],
] as const) {
  test(`a saved conversation ${what} is discarded with a notice, and the scenario starts as new`, async ({ page }) => {
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', 'yes');
      }
    }, [`tactful.resume.${scenario.id}`, saved] as const);
    await openMenu(page);
    await page.getByRole('button', { name: scenario.title, exact: true }).click();
    await expect(page.getByTestId('resume-discarded')).toContainText(`Your unfinished conversation could not be resumed (${notice})`);
    await expect(page.getByRole('button', { name: 'Start conversation' })).toBeVisible();
    // Discarded for good: it is not offered (or reported) again.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Start conversation' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('resume-discarded')).toHaveCount(0);
  });
}
