import { compile, expect, openDebrief, openMenu, planPath, playSteps, startScenario, test } from './helpers.ts';

/**
 * The built game runs under a strict Content-Security-Policy (no inline
 * script, no eval, no third-party origin): every screen is visited with a
 * listener for violations, and none may happen.
 */
const compiled = compile('missing-zero.yaml')!;

test('no screen breaks the Content-Security-Policy', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Only requests may leave the origin (results to an https LRS or cmi5 LMS, or an LRS on this machine); nothing is loaded from elsewhere.
  const directives = policy!.split(';').map((d) => d.trim());
  expect(directives.filter((d) => !d.startsWith('connect-src')).join('; ')).not.toMatch(/https?:|\*/);
  expect(directives).toContain("connect-src 'self' blob: data: https: http://localhost:* http://127.0.0.1:*");
  expect(await violations()).toEqual([]);

  await startScenario(page, compiled.scenario.title);
  expect(await violations()).toEqual([]);
  await playSteps(page, planPath(compiled, 'worst'));
  expect(await violations()).toEqual([]);
  await openDebrief(page);
  await page.getByRole('button', { name: 'Back to scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
});
