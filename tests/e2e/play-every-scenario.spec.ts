import { atOnce, compile, expect, expectedResult, openDebrief, openMenu, planPath, playSteps, readScores, scenarioFiles, scoresOf, startScenario, test } from './helpers.ts';

/**
 * Every shipped scenario, played in the browser the way a person does, along
 * its best path (highest-tact reply each time) and its poorest (lowest tact).
 * The debrief must show exactly what the engine gives for the same choices
 * in Node, which is what `tactful play` prints.
 */
for (const file of scenarioFiles()) {
  const compiled = compile(file);
  test.describe(file, () => {
    test.skip(!compiled, `${file} has lint errors (its menu card shows them)`);
    for (const pick of ['best', 'worst'] as const) {
      test(`${pick} path scores as the engine does`, async ({ page }) => {
        const scenario = compiled!.scenario;
        const steps = planPath(compiled!, pick);
        const expected = expectedResult(compiled!, atOnce(steps));
        const dimensions = Object.keys(scenario.scoring.dimensions);

        await page.emulateMedia({ reducedMotion: 'reduce' });
        await openMenu(page);
        await startScenario(page, scenario.title);
        await playSteps(page, steps);
        await expect(page.getByTestId('caption')).toHaveText(`${scenario.customer.name}: ${scenario.endings[expected.ending]!.customer}`);
        await openDebrief(page);

        await expect(page.getByTestId('ending-line')).toHaveText(scenario.endings[expected.ending]!.customer);
        await expect(page.getByTestId('outcome')).toContainText(expected.satisfied ? 'Customer left satisfied' : 'Customer did not leave satisfied');
        await expect(page.getByTestId('verdict')).toHaveText(expected.passed ? 'Passed' : 'Not passed');
        expect(await readScores(page, dimensions)).toEqual(scoresOf(expected, dimensions));
        await expect(page.getByTestId('decision')).toHaveCount(expected.decisions.length);
        await expect(page.getByTestId('chosen')).toHaveText(steps.map((s) => s.say));
      });
    }
  });
}
