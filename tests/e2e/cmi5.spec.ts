import { startCmi5Launcher, type Cmi5Launcher } from '../support/cmi5-launcher.ts';
import { startLrs, type TestLrs } from '../support/lrs.ts';
import { VERBS } from '../../src/report/xapi/vocabulary.ts';
import { atOnce, compile, expect, expectedResult, freezeTime, openDebrief, planPath, playSteps, readScores, test } from './helpers.ts';

/**
 * The game launched by a cmi5 LMS (a small launcher in front of the real
 * test LRS: fetch token, LMS.LaunchData, no learner preferences): the
 * statements stored are initialized, answered per decision, passed or
 * failed with score.scaled, completed and terminated, in that order.
 */
const compiled = compile('worn-once.yaml')!;
let lrs: TestLrs;
let launcher: Cmi5Launcher;
test.beforeAll(async () => {
  lrs = await startLrs();
  launcher = await startCmi5Launcher(lrs.endpoint, { masteryScore: compiled.scenario.scoring.passMark / 100 });
});
test.afterAll(async () => {
  await launcher?.stop();
  await lrs?.stop();
});

// cmi5 asks for the learner's preferences; the launcher has none (404), which the browser logs.
test.use({ expectedConsoleErrors: [/404 \(Not Found\)/] });

test('a cmi5 launch records initialized, answered per decision, passed with score.scaled, completed, terminated', async ({ page, baseURL }) => {
  await page.clock.install();
  await page.goto(launcher.launchUrl(`${baseURL}index.html?scenario=worn-once&lms=cmi5`));
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 30_000 });
  await freezeTime(page);
  await page.getByRole('button', { name: 'Start conversation' }).click();
  const steps = planPath(compiled, 'best');
  await playSteps(page, steps);
  await openDebrief(page);
  const expected = expectedResult(compiled, atOnce(steps));
  expect((await readScores(page)).overall).toBe(expected.scores.overall);

  const verbs = async (): Promise<string[]> => (await lrs.statements()).filter((s) => s.context?.registration === launcher.registration).map((s) => s.verb.id);
  await expect.poll(verbs, { timeout: 20_000 }).toEqual([
    VERBS.initialized.id,
    ...Array<string>(expected.decisions.length).fill(VERBS.answered.id),
    expected.passed ? VERBS.passed.id : VERBS.failed.id,
    VERBS.completed.id,
    'http://adlnet.gov/expapi/verbs/terminated',
  ]);
  const stored = (await lrs.statements()).filter((s) => s.context?.registration === launcher.registration);
  expect(stored.at(-3)!.result?.score).toEqual({ scaled: expected.scores.overall / 100, raw: expected.scores.overall, min: 0, max: 100 });
  expect(stored.every((s) => s.actor.account?.name === launcher.actor.account.name)).toBe(true);
  expect(launcher.fetches()).toBe(1);
  await expect(page.getByTestId('outbox-status')).toHaveText('All results sent');
});
