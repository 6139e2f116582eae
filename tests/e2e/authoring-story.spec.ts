import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';
import { startDevServer, type DevServer } from './harness/dev-server.ts';
import { ARTIFACTS, expect, test } from './helpers.ts';

/**
 * A trainer's whole authoring session, in `npm start` as a trainer runs it
 * (Vite's development server on a copy of the project, so Save really
 * writes into scenarios/): start from the studio's template, type a new
 * node and a misspelt `goto` with the keyboard, see it underlined at its
 * line with the CLI's suggestion, apply the quick fix, see the map gain
 * the arrow, play from a node in the middle with a chosen mood, save, and
 * find the file lint-clean (the real CLI) and playable in the game's menu,
 * which picks it up without a restart.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const ID = 'parcel-story';
const TITLE = 'The parcel the neighbour took';

/** The lines of the new node, as a trainer types them (indentation included). */
const COURIER_NODE = [
  '  courier:',
  '    customer: The courier says a neighbour took it. Which neighbour?',
  '    replies:',
  '      - say: I will ask the courier for the house number and call you back today.',
  '        tact: 2',
  '        mood: +20',
  '        techniques: [own-the-next-step]',
  '        goto: reassured',
  '      - say: I have no way of knowing that.',
  '        tact: -2',
  '        mood: -10',
  '        goto: unhappy',
];

let server: DevServer;

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startDevServer();
});

test.afterAll(async () => {
  await server?.stop();
});

const editorLine = (page: Page, text: string) => page.locator('.cm-line', { hasText: text });
const summary = (page: Page) => page.locator('#problems-summary');

/**
 * Puts the cursor at the end of an editor line, as a click then End would.
 * The editor draws only the lines near the screen: like a trainer, it
 * scrolls down the file until the line is there.
 */
async function endOf(page: Page, line: ReturnType<typeof editorLine>): Promise<void> {
  const scroller = page.locator('.cm-scroller');
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 40 && !(await line.isVisible()); i++) await scroller.evaluate((el) => el.scrollBy({ top: el.clientHeight / 2 }));
  await line.click();
  await page.keyboard.press('End');
}

/** Replaces the rest of the line after the cursor's `count` characters before it with `text`. */
async function retype(page: Page, count: number, text: string): Promise<void> {
  for (let i = 0; i < count; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Types lines below the cursor's line: each on a new line, whatever indentation the editor offers replaced by the line's own. */
async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type(line);
    // Completion may open while typing: it must not take the next Enter.
    await page.keyboard.press('Escape');
  }
}

/**
 * Answers in the game's scene (the studio's preview or the game itself) and
 * waits for the customer's next line. A reply takes no answer for a moment
 * after it appears (the game's reply guard): the click is repeated until it
 * is taken, which a person never notices.
 */
async function answer(scene: Page | FrameLocator, reply: RegExp, next: string): Promise<void> {
  await expect(async () => {
    const button = scene.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: reply });
    if (await button.isVisible()) await button.click({ timeout: 1_000 });
    await expect(scene.getByTestId('customer-line')).toContainText(next, { timeout: 700 });
  }).toPass({ timeout: 30_000 });
}

/** Answers in the Play panel's preview. */
async function answerInPreview(page: Page, reply: RegExp, next: string): Promise<void> {
  await answer(page.frameLocator('#play-panel iframe'), reply, next);
}

