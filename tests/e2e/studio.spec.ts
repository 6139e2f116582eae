import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { buildCatalogue, checkScenario, formatProblem } from '../../src/scenario/index.ts';
import { twoRepliesEach } from '../fixtures/studio/two-replies-each.ts';
import { openStudioOn } from './harness/studio-on.ts';
import { ARTIFACTS, expect, test } from './helpers.ts';

/**
 * The authoring studio (studio.html) in the built page, under its
 * Content-Security-Policy: a trainer types into the editor, sees the CLI's
 * problems underlined and listed, applies the quick fix, gets completion
 * and hover help, and finds the draft again after a reload. Screenshots go
 * to tests/artifacts/studio-*.png.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const { catalogue } = buildCatalogue(readFileSync(join(ROOT, 'scenarios', 'techniques.yaml'), 'utf8'));
/** The scenario the studio is opened on (a kept draft): the tests know its lines. */
const TEMPLATE = twoRepliesEach('new-scenario');

const summary = (page: Page) => page.locator('#problems-summary');
const editorLine = (page: Page, text: string) => page.locator('.cm-line', { hasText: text }).first();

async function openStudio(page: Page): Promise<void> {
  await openStudioOn(page, TEMPLATE);
  await expect(summary(page)).toHaveText('No problems: the scenario passes tactful lint.');
}

/** Puts the cursor at the end of the first editor line holding `text`, as a click and End would. */
async function endOfLine(page: Page, text: string): Promise<void> {
  await editorLine(page, text).click();
  await page.keyboard.press('End');
}

test('a misspelt goto is underlined with the CLI message, listed, and fixed by the quick fix', async ({ page }) => {
  await openStudio(page);
  await endOfLine(page, 'goto: address');
  for (let i = 0; i < 'address'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('adress');
  await page.keyboard.press('Escape');

  // The same problem, word for word, that `tactful lint` prints for this text.
  const expected = checkScenario('scenarios/new-scenario.yaml', TEMPLATE.replace('goto: address', 'goto: adress'), catalogue).problems;
  expect(expected.map(formatProblem)).toEqual(['scenarios/new-scenario.yaml:21:15: error: "adress" is not a node or ending id; did you mean "address"? [unknown-target]']);
  const problem = page.getByRole('button', { name: `Line 21, column 15: error: ${expected[0]!.message} [unknown-target]` });
  await expect(problem).toBeVisible();
  await expect(summary(page)).toHaveText('1 error: the game will not play it until the errors are fixed.');
  await expect(page.locator('.cm-lintRange-error')).toHaveText('adress');
  await page.screenshot({ path: join(ARTIFACTS, 'studio-problem.png') });

  await page.getByRole('button', { name: 'Change to "address" (Line 21, column 15)' }).click();
  await expect(summary(page)).toHaveText('No problems: the scenario passes tactful lint.');
  await expect(editorLine(page, 'goto: addr')).toHaveText('        goto: address');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
});

test('completion offers the fields of a reply and the values of a field, and hover explains a field', async ({ page }) => {
  await openStudio(page);
  // CodeMirror ignores Enter for 75 ms after the list changes (so a fast typist does not accept by accident):
  // the page clock is moved on past that before each Enter that accepts.
  await page.clock.install();
  const accept = async (): Promise<void> => {
    await page.clock.runFor(100);
    await page.keyboard.press('Enter');
  };
  await endOfLine(page, 'tact: -2');
  await page.keyboard.press('Enter');
  await page.keyboard.type('crit');
  const options = page.getByRole('listbox');
  await expect(options.getByRole('option', { name: /critical/ })).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'studio-completion.png') });
  await accept();
  await page.keyboard.type('t');
  await expect(options.getByRole('option', { name: /true/ })).toBeVisible();
  await accept();
  await expect(editorLine(page, 'critical')).toHaveText('        critical: true');

  await endOfLine(page, 'goto: reassured');
  for (let i = 0; i < 'reassured'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('unh');
  await expect(options.getByRole('option', { name: /unhappy/ })).toBeVisible();
  await accept();
  await expect(editorLine(page, 'goto: unh')).toHaveText('        goto: unhappy');

  await page.locator('.cm-content span', { hasText: /^techniques$/ }).first().hover();
  await expect(page.locator('.cm-tooltip-hover')).toContainText('Technique ids from the catalogue.');
});

