import { atOnce, compile, expect, expectedResult, fixtureText, openDebrief, openMenu, planPath, playSteps, scenarioFiles, startScenario, test } from './helpers.ts';

/** Deep links, the menu's cards, filter and settings, and history that survives a reload. */
const compiled = compile('missing-zero.yaml')!;
const scenario = compiled.scenario;

test('the menu has a card for every scenario in scenarios/', async ({ page }) => {
  await openMenu(page);
  const cards = page.getByRole('list', { name: 'Scenarios' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(cards).toHaveCount(scenarioFiles().length);
  const card = page.getByTestId(`card-${scenario.id}`);
  await expect(card).toContainText(scenario.summary);
  await expect(card).toContainText(`Difficulty ${scenario.difficulty} of 5`);
  await expect(card).toContainText(/About \d+(–\d+)? min/);
  for (const tag of scenario.tags) await expect(card.getByRole('listitem').filter({ hasText: tag }).first()).toBeVisible();
  await expect(card).toContainText('New');
});

test('the tag filter shows only scenarios with that tag', async ({ page }) => {
  await openMenu(page);
  const tag = scenario.tags[0]!;
  await page.getByLabel('Filter by tag').selectOption(tag);
  const visible = page.locator('.cards > li:visible');
  const count = await visible.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(visible.nth(i).locator('.tag', { hasText: tag }).first()).toBeVisible();
  await page.getByLabel('Filter by tag').selectOption('');
  await expect(visible).toHaveCount(scenarioFiles().length);
});

test('settings are remembered across visits', async ({ page }) => {
  await openMenu(page);
  await page.getByRole('radio', { name: '1.5× time' }).check();
  await page.getByLabel('Mute all sound').check();
  await page.getByLabel('Reduce motion').check();
  await page.getByLabel('Sound volume').fill('40');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: '1.5× time' })).toBeChecked();
  await expect(page.getByLabel('Mute all sound')).toBeChecked();
  await expect(page.getByRole('button', { name: 'Mute sound' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Reduce motion')).toBeChecked();
  await expect(page.getByLabel('Sound volume')).toHaveValue('40');
});

test('a deep link opens that scenario\'s briefing', async ({ page }) => {
  await page.clock.install();
  await page.goto(`/?scenario=${scenario.id}`);
  await expect(page.getByRole('heading', { name: scenario.title, level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible();
  await page.getByRole('button', { name: 'All scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});

test('an unknown deep link says so and shows the menu', async ({ page }) => {
  await openMenu(page, '/?scenario=no-such-thing');
  await expect(page.getByText('There is no scenario called “no-such-thing”. Pick one of the scenarios below.')).toBeVisible();
  await expect(page.getByRole('button', { name: scenario.title, exact: true })).toBeVisible();
});

test('history survives a reload: best score and attempts on the card', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  const steps = planPath(compiled, 'best');
  const expected = expectedResult(compiled, atOnce(steps));
  await startScenario(page, scenario.title);
  await playSteps(page, steps);
  await openDebrief(page);
  await expect(page.getByTestId('attempts')).toHaveText(`Attempt 1 · your best so far ${expected.scores.overall}`);
  await page.clock.resume();
  await page.getByRole('button', { name: 'Back to scenarios' }).click();
  const card = page.getByTestId(`card-${scenario.id}`);
  await expect(card).toContainText(`Best ${expected.scores.overall} · 1 attempt`);
  await page.reload();
  await expect(card).toContainText(`Best ${expected.scores.overall} · 1 attempt`);
  await expect(card).toContainText(expected.passed ? 'Passed' : 'Not passed yet');
});

test('a damaged or old history store is reset with a notice, and a bad record is skipped with one, never a crash', async ({ page }) => {
  await openMenu(page);
  // An old layout (version 1, another store) holding junk, as an older build might have left.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('tactful');
        del.onsuccess = () => {
          const open = indexedDB.open('tactful', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('scores').put({ junk: true }, 1);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        };
        del.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(page.getByText('Your saved history could not be read')).toBeVisible();
  await expect(page.getByTestId(`card-${scenario.id}`)).toContainText('Not played yet');

  // A record of the wrong shape in today's layout is skipped (and said so); the others would still count.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tactful');
        open.onsuccess = () => {
          const tx = open.result.transaction('plays', 'readwrite');
          tx.objectStore('plays').put({ format: 99, nonsense: 'x' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('writing the record failed'));
        };
      }),
  );
  await page.reload();
  await expect(page.getByText('1 saved result could not be read and was skipped.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
});

test('a scenario with errors shows as a card with its errors, not a blank page', async ({ page }) => {
  const broken = fixtureText('markup-in-text.yaml').replace('goto: done\n        feedback: <script>', 'goto: nowhere\n        feedback: <script>');
  await page.addInitScript((text) => {
    (window as unknown as { __TACTFUL_TEST_SCENARIOS__: unknown }).__TACTFUL_TEST_SCENARIOS__ = [{ file: 'tests/e2e/fixtures/broken.yaml', text }];
  }, broken);
  await openMenu(page);
  const card = page.getByTestId('card-broken');
  await expect(card).toContainText("has errors, so it can't be played yet");
  await expect(card.locator('pre')).toContainText(/tests\/e2e\/fixtures\/broken\.yaml:\d+:\d+: error: .*nowhere/);
});
