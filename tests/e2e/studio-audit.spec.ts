import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { auditScenario, NAIVE_STRATEGIES, RANDOM_STRATEGY, type ScenarioAudit } from '../../src/audit/index.ts';
import { enumeratePaths, loadScenario, type CompiledScenario } from '../../src/engine/index.ts';
import { buildCatalogue } from '../../src/scenario/index.ts';
import { newScenarioText } from '../../src/studio/files/template.ts';
import { openStudioOn } from './harness/studio-on.ts';
import { twoRepliesEach } from '../fixtures/studio/two-replies-each.ts';
import { ARTIFACTS, expect, test } from './helpers.ts';

/**
 * The studio's Audit panel in the built page: `tactful audit` for the file
 * being edited, run in its own worker on load and on every save, with the
 * same figures as src/audit computes here in Node for the same text.
 * Screenshots: tests/artifacts/studio-audit-*.png and docs/images/studio-audit.png.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const { catalogue } = buildCatalogue(readFileSync(join(ROOT, 'scenarios', 'techniques.yaml'), 'utf8'));
/** A scenario rules of thumb win (the studio's first starter), opened as a kept draft: the findings to show. */
const TEMPLATE = twoRepliesEach('new-scenario');
/** The two weak replies of that scenario, made the longest of their decisions: always the shortest reply now wins. */
const WEAK_OPENING = 'It says delivered, so it was delivered.';
const WEAK_OPENING_MORE = ' The courier has a photo of it at your door, so look again.';
const WEAK_ADDRESS = "You'll have to contact the courier yourself.";
const WEAK_ADDRESS_MORE = ' Their number is on their website and they open at nine.';

function compiled(text: string): CompiledScenario {
  const loaded = loadScenario('scenarios/new-scenario.yaml', text, catalogue);
  if (!loaded.compiled) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.compiled;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The rules-of-thumb table as the audit's own figures give it: rule, plays, passes, mean overall. */
function expectedStrategyRows(audit: ScenarioAudit): string[][] {
  const labels = [...NAIVE_STRATEGIES.map((s) => s.label), RANDOM_STRATEGY.label];
  return [...audit.strategies, audit.random].map((o, i) => [
    capital(labels[i]!),
    String(o.runs),
    o.runs === 1 ? (o.passRate > 0 ? 'PASS' : 'fail') : percent(o.passRate),
    String(o.meanOverall),
  ]);
}

const panel = (page: Page) => page.locator('#audit-panel');
const auditStatus = (page: Page) => page.locator('#audit-panel .audit-status');

/** The rows of a table in the panel, by its caption: each row's cells as text (a flagged row's " · finding" left out). */
async function tableRows(page: Page, caption: string): Promise<string[][]> {
  const rows = panel(page).getByRole('table', { name: caption }).locator('tbody tr');
  return (await rows.evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent ?? '')))).map((cells) => cells.map((c) => c.replace(' · finding', '')));
}

/** Opens the studio on TEMPLATE (a draft kept from an earlier visit) and its Audit tab, once audited. */
async function openAuditTab(page: Page): Promise<void> {
  await openStudioOn(page, TEMPLATE);
  await expect(page.locator('#problems-summary')).toHaveText('No problems: the scenario passes tactful lint.');
  await page.getByRole('tab', { name: 'Audit' }).click();
  await expect(auditStatus(page)).toHaveText(/^Audited at .+ in \d/);
}

/** Keeps every text the audit's status line takes, from now on (runs in the page). */
function recordAuditStatus(): void {
  const status = document.querySelector('#audit-panel .audit-status')!;
  const seen: string[] = [];
  (window as unknown as { __auditStatus: string[] }).__auditStatus = seen;
  new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
}

/** Collects the page's Content-Security-Policy violations in `window.__cspViolations` (an init script). */
function watchCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
}