test('undo takes back a run of typing, Enter keeps the YAML indentation, Tab and Shift+Tab indent', async ({ page }) => {
  await openStudio(page);
  await endOfLine(page, 'name: Sam');
  await page.keyboard.type('antha');
  await expect(editorLine(page, 'name: Sam')).toHaveText('  name: Samantha');
  await page.keyboard.press('Control+z');
  await expect(editorLine(page, 'name: Sam')).toHaveText('  name: Sam');
  await page.keyboard.press('Control+y');
  await expect(editorLine(page, 'name: Sam')).toHaveText('  name: Samantha');
  // After a key with no value, one level deeper; after a field, the same level.
  await endOfLine(page, 'customer:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('avatar: sam');
  await expect(editorLine(page, 'avatar:')).toHaveText('  avatar: sam');
  await page.keyboard.press('Enter');
  await page.keyboard.type('voice:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('pitch: 2');
  await expect(editorLine(page, 'voice:')).toHaveText('  voice:');
  await expect(editorLine(page, 'pitch:')).toHaveText('    pitch: 2');
  // Under a `- say:` item the next field lines up with `say`.
  await endOfLine(page, 'say: You\'ll have to contact the courier yourself.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('critical: true');
  await expect(editorLine(page, 'critical:')).toHaveText('        critical: true');
  // Tab indents the line, Shift+Tab takes it back, and the focus stays in the editor.
  await page.keyboard.press('Tab');
  await expect(editorLine(page, 'critical:')).toHaveText('          critical: true');
  await page.keyboard.press('Shift+Tab');
  await expect(editorLine(page, 'critical:')).toHaveText('        critical: true');
  expect(await page.evaluate(() => document.getElementById('editor-host')!.shadowRoot!.activeElement?.className)).toContain('cm-content');
});

test('find and replace: Ctrl+F opens the search panel in the editor, Replace all changes every match', async ({ page }) => {
  await page.addInitScript(watchCspViolations);
  await openStudio(page);
  await editorLine(page, 'name: Sam').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.keyboard.type('Sam');
  // The matches are marked in the text, the panel is styled (inside the shadow root's constructed sheet).
  await expect(page.locator('.cm-searchMatch').first()).toBeVisible();
  await expect(page.locator('.cm-panel.cm-search')).toHaveCSS('font-family', /Inter/);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-find.png') });
  await page.getByRole('textbox', { name: 'Replace' }).fill('Alex');
  await page.getByRole('button', { name: 'replace all' }).click();
  await expect(editorLine(page, 'name:')).toHaveText('  name: Alex');
  await expect(page.locator('.cm-content')).not.toContainText('Sam');
  await expect(summary(page)).toHaveText('No problems: the scenario passes tactful lint.');
  // Escape closes the panel and gives the text back its focus; Escape then Tab leaves the editor as before.
  await find.focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('.cm-panel.cm-search')).toHaveCount(0);
  expect(await page.evaluate(() => document.getElementById('editor-host')!.shadowRoot!.activeElement?.className)).toContain('cm-content');
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});

test('the draft survives a reload', async ({ page }) => {
  await openStudio(page);
  await endOfLine(page, 'title: A parcel that never came');
  await page.keyboard.type(' (draft)');
  // Kept in IndexedDB a moment after typing stops.
  await expect.poll(() => page.evaluate(readDraftText)).toContain('title: A parcel that never came (draft)');
  await page.reload();
  await expect(editorLine(page, 'title:')).toHaveText('title: A parcel that never came (draft)');
  await expect(page.locator('#studio-status')).toContainText('Your draft of new-scenario.yaml');
});

test('keyboard alone: reach the editor, leave it with Escape then Tab, and jump from a problem to its line', async ({ page }) => {
  await page.goto('/studio.html');
  await expect(summary(page)).toHaveText(/No problems/);
  const focused = () => page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.tagName.toLowerCase()}${el?.id ? `#${el.id}` : ''}${el?.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
  });
  const order: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  expect(order).toEqual(['button#new-file.btn', 'button#open-file.btn', 'button#save-file.btn', 'a.studio-back', 'div.cm-content']);
  // In the editor: Ctrl+End, then a new line with a misspelt key.
  await page.keyboard.press('Control+End');
  await page.keyboard.type('titel: x');
  await expect(page.getByRole('button', { name: /unknown field "titel"/ })).toBeVisible();
  await page.keyboard.press('Escape');
  // Next comes the side panel: its selected tab (Problems), then the problem.
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button#tab-problems.side-tab');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button.problem-go');
  await page.keyboard.press('Enter');
  expect(await focused()).toBe('div.cm-content');
  const selectedText = await page.evaluate(() => (document.getElementById('editor-host')!.shadowRoot as unknown as { getSelection(): Selection | null }).getSelection()?.toString() ?? '');
  expect(selectedText).toBe('titel');
  // Ctrl+M (CodeMirror's tab-focus mode) makes Tab move the focus for good, until pressed again.
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button#tab-problems.side-tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('div.cm-content');
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('div.cm-content');
});

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test(`${size.name}: no axe-core violation and no Content-Security-Policy violation`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    await page.addInitScript(watchCspViolations);
    await openStudio(page);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // CodeMirror's own styles are in force (a constructed sheet in the editor's shadow root): the gutter sits beside the text.
    expect(await page.evaluate(() => document.getElementById('editor-host')!.shadowRoot!.adoptedStyleSheets.length)).toBeGreaterThan(0);
    await expect(page.locator('.cm-editor')).toHaveCSS('display', 'flex');
    if (size.name === 'phone') {
      await expect(page.getByText('Read-only on a small screen')).toBeVisible();
      await expect(page.locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
      await expect(page.getByRole('button', { name: 'Save' })).toBeHidden();
    } else {
      await endOfLine(page, 'goto: address');
      await page.keyboard.type('x');
      await expect(summary(page)).toHaveText(/1 error/);
      await page.keyboard.press('Escape');
      // The find/replace panel is part of what axe checks.
      await page.keyboard.press('Control+f');
      await page.keyboard.type('goto');
      await expect(page.locator('.cm-searchMatch').first()).toBeVisible();
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `studio-${size.name}.png`) });
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
}

/** Collects the page's Content-Security-Policy violations in `window.__cspViolations` (an init script). */
function watchCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}

/** The studio's kept draft, read straight from IndexedDB (runs in the page). */
function readDraftText(): Promise<string> {
  return new Promise((resolve) => {
    const open = indexedDB.open('tactful-studio');
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('drafts')) return resolve('');
      const get = db.transaction('drafts').objectStore('drafts').get('current');
      get.onsuccess = () => resolve((get.result as { text?: string } | undefined)?.text ?? '');
      get.onerror = () => resolve('');
    };
    open.onerror = () => resolve('');
  });
}
