import { join } from 'node:path';
import { compile, expect, fixtureText, openDebrief, openMenu, planPath, playSteps, test } from './helpers.ts';

/**
 * Scenario text with markup or script shows as plain text and never runs.
 * The fixture reaches the game through the test-only hook, which production
 * builds strip, so it never appears on the shipped menu.
 */
const fixture = compile('markup-in-text.yaml', 'tests/e2e/fixtures')!;

test('markup and script in scenario text are shown as text, never executed', async ({ page }) => {
  await page.addInitScript((text) => {
    (window as unknown as { __TACTFUL_TEST_SCENARIOS__: unknown }).__TACTFUL_TEST_SCENARIOS__ = [{ file: 'tests/e2e/fixtures/markup-in-text.yaml', text }];
  }, fixtureText('markup-in-text.yaml'));
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  const { title } = fixture.scenario;
  const card = page.getByRole('button', { name: title, exact: true });
  await expect(card).toBeVisible();
  await expect(page.getByText(fixture.scenario.summary)).toBeVisible();
  await card.click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('<script>window.__pwned = \'brief\'</script>', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Start conversation' }).click();
  const steps = planPath(fixture, 'best');
  await playSteps(page, steps);
  await openDebrief(page);
  await expect(page.getByTestId('chosen')).toHaveText(steps[0]!.say);
  await expect(page.getByTestId('ending-line')).toHaveText(fixture.scenario.endings.done!.customer);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  // None of the scenario's tags became elements.
  expect(await page.locator('#ui script, #ui iframe, #ui img[src="x"], #ui b[onmouseover], #ui a[href^="javascript"]').count()).toBe(0);
});

test('the test-only hook is stripped from a production build', async () => {
  test.setTimeout(120_000);
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const out = mkdtempSync(join(tmpdir(), 'tactful-prod-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'pipe' });
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    const leaks = js.filter((f) => /__TACTFUL_TEST_(SCENARIOS|FAIL)__/.test(readFileSync(join(out, 'assets', f), 'utf8')));
    expect(leaks).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(/(src|href)="\//);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