async function endOfLine(page: Page, text: string): Promise<void> {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

test("the studio's starter passes the audit: no rule of thumb wins it", async ({ page }) => {
  await page.goto('/studio.html');
  await page.getByRole('tab', { name: 'Audit' }).click();
  await expect(auditStatus(page)).toHaveText(/^Audited at .+ in \d/);
  expect(auditScenario(compiled(newScenarioText('new-scenario')), catalogue).findings).toEqual([]);
  await expect(panel(page).getByRole('heading', { level: 3 })).toHaveText(/^No findings/);
  await expect(panel(page).locator('.audit-findings li')).toHaveCount(0);
  await expect(panel(page).getByRole('rowheader', { name: /· finding$/ })).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-audit-starter.png') });
});

test('a file is audited in its own worker on load, with the figures of tactful audit', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await openAuditTab(page);
  const c = compiled(TEMPLATE);
  const audit = auditScenario(c, catalogue);

  // The audit ran in its own chunk, named studio-* so it stays out of the game's offline copy.
  expect(workers.some((url) => /\/assets\/studio-audit-worker-[\w-]+\.js$/.test(url))).toBe(true);
  expect(await tableRows(page, 'Rules of thumb and random play')).toEqual(expectedStrategyRows(audit));
  // Rows behind a finding say so in words, not by colour alone.
  await expect(panel(page).getByRole('rowheader', { name: 'Always the first reply in the file · finding' })).toBeVisible();

  await expect(panel(page).getByRole('heading', { level: 3 })).toHaveText(`${audit.findings.length} findings: fix them before a cohort plays this scenario.`);
  const findings = await panel(page).locator('.audit-findings li').allTextContents();
  expect(findings).toHaveLength(audit.findings.length);
  audit.findings.forEach((f, i) => expect(findings[i]).toContain(f.message));

  const bias = audit.lengthBias;
  expect(await tableRows(page, 'Length bias')).toEqual([
    ['The longest reply is a best reply', `${bias.longestIsBest} of ${bias.decisions}`, percent(bias.longestIsBest / bias.decisions)],
    ['The shortest reply is a worst reply', `${bias.shortestIsWorst} of ${bias.decisions}`, percent(bias.shortestIsWorst / bias.decisions)],
  ]);
  const routes = await tableRows(page, 'Ranking sanity: the routes the audit compares');
  const best = audit.routes.best!;
  expect(routes[0]).toEqual(['Best route', String(best.overall), best.ending, best.passed ? 'yes' : 'no', best.choices.replace(/,/g, ', '), '']);
  expect(routes[3]![5]).toBe(`Below the best route without a poor move (${audit.routes.bestClean!.overall}), as it should be`);
  // The template has no timers, so `tactful paths` walks the same routes: the spread per ending must agree with it.
  const endings = await tableRows(page, 'Score spread per ending');
  expect(endings.map(([ending, outcome, n, min, max]) => [ending, outcome, n, min, max])).toEqual(
    enumeratePaths(c).endings.map((e) => [e.ending, e.outcome, String(e.paths), String(e.overall!.min), String(e.overall!.max)]),
  );
  await page.screenshot({ path: join(ARTIFACTS, 'studio-audit.png') });
  // The docs show the figures: the results scrolled to the rules of thumb.
  await panel(page).getByRole('table', { name: 'Rules of thumb and random play' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(ROOT, 'docs', 'images', 'studio-audit.png') });
  await panel(page).getByRole('table', { name: 'Ranking sanity: the routes the audit compares' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(ARTIFACTS, 'studio-audit-routes.png') });
});

