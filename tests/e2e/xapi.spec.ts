import type { Page } from '@playwright/test';
import { decisionTact } from '../../src/engine/index.ts';
import { EXTENSIONS, VERBS } from '../../src/report/xapi/vocabulary.ts';
import { startLrs, type StoredStatement, type TestLrs } from '../support/lrs.ts';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { atOnce, compile, expect, expectedResult, openDebrief, openMenu, planPath, playSteps, readScores, runUntilVisible, snap, startScenario, test, type PlannedStep } from './helpers.ts';

/**
 * The web game with an LRS (`?lrs=…&lrs-key=…&lrs-secret=…`) against a real
 * one (Learning Locker's xapi-statements, in memory, started by the test):
 * the statements stored match the debrief, in order, each once, even when
 * the LRS is cut off mid-play and the page reloaded before it comes back.
 */
const compiled = compile('worn-once.yaml')!;
let lrs: TestLrs;
test.beforeAll(async () => {
  lrs = await startLrs();
});
test.afterAll(async () => {
  await lrs?.stop();
});

const address = (): string => `/?lrs=${encodeURIComponent(lrs.endpoint)}&lrs-key=tactful&lrs-secret=test`;

/** Answers the one-time question: the LRS will know the trainee by this name. */
async function giveName(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Who is playing?' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await dialog.getByLabel('Your name').fill(name);
  await snap(page, 'xapi-learner-name');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
}

/** The statements stored for one trainee, in the order stored. */
async function statementsOf(name: string): Promise<StoredStatement[]> {
  return (await lrs.statements()).filter((s) => s.actor.account?.name === name);
}

/** The verbs a whole play should leave in the LRS. */
function playVerbs(decisions: number, passed: boolean): string[] {
  return [VERBS.initialized.id, ...Array<string>(decisions).fill(VERBS.answered.id), passed ? VERBS.passed.id : VERBS.failed.id, VERBS.completed.id];
}

test('a play reaches the LRS in order, with ids, and the debrief\'s scores', async ({ page }) => {
  const name = 'Alex Web';
  await openMenu(page, address());
  await giveName(page, name);
  // Nothing to report before the first result is queued.
  await expect(page.getByTestId('outbox-status')).toBeHidden();
  await startScenario(page, compiled.scenario.title);
  const steps = planPath(compiled, 'best');
  await playSteps(page, steps);
  await openDebrief(page);
  const expected = expectedResult(compiled, atOnce(steps));
  expect((await readScores(page)).overall).toBe(expected.scores.overall);

  await expect.poll(async () => (await statementsOf(name)).map((s) => s.verb.id), { timeout: 20_000 }).toEqual(playVerbs(expected.decisions.length, expected.passed));
  const statements = await statementsOf(name);
  expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  expect(statements[0]!.actor.account!.homePage).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const answered = statements.filter((s) => s.verb.id === VERBS.answered.id);
  expect(answered.map((s) => s.result?.score?.raw)).toEqual(expected.decisions.map((d) => Math.round(decisionTact(d) * 100)));
  expect(answered.map((s) => s.context?.extensions?.[EXTENSIONS.decision])).toEqual(expected.decisions.map((d, i) => `worn-once.${d.node}.${i + 1}`));
  const scored = statements.at(-2)!;
  expect(scored.result?.score).toEqual({ scaled: expected.scores.overall / 100, raw: expected.scores.overall, min: 0, max: 100 });
  const playId = statements[0]!.context?.registration;
  expect(statements.every((s) => s.context?.registration === playId)).toBe(true);
  await expect(page.getByTestId('outbox-status')).toHaveText('All results sent');
  await snap(page, 'xapi-all-results-sent');
});

/** Answers the replies of some steps, mid-conversation (playSteps also waits for the ending). */
async function answer(page: Page, steps: PlannedStep[]): Promise<void> {
  for (const step of steps) {
    const button = page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: step.say, exact: true });
    await runUntilVisible(page, button);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await button.click();
  }
}

test.describe('an outage', () => {
  // The requests the cut-off LRS never answers are logged by the browser.
  test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

  test('an outage mid-play, a reload, then the LRS back: every statement arrives exactly once', async ({ page }) => {
    const name = 'Blair Outage';
    await openMenu(page, address());
    await giveName(page, name);
    await startScenario(page, compiled.scenario.title);
    const steps = planPath(compiled, 'worst');
    await answer(page, steps.slice(0, 1));
    await expect.poll(async () => (await statementsOf(name)).length, { timeout: 20_000 }).toBe(2);

    // The LRS becomes unreachable: the rest of the play waits in the outbox.
    const cutOff = (url: URL): boolean => url.href.startsWith(lrs.endpoint);
    await page.route(cutOff, (route) => route.abort('internetdisconnected'));
    await playSteps(page, steps.slice(1));
    await openDebrief(page);
    const expected = expectedResult(compiled, atOnce(steps));
    await expect(page.getByTestId('outbox-status')).toHaveText(/^\d+ results? waiting to send$/);
    await snap(page, 'xapi-waiting-to-send');

    // A reload while still cut off: the statements are in IndexedDB, not in the page.
    await page.reload();
    // The page clock stays paused across the reload: run it so the game sets up its results (after the first paint).
    await page.clock.runFor(1_000);
    await expect(page.getByTestId('outbox-status')).toHaveText(`${expected.decisions.length + 1} results waiting to send`, { timeout: 20_000 });
    expect(await statementsOf(name)).toHaveLength(2);

    // The LRS is back: the next retry (at most a minute of backoff) delivers the rest.
    await page.unroute(cutOff);
    await page.clock.runFor(61_000);
    await expect(page.getByTestId('outbox-status')).toHaveText('All results sent', { timeout: 20_000 });
    const statements = await statementsOf(name);
    expect(statements.map((s) => s.verb.id)).toEqual(playVerbs(expected.decisions.length, expected.passed));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });
});
