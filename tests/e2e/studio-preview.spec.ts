import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { twoRepliesEach } from '../fixtures/studio/two-replies-each.ts';
import { openStudioOn } from './harness/studio-on.ts';
import { ARTIFACTS, expect, test } from './helpers.ts';

/**
 * "Play from here" in the studio (issue 11): the Play panel plays the file
 * being edited in the game's own conversation scene (preview.html in a
 * frame), from the start or a chosen node with chosen mood and variables;
 * the path played is drawn on the map; an edit reloads the preview at the
 * same point. Screenshots go to tests/artifacts/studio-play-*.png.
 */
/** The scenario the studio is opened on (a kept draft): the tests know its lines. */
const TEMPLATE = twoRepliesEach('new-scenario');
/** The template with its branch also asking for `checkedAddress`, so a start's variable decides the ending. */
const WITH_VARIABLE = TEMPLATE.replace('- if: mood >= 50', '- if: mood >= 30 and checkedAddress');

test.beforeEach(async ({ page }) => {
  // Lines appear at once and no sound plays (the game's own settings, shared with the preview on this origin).
  await page.addInitScript(() => localStorage.setItem('tactful.settings.v1', JSON.stringify({ reducedMotion: true, muted: true })));
  await page.addInitScript(collectCspViolations);
});

const preview = (page: Page): FrameLocator => page.frameLocator('#play-panel iframe');
const customerLine = (page: Page) => preview(page).getByTestId('customer-line');
const status = (page: Page) => page.locator('#play-status');
const box = (page: Page, id: string) => page.locator(`.map-node[data-id="${id}"]`);
const arrow = (page: Page, id: string) => page.locator(`.map-edge[data-id="${id}"]`);

async function openPlay(page: Page): Promise<void> {
  await openStudioOn(page, TEMPLATE);
  await expect(page.locator('#problems-summary')).toHaveText('No problems: the scenario passes tactful lint.');
  await expect(box(page, 'opening')).toBeVisible();
  await page.getByRole('tab', { name: 'Play' }).click();
  await expect(preview(page).getByText('Choose where to start in the Play panel, then press Play.')).toBeVisible({ timeout: 20_000 });
}