test('an edit marks the audit out of date; Save audits again and the new finding appears', async ({ page }) => {
  // The static build has no scenarios/ to save into: Save downloads the file (no File System Access picker in the test).
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }));
  await openAuditTab(page);
  const shortest = panel(page).getByRole('rowheader', { name: /^Always the shortest reply/ });
  await expect(shortest).toHaveText('Always the shortest reply');

  await endOfLine(page, WEAK_OPENING);
  await page.keyboard.type(WEAK_OPENING_MORE);
  await expect(panel(page).getByText('The file changed since this audit: save or run it again.')).toBeVisible();
  await endOfLine(page, WEAK_ADDRESS);
  await page.keyboard.type(WEAK_ADDRESS_MORE);
  await expect(page.locator('#problems-summary')).toHaveText('No problems: the scenario passes tactful lint.');
  // Typing alone never runs the audit.
  await expect(auditStatus(page)).toHaveText(/^Audited at/);
  await page.evaluate(recordAuditStatus);

  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const saved = readFileSync(await download.path(), 'utf8');
  const expected = TEMPLATE.replace(WEAK_OPENING, WEAK_OPENING + WEAK_OPENING_MORE).replace(WEAK_ADDRESS, WEAK_ADDRESS + WEAK_ADDRESS_MORE);
  expect(saved).toBe(expected);
  const audit = auditScenario(compiled(expected), catalogue);
  const wins = audit.findings.find((f) => f.message.startsWith('choosing always the shortest reply passes'));
  expect(wins).toBeDefined();

  await expect(panel(page).locator('.audit-findings li', { hasText: wins!.message })).toHaveText(`Rule of thumb: ${wins!.message}`);
  await expect(shortest).toHaveText('Always the shortest reply · finding');
  expect(await tableRows(page, 'Rules of thumb and random play')).toEqual(expectedStrategyRows(audit));
  await expect(panel(page).getByText('The file changed since this audit')).toBeHidden();
  // A polite status line said it was running, then when it ran.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __auditStatus: string[] }).__auditStatus)).toEqual(['Auditing…', expect.stringMatching(/^Audited at/)]);
  await expect(auditStatus(page)).toHaveAttribute('role', 'status');
  await page.screenshot({ path: join(ARTIFACTS, 'studio-audit-saved.png') });
});

test('a file with lint errors is not audited: the panel asks to fix them first and leads to Problems', async ({ page }) => {
  await openAuditTab(page);
  await endOfLine(page, 'goto: address');
  await page.keyboard.type('x');
  await expect(page.locator('#problems-summary')).toHaveText(/1 error/);
  await panel(page).getByRole('button', { name: 'Run the audit again' }).click();
  await expect(auditStatus(page)).toHaveText('Not audited: the file has lint errors.');
  await expect(panel(page).locator('.audit-blocked')).toHaveText('Fix the errors in Problems first: the audit needs a file that passes tactful lint (this one has 1 error).');
  await expect(panel(page).locator('.audit-first-error')).toHaveText(
    'The first, as tactful lint prints it: scenarios/new-scenario.yaml:21:15: error: "addressx" is not a node or ending id; did you mean "address"? [unknown-target]',
  );
  await expect(panel(page).getByRole('table')).toHaveCount(0);
  await page.screenshot({ path: join(ARTIFACTS, 'studio-audit-lint-errors.png') });
  await panel(page).getByRole('button', { name: 'Show the problems' }).click();
  await expect(page.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /Problems/ })).toBeFocused();
});

test('keyboard alone: the Audit tab, Run the audit again, and the results scroll', async ({ page }) => {
  await page.goto('/studio.html');
  await expect(page.locator('#problems-summary')).toHaveText(/No problems/);
  await expect(auditStatus(page)).toHaveText(/^Audited at/);
  await page.getByRole('tab', { name: /Problems/ }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Audit' })).toBeFocused();
  await expect(panel(page)).toBeVisible();
  await page.evaluate(recordAuditStatus);
  await page.keyboard.press('Tab');
  await expect(panel(page).getByRole('button', { name: 'Run the audit again' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __auditStatus: string[] }).__auditStatus)).toEqual(['Auditing…', expect.stringMatching(/^Audited at/)]);
  await page.keyboard.press('Tab');
  const results = panel(page).getByRole('region', { name: 'Audit results' });
  await expect(results).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect.poll(() => results.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
});

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 720 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
]) {
  test(`${size.name}: the Audit tab open, no axe-core violation and no Content-Security-Policy violation`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    await page.addInitScript(watchCspViolations);
    await openAuditTab(page);
    await expect(panel(page).getByRole('table', { name: 'Rules of thumb and random play' })).toBeVisible();
    if (size.name === 'desktop') {
      // The stale note is part of what axe checks.
      await endOfLine(page, 'title: A parcel that never came');
      await page.keyboard.type('!');
      await expect(panel(page).getByText('The file changed since this audit')).toBeVisible();
    }
    // The panel scrolls within the page: the page itself does not.
    const results = panel(page).getByRole('region', { name: 'Audit results' });
    expect(await results.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `studio-audit-${size.name}.png`) });
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
}
