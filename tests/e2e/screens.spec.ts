import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { compile, expect, freezeTime, openDebrief, openMenu, planPath, playSteps, readScores, replies, runUntilVisible, replayed, scoresOf, snap, startScenario, storedPlays, test } from './helpers.ts';

/**
 * Every screen at desktop (1280×720) and phone (390×844) size: no axe-core
 * violation, text that fits the reply buttons, and a screenshot of each in
 * tests/artifacts/ to look at.
 */
const compiled = compile('missing-zero.yaml')!;
const scenario = compiled.scenario;

async function noAxeViolations(page: Page, screen: string): Promise<void> {
  // axe-core waits on timers, so let the page clock run while it checks.
  await page.clock.resume();
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

async function repliesFit(page: Page): Promise<void> {
  const overflow = await replies(page).evaluateAll((buttons) =>
    buttons.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > window.innerWidth).map((b) => b.textContent),
  );
  expect(overflow, 'reply buttons whose text overflows').toEqual([]);
}

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, hasTouch: size.name === 'phone' });

    test('every screen is accessible, fits, and plays to the end', async ({ page }) => {
      // The phone plays the poorest path, so its debrief shows the coaching for better replies.
      const steps = planPath(compiled, size.name === 'phone' ? 'worst' : 'best');
      const dims = Object.keys(scenario.scoring.dimensions);
      await openMenu(page);
      await expect(page.locator('[data-testid="history"]').first()).not.toHaveText('Loading your results…');
      await snap(page, `${size.name}-1-menu`);
      await noAxeViolations(page, 'menu');

      await page.getByRole('button', { name: scenario.title, exact: true }).click();
      await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 20_000 });
      await page.waitForFunction(() => document.fonts.status === 'loaded');
      await snap(page, `${size.name}-2-briefing`);
      await noAxeViolations(page, 'briefing');

      await freezeTime(page);
      await page.getByRole('button', { name: 'Start conversation' }).click();
      await runUntilVisible(page, replies(page).first());
      await page.clock.runFor(600); // let the replies finish fading in
      await repliesFit(page);
      await snap(page, `${size.name}-3-conversation`);
      await noAxeViolations(page, 'conversation');
      await freezeTime(page);

      await page.getByRole('button', { name: 'Pause' }).click();
      await snap(page, `${size.name}-4-paused`);
      await noAxeViolations(page, 'pause dialog');
      await freezeTime(page);
      await page.getByRole('button', { name: 'Resume' }).click();

      await playSteps(page, steps);
      await page.clock.runFor(1000);
      await snap(page, `${size.name}-5-ending`);
      await openDebrief(page);
      await expect(page.getByTestId('attempts')).not.toBeEmpty();
      // The clock ran while axe checked the conversation: score the stored reply times.
      const [play] = await storedPlays(page);
      expect(await readScores(page, dims)).toEqual(scoresOf(replayed(compiled, play!), dims));
      await snap(page, `${size.name}-6-debrief`);
      await page.getByTestId('decision').first().scrollIntoViewIfNeeded();
      await snap(page, `${size.name}-7-debrief-choices`);
      await noAxeViolations(page, 'debrief');
    });
  });
}

test('the line types out, and a click shows it whole at once', async ({ page }) => {
  await openMenu(page);
  await startScenario(page, scenario.title);
  const line = page.getByTestId('customer-line');
  await runUntilVisible(page, line, 50);
  const opening = scenario.nodes[scenario.start]!;
  const full = opening.kind === 'dialogue' ? opening.customer : '';
  await page.clock.runFor(300);
  const typed = (await line.locator('.typed').textContent()) ?? '';
  expect(typed.length).toBeGreaterThan(0);
  expect(typed.length).toBeLessThan(full.length);
  await expect(replies(page)).toHaveCount(0);
  // The live region already has the whole line for screen readers.
  await expect(page.getByTestId('caption')).toHaveText(`${scenario.customer.name}: ${full}`);
  await line.click();
  await expect(line.locator('.typed')).toHaveText(full);
  await expect(replies(page).first()).toBeVisible();
  await expect(replies(page).first()).toBeFocused();
});

test('audio waits for the first input, then unlocks without a console error', async ({ page }) => {
  await openMenu(page);
  expect(await page.evaluate(() => typeof (window as unknown as { Howler?: unknown }).Howler)).toBe('undefined');
  await page.getByLabel('Reduce motion').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { Howler?: { ctx?: AudioContext } }).Howler?.ctx?.state ?? 'none')).toBe('running');
  await page.getByRole('button', { name: 'Mute sound' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { Howler?: { _muted: boolean } }).Howler?._muted)).toBe(true);
});
