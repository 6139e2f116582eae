import { addExample, atOnce, compile, expect, expectedResult, openDebrief, openMenu, planPath, playSteps, readScores, replies, runUntilVisible, scoresOf, startScenario, replayed, storedPlays, test } from './helpers.ts';

/**
 * The reply timer runs on game time: it starts once the replies are shown,
 * a missed deadline takes the timeout branch and costs speed, and it does
 * not run while the game is paused or the tab is hidden. Time is Playwright's
 * page clock, never the wall clock.
 */
const compiled = compile('cracked-blender.yaml', 'docs/examples')!;
const scenario = compiled.scenario;
const opening = scenario.nodes[scenario.start]!;
const limit = opening.kind === 'dialogue' ? opening.timeLimitMs! : 0;
const dims = Object.keys(scenario.scoring.dimensions);
/** One animation frame at 60 Hz, rounded up. */
const FRAME_MS = 17;


test.beforeEach(async ({ page }) => {
  await addExample(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
});

test('a missed deadline takes the timeout branch and scores no speed for it', async ({ page }) => {
  await startScenario(page, scenario.title);
  await runUntilVisible(page, replies(page).first());
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(String(limit / 1000));
  // Game time moves a frame at a time, so the whole seconds shown may lag the page's clock by one frame.
  await page.clock.runFor(5_000 + FRAME_MS);
  await expect(timer).toHaveText(String(limit / 1000 - 5));
  await page.clock.runFor(limit - 5_000 - FRAME_MS + 200);
  await expect(page.getByText('Time ran out')).toBeVisible();

  const steps = planPath(compiled, 'best', 'standard', [{ kind: 'timeout' }]);
  await playSteps(page, steps);
  await openDebrief(page);
  const expected = expectedResult(compiled, [{ kind: 'timeout' }, ...atOnce(steps)]);
  expect(expected.decisions[0]!.timedOut).toBe(true);
  expect(await readScores(page, dims)).toEqual(scoresOf(expected, dims));
  await expect(page.getByText('You did not reply in time')).toBeVisible();
  await expect(page.getByTestId('decision').first()).toContainText('Timed out');
});

test('a slow reply loses speed marks, exactly as the engine scores its time', async ({ page }) => {
  await startScenario(page, scenario.title);
  const steps = planPath(compiled, 'best');
  const first = page.getByRole('button', { name: steps[0]!.say, exact: true });
  await runUntilVisible(page, first);
  await page.clock.runFor(limit - 2_000);
  await first.click();
  await playSteps(page, steps.slice(1));
  await openDebrief(page);
  const [play] = await storedPlays(page);
  expect(play!.choices[0]!.ms).toBeGreaterThan(limit - 2_500);
  const expected = replayed(compiled, play!);
  const shown = await readScores(page, dims);
  expect(shown).toEqual(scoresOf(expected, dims));
  expect(shown.speed).toBeLessThan(100);
});

test('the deadline does not run while paused', async ({ page }) => {
  await startScenario(page, scenario.title);
  const steps = planPath(compiled, 'best');
  await runUntilVisible(page, replies(page).first());
  await page.getByRole('button', { name: 'Pause' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paused' });
  await expect(dialog).toBeVisible();
  await page.clock.runFor(limit + 2_000);
  await expect(page.getByText('Time ran out')).toBeHidden();
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('timer')).toHaveText(String(limit / 1000));
  await playSteps(page, steps);
  await openDebrief(page);
  expect(await readScores(page, dims)).toEqual(scoresOf(expectedResult(compiled, atOnce(steps)), dims));
});

test('the deadline does not run while the tab is hidden', async ({ page }) => {
  await startScenario(page, scenario.title);
  const steps = planPath(compiled, 'best');
  await runUntilVisible(page, replies(page).first());
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.clock.runFor(limit + 2_000);
  await setHidden(false);
  await page.clock.runFor(100);
  // Coming back, the game waits paused for the player.
  const dialog = page.getByRole('dialog', { name: 'Paused' });
  await expect(dialog).toBeVisible();
  await expect(page.getByText('Time ran out')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await playSteps(page, steps);
  await openDebrief(page);
  const [play] = await storedPlays(page);
  expect(play!.choices[0]!.timedOut).toBe(false);
  expect(await readScores(page, dims)).toEqual(scoresOf(replayed(compiled, play!), dims));
});

test('with timers off there is no countdown and speed is not scored', async ({ page }) => {
  await page.getByRole('radio', { name: 'Off' }).check();
  await startScenario(page, scenario.title);
  const steps = planPath(compiled, 'best', 'off');
  await runUntilVisible(page, replies(page).first());
  await expect(page.getByRole('timer')).toBeHidden();
  await page.clock.runFor(limit + 1_000);
  await expect(page.getByText('Time ran out')).toBeHidden();
  await playSteps(page, steps);
  await openDebrief(page);
  const expected = expectedResult(compiled, atOnce(steps), 'off');
  expect(expected.scores.speed).toBeNull();
  expect(await readScores(page, dims)).toEqual(scoresOf(expected, dims));
  await expect(page.getByTestId('score-speed')).toHaveText('Speed not scored (timers were off)');
});

test('2× time doubles the reply time limit', async ({ page }) => {
  await page.getByRole('radio', { name: '2× time' }).check();
  await startScenario(page, scenario.title);
  await runUntilVisible(page, replies(page).first());
  await expect(page.getByRole('timer')).toHaveText(String((limit * 2) / 1000));
  await page.clock.runFor(limit + 1_000);
  await expect(page.getByText('Time ran out')).toBeHidden();
  await page.clock.runFor(limit);
  await expect(page.getByText('Time ran out')).toBeVisible();
});
