import { addScenarios, compile, expect, fixtureText, openDebrief, openMenu, playSteps, readScores, snap, startScenario, test } from './helpers.ts';

/**
 * A critical mistake fails the play whatever its overall, and the debrief
 * says so first, with the reason.
 */
const fixture = compile('critical-mistake.yaml', 'tests/e2e/fixtures')!;
const { scenario } = fixture;
const ask = scenario.nodes.ask!;
const wait = scenario.nodes.wait!;
const say = (node: typeof ask, index: number): string => (node.kind === 'dialogue' ? node.replies[index]!.say : '');

test('a critical mistake fails a play that scores above the pass mark, and the debrief says why first', async ({ page }) => {
  await addScenarios(page, [{ file: 'tests/e2e/fixtures/critical-mistake.yaml', text: fixtureText('critical-mistake.yaml') }]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  await startScenario(page, scenario.title);
  await playSteps(page, [{ number: 1, say: say(ask, 0) }, { number: 2, say: say(wait, 1) }]);
  await openDebrief(page);

  const panel = page.getByTestId('critical');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('A critical mistake: this play cannot pass');
  await expect(page.getByTestId('critical-said')).toHaveText(say(wait, 1));
  await expect(page.getByTestId('critical-why')).toContainText('would cost you your job');
  await expect(page.getByTestId('verdict')).toHaveText('Not passed');
  const scores = await readScores(page);
  expect(scores.overall).toBeGreaterThanOrEqual(70);
  // The panel comes before the scores and the choices.
  const order = await page.evaluate(() => ['critical', 'verdict', 'decision'].map((id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().top));
  expect(order[0]).toBeLessThan(order[1]!);
  expect(order[1]).toBeLessThan(order[2]!);
  await expect(page.getByTestId('decision').nth(1)).toContainText('Critical mistake');
  await snap(page, 'debrief-critical-mistake');
});