/** Replaces the whole file by pasting over it (Ctrl+A, then a paste event with the text, which CodeMirror applies as one edit). */
async function replaceText(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.locator('.cm-content').evaluate((content, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Answers in the preview and waits for the customer's next line. New replies
 * take no answer for a moment (the game's reply guard): the answer is given
 * again until it is taken, which a person never notices.
 */
async function answer(page: Page, reply: RegExp, next: string): Promise<void> {
  await expect(async () => {
    const button = preview(page).getByRole('group', { name: 'Your reply' }).getByRole('button', { name: reply });
    if (await button.isVisible()) await button.click({ timeout: 1_000 });
    await expect(customerLine(page)).toContainText(next, { timeout: 700 });
  }).toPass({ timeout: 20_000 });
}

test('plays from the start in the game scene, draws the path on the map, and keeps its place after an edit', async ({ page }) => {
  await openPlay(page);
  await expect(page.locator('#play-start')).toHaveValue('');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(customerLine(page)).toContainText('The tracking says delivered.', { timeout: 20_000 });
  await expect(status(page)).toHaveText('Playing from "opening".');
  await expect(box(page, 'opening')).toHaveClass(/map-play-start/);

  // Play put the keyboard in the preview: the game's number keys answer there.
  await expect(async () => {
    await page.keyboard.press('1');
    await expect(customerLine(page)).toContainText("It's 14 Rose Lane. Same as always.", { timeout: 700 });
  }).toPass({ timeout: 20_000 });
  await expect(preview(page).locator('.bubble-you')).toContainText("I'm sorry it hasn't reached you.");
  await expect(status(page)).toHaveText('Playing from "opening" · 1 decision.');
  await expect(box(page, 'opening')).toHaveClass(/map-played/);
  await expect(box(page, 'address')).toHaveClass(/map-played/);
  await expect(arrow(page, 'opening/reply/1')).toHaveClass(/map-played/);
  await expect(arrow(page, 'opening/reply/2')).not.toHaveClass(/map-played/);
  await expect(box(page, 'reassured')).not.toHaveClass(/map-played/);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-play-path.png') });

  // An edit of the line on screen: the preview reloads at the same point, with the new words.
  await page.locator('.cm-line', { hasText: 'Same as always.' }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'always.'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('ever, thanks.');
  await expect(customerLine(page)).toContainText("It's 14 Rose Lane. Same as ever, thanks.");
  await expect(status(page)).toHaveText('Playing from "opening" · 1 decision.');
  await expect(arrow(page, 'opening/reply/1')).toHaveClass(/map-played/);
  // The reload left the keyboard in the editor.
  await expect(page.locator('.cm-content')).toBeFocused();
  await page.screenshot({ path: join(ARTIFACTS, 'studio-play-after-edit.png') });

  await answer(page, /Thanks\. I'll open a trace/, 'Okay. Tomorrow by noon, then. Thanks.');
  await expect(status(page)).toHaveText(/^Ending "reassured" \(satisfied\), overall score \d+\. Play again in the preview, or Restart\.$/);
  await expect(box(page, 'outcome')).toHaveClass(/map-played/);
  await expect(arrow(page, 'outcome/route/1')).toHaveClass(/map-played/);
  await expect(box(page, 'reassured')).toHaveClass(/map-played/);
  // A preview records nothing: no debrief, and Play again starts over at the start point.
  await expect(preview(page).getByRole('button', { name: 'See your debrief' })).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-play-ending.png') });
  await preview(page).getByRole('button', { name: 'Play again' }).click();
  await expect(customerLine(page)).toContainText('The tracking says delivered.');
  await expect(box(page, 'address')).not.toHaveClass(/map-played/);
});

test('plays from a middle node with the chosen mood and variable', async ({ page }) => {
  await openPlay(page);
  await replaceText(page, WITH_VARIABLE);
  await expect(page.locator('#problems-summary')).toHaveText('No problems: the scenario passes tactful lint.');
  const start = page.getByLabel('Start', { exact: true });
  await expect(start.locator('option')).toHaveText([
    'From the start (opening)',
    "opening: The tracking says delivered. It wasn't. Where is my parcel?",
    "address: It's 14 Rose Lane. Same as always.",
    '◇ outcome: → reassured, unhappy',
  ]);

  const playFrom = async (mood: string, checked: boolean, ending: string): Promise<void> => {
    await start.selectOption('address');
    await page.getByLabel('Mood (0–100)').fill(mood);
    await page.getByRole('checkbox', { name: 'checkedAddress' }).setChecked(checked);
    await page.locator('#play-button').click();
    await expect(customerLine(page)).toContainText("It's 14 Rose Lane.", { timeout: 20_000 });
    await expect(box(page, 'address')).toHaveClass(/map-play-start/);
    await expect(box(page, 'opening')).not.toHaveClass(/map-played/);
    // +15 for this reply: the branch needs mood 30 and checkedAddress.
    await answer(page, /Thanks\. I'll open a trace/, ending);
  };
  await playFrom('20', true, 'Okay. Tomorrow by noon, then. Thanks.');
  await expect(status(page)).toContainText('Ending "reassured" (satisfied)');
  await page.screenshot({ path: join(ARTIFACTS, 'studio-play-middle.png') });
  await playFrom('20', false, "I'll take my business elsewhere.");
  await expect(status(page)).toContainText('Ending "unhappy" (dissatisfied)');
  await playFrom('5', true, "I'll take my business elsewhere.");
});

test('"Play from here" on the map plays from the highlighted box; P on a box does too', async ({ page }) => {
  await openStudioOn(page, TEMPLATE);
  await expect(box(page, 'address')).toBeVisible();
  // The cursor in the address block highlights its box; the map's button plays from it.
  await page.locator('.cm-line', { hasText: 'Same as always.' }).click();
  await expect(box(page, 'address')).toHaveClass(/map-current/);
  await page.getByRole('button', { name: 'Play from here' }).click();
  await expect(page.getByRole('tab', { name: 'Play' })).toHaveAttribute('aria-selected', 'true');
  await expect(customerLine(page)).toContainText("It's 14 Rose Lane.", { timeout: 20_000 });
  await expect(page.locator('#play-start')).toHaveValue('address');

  await box(page, 'opening').focus();
  await page.keyboard.press('p');
  await expect(customerLine(page)).toContainText('The tracking says delivered.');
  await expect(box(page, 'opening')).toHaveClass(/map-play-start/);
  await expect(box(page, 'opening').locator('.map-play-mark')).toHaveText('▶');
  await expect(page.locator('.map-play-mark')).toHaveCount(1);
});

test('an edit that removes the reply played goes on from the last decision still valid, and says so', async ({ page }) => {
  await openPlay(page);
  await page.locator('#play-button').click();
  await answer(page, /I'm sorry it hasn't reached you/, "It's 14 Rose Lane.");
  await expect(status(page)).toHaveText('Playing from "opening" · 1 decision.');
  // The reply chosen now only shows once the address was checked: this play cannot have chosen it.
  await replaceText(page, TEMPLATE.replace("      - say: I'm sorry it hasn't reached you.", "      - if: checkedAddress\n        say: I'm sorry it hasn't reached you."));
  await expect(status(page)).toHaveText('Your edit changed the path from the start point: playing from there.');
  await expect(customerLine(page)).toContainText('The tracking says delivered.');
  await expect(box(page, 'address')).not.toHaveClass(/map-played/);
});

test('a file with errors is not played, and a start value out of range shows the engine\'s message', async ({ page }) => {
  await openPlay(page);
  await page.getByLabel('Mood (0–100)').fill('150');
  await page.locator('#play-button').click();
  await expect(page.locator('#play-problems')).toHaveText('Mood must be a number from 0 to 100 (got 150).');
  await expect(page.getByLabel('Mood (0–100)')).toHaveAttribute('aria-invalid', '');
  await expect(page.locator('#play-start')).not.toHaveAttribute('aria-invalid');
  await expect(preview(page).getByRole('heading', { name: 'The play cannot start there' })).toBeVisible({ timeout: 20_000 });
  await expect(preview(page).getByText('Mood must be a number from 0 to 100 (got 150).')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'studio-play-bad-start.png') });

  await page.getByLabel('Mood (0–100)').fill('35');
  await replaceText(page, TEMPLATE.replace('goto: address', 'goto: adress'));
  await expect(status(page)).toHaveText('Fix the errors in Problems to play.');
  await expect(page.getByRole('tab', { name: /Problems/ })).toContainText('1');
  await page.locator('#play-button').click();
  await expect(status(page)).toHaveText('Fix the errors in Problems to play.');
  await expect(page.locator('#play-problems')).toHaveText('Mood must be a number from 0 to 100 (got 150).');
  await page.screenshot({ path: join(ARTIFACTS, 'studio-play-errors.png') });
});

for (const size of [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`${size.name}: the Play panel passes axe and plays with no Content-Security-Policy violation`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openPlay(page);
    await page.locator('#play-button').click();
    await answer(page, /I'm sorry it hasn't reached you/, "It's 14 Rose Lane.");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    const frame = page.frames().find((f: Frame) => f.url().endsWith('/preview.html'));
    expect(frame).toBeDefined();
    for (const context of [page, frame!]) expect(await context.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `studio-play-${size.name}.png`) });
    if (size.name === 'desktop') await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'images', 'studio-play.png') });
  });
}

/** Collects each document's Content-Security-Policy violations in `window.__cspViolations` (an init script, run in the frame too). */
function collectCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}