test('a trainer writes a scenario from the template, checks it, plays it from the middle, saves it and plays it in the game', async ({ page, context }) => {
  await page.goto(`${server.url}studio.html`);
  await expect(summary(page)).toHaveText('No problems: the scenario passes tactful lint.', { timeout: 120_000 });
  await expect(page.locator('#map-note')).toHaveText(/^3 nodes, 2 endings/, { timeout: 30_000 });

  // Name it: the id gives the file its name.
  await endOf(page, editorLine(page, 'id: new-scenario'));
  await retype(page, 'new-scenario'.length, ID);
  await endOf(page, editorLine(page, 'title: A parcel that never came'));
  await retype(page, 'A parcel that never came'.length, TITLE);
  await expect(page.locator('#file-name')).toHaveText(`${ID}.yaml`);

  // A new node before the endings, typed line by line.
  await endOf(page, editorLine(page, '- goto: unhappy'));
  await typeLines(page, COURIER_NODE);
  await expect(page.locator('#map-note')).toHaveText(/^4 nodes, 2 endings/);
  const courierBox = page.locator('.map-node', { has: page.locator('text=courier') }).first();
  await expect(courierBox).toHaveClass(/map-unreachable/);

  // Lead a reply to it, misspelt: underlined where the CLI says, with its suggestion.
  // The reply "You'll have to contact the courier yourself.": down from its line to its goto, as a trainer moves the cursor.
  await endOf(page, editorLine(page, "You'll have to contact the courier yourself."));
  const activeLine = page.locator('.cm-activeLine');
  for (let i = 0; i < 8 && !(await activeLine.textContent())?.includes('goto:'); i++) await page.keyboard.press('ArrowDown');
  await expect(activeLine).toHaveText('        goto: outcome');
  await page.keyboard.press('End');
  await retype(page, 'outcome'.length, 'courer');
  await page.keyboard.press('Escape');
  const lineNumber = (await page.evaluate(() => document.getElementById('editor-host')!.shadowRoot!.querySelector('.cm-activeLineGutter')?.textContent ?? '')).trim();
  const problem = page.getByRole('button', { name: new RegExp(`^Line ${lineNumber}, column 15: error: "courer" is not a node or ending id; did you mean "courier"\\?`) });
  await expect(problem).toBeVisible();
  await expect(page.locator('.cm-lintRange-error')).toHaveText('courer');
  await page.screenshot({ path: join(ARTIFACTS, 'authoring-story-problem.png') });

  // The quick fix, as the problems list offers it; the map gains the arrow to the new node.
  await page.getByRole('button', { name: new RegExp(`^Change to "courier" \\(Line ${lineNumber}, column 15\\)`) }).click();
  await expect(summary(page)).toHaveText('No problems: the scenario passes tactful lint.');
  // Reachable now: the map is laid out again with the reply's arrow leading to it.
  await expect(courierBox).not.toHaveClass(/map-unreachable/);
  await page.screenshot({ path: join(ARTIFACTS, 'authoring-story-map.png') });

  // Play from a node in the middle, with a chosen mood, in the Play panel's preview (the game's own scene).
  await page.getByRole('tab', { name: 'Play' }).click();
  const preview = page.frameLocator('#play-panel iframe');
  await page.getByLabel('Start', { exact: true }).selectOption('address');
  await page.getByLabel('Mood (0–100)').fill('40');
  await page.getByRole('checkbox', { name: 'checkedAddress' }).setChecked(true);
  await page.locator('#play-button').click();
  await expect(preview.getByTestId('customer-line')).toContainText("It's 14 Rose Lane.", { timeout: 60_000 });
  await expect(page.locator('.map-node[data-id="address"]')).toHaveClass(/map-play-start/);
  await answerInPreview(page, /You'll have to contact the courier yourself/, 'The courier says a neighbour took it.');
  await expect(page.locator('.map-node[data-id="courier"]')).toHaveClass(/map-played/);
  await expect(page.locator('.map-node[data-id="opening"]')).not.toHaveClass(/map-played/);
  await answerInPreview(page, /ask the courier for the house number/, 'Okay. Tomorrow by noon, then. Thanks.');
  await expect(page.locator('#play-status')).toContainText('Ending "reassured" (satisfied)');
  await page.screenshot({ path: join(ARTIFACTS, 'authoring-story-play.png') });

  // The game's menu, open in another tab before the save: it picks the new file up by itself.
  const game = await context.newPage();
  await game.goto(server.url);
  await expect(game.getByRole('button', { name: TITLE })).toHaveCount(0);

  // Save (Ctrl+S): in npm start it writes scenarios/parcel-story.yaml.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+s');
  await expect(page.locator('#studio-status')).toHaveText(`Saved scenarios/${ID}.yaml. The game's menu has it now.`);
  const saved = join(server.scenarios, `${ID}.yaml`);
  expect(existsSync(saved)).toBe(true);
  expect(readFileSync(saved, 'utf8')).toContain('goto: courier');
  // The real CLI, as a trainer would run it on the saved file.
  const lint = spawnSync(process.execPath, [join(ROOT, 'bin', 'tactful.mjs'), 'lint', saved], { cwd: ROOT, encoding: 'utf8' });
  expect(lint.status, lint.stdout + lint.stderr).toBe(0);
  expect(lint.stdout + lint.stderr).toContain('1 file checked: 0 errors, 0 warnings');

  // The game reloaded its menu: the new scenario is there, and plays to its end.
  const card = game.getByRole('button', { name: TITLE });
  await expect(card).toBeVisible({ timeout: 60_000 });
  await card.click();
  await game.getByRole('button', { name: 'Start conversation' }).click();
  await expect(game.getByTestId('customer-line')).toContainText('Where is my parcel?', { timeout: 60_000 });
  await answer(game, /Can we check the address together/, "It's 14 Rose Lane.");
  await answer(game, /You'll have to contact the courier yourself/, 'The courier says a neighbour took it.');
  await expect(game.getByTestId('caption')).toHaveText('Sam: The courier says a neighbour took it. Which neighbour?', { timeout: 30_000 });
  await answer(game, /ask the courier for the house number/, 'Okay. Tomorrow by noon, then. Thanks.');
  await game.getByRole('button', { name: 'See your debrief' }).click({ timeout: 30_000 });
  await expect(game.getByRole('heading', { level: 1 })).toBeVisible();
  await game.screenshot({ path: join(ARTIFACTS, 'authoring-story-debrief.png') });
});
