import type { CDPSession, Page } from '@playwright/test';
import { addScenarios, compile, expect, fixtureText, openDebrief, openMenu, playSteps, startScenario, test } from './helpers.ts';

/**
 * Playing again and again must not leave anything behind: after a forced
 * garbage collection, the page's DOM node and event-listener counts (Chrome's
 * own Performance metrics) stay flat over fifty plays. The first few plays
 * warm caches that fill on first use (each sound, each face), so the
 * baseline is taken after the fifth play. Counts, not times, so the check is
 * the same on a fast or a busy machine. (Measured when this test was added:
 * nodes 1,286 after play 1, 1,648 after play 5, 1,648 after play 50; before
 * the fix, 4,198 → 15,076, because every screen's mute button stayed
 * subscribed to settings and kept its whole detached screen alive.)
 */
const fixture = compile('critical-mistake.yaml', 'tests/e2e/fixtures')!;
const ask = fixture.scenario.nodes.ask!;
const wait = fixture.scenario.nodes.wait!;
const say = (node: typeof ask, index: number): string => (node.kind === 'dialogue' ? node.replies[index]!.say : '');
const steps = [{ number: 1, say: say(ask, 0) }, { number: 1, say: say(wait, 0) }];

async function counts(page: Page, cdp: CDPSession): Promise<{ nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

test('fifty plays in a row leave the DOM node and listener counts flat', async ({ page }) => {
  test.setTimeout(240_000);
  await addScenarios(page, [{ file: 'tests/e2e/fixtures/critical-mistake.yaml', text: fixtureText('critical-mistake.yaml') }]);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await openMenu(page);
  await startScenario(page, fixture.scenario.title);
  let first: { nodes: number; listeners: number } | undefined;
  for (let play = 1; play <= 50; play++) {
    await playSteps(page, steps);
    await openDebrief(page);
    if (play === 5) first = await counts(page, cdp);
    if (play < 50) await page.getByRole('button', { name: 'Try again' }).click();
  }
  const last = await counts(page, cdp);
  expect(last.nodes, `DOM nodes after play 5: ${first!.nodes}, after play 50: ${last.nodes}`).toBeLessThanOrEqual(first!.nodes * 1.05);
  expect(last.listeners, `listeners after play 5: ${first!.listeners}, after play 50: ${last.listeners}`).toBeLessThanOrEqual(first!.listeners * 1.05);
});
