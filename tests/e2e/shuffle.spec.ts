import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import type { Page } from '@playwright/test';
import { SteppedClock, startConversation } from '../../src/engine/index.ts';
import { compile, expect, expectedResult, atOnce, openDebrief, openMenu, planPath, readScores, replayed, replies, runUntilVisible, scoresOf, shownReplies, startScenario, storedPlays, test, freezeTime } from './helpers.ts';

/**
 * Replies are shown in a fresh order each play, so "always press 1" teaches
 * nothing; number keys follow the order shown; the seed is kept with the
 * play so `?seed=N` replays the same orders; and the same replies score the
 * same wherever they were shown.
 */
const compiled = compile('missing-zero.yaml')!;
const { scenario } = compiled;
const dims = Object.keys(scenario.scoring.dimensions);
const steps = planPath(compiled, 'best');

/** The first decision's order for a seed, as the engine deals it. */
const firstOrder = (seed: number): string => {
  const talk = startConversation(compiled, { clock: new SteppedClock(), shuffleSeed: seed });
  const order = talk.view().replies.map((r) => r.say).join('|');
  talk.stop();
  return order;
};

/** Plays the planned best path by pressing the number key shown beside each reply; returns every order seen. */
async function playByKeys(page: Page): Promise<string[][]> {
  const orders: string[][] = [];
  for (const step of steps) {
    await runUntilVisible(page, replies(page).first(), 50);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    const shown = await shownReplies(page);
    orders.push(shown);
    const key = shown.indexOf(step.say) + 1;
    expect(key, `"${step.say}" is offered`).toBeGreaterThan(0);
    await page.keyboard.press(String(key));
  }
  await runUntilVisible(page, page.getByRole('button', { name: 'See your debrief' }));
  return orders;
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('two plays show the replies in different orders, and number keys follow the order shown', async ({ page }) => {
  await openMenu(page);
  await startScenario(page, scenario.title);
  const first = await playByKeys(page);
  await openDebrief(page);
  await page.getByRole('button', { name: 'Try again' }).click();
  await freezeTime(page);
  const second = await playByKeys(page);
  await openDebrief(page);

  expect(second).not.toEqual(first);
  // Each decision offered the same replies both times, only in another order.
  expect(second.map((o) => [...o].sort())).toEqual(first.map((o) => [...o].sort()));
  const plays = await storedPlays(page);
  expect(plays).toHaveLength(2);
  expect(plays[0]!.seed).not.toBe(plays[1]!.seed);
  // The keys pressed were positions on screen; replayed with each play's seed they are the same replies.
  const expected = expectedResult(compiled, atOnce(steps));
  for (const play of plays) expect(replayed(compiled, play).scores).toEqual(expected.scores);
  expect(await readScores(page, dims)).toEqual(scoresOf(expected, dims));
});

test('the same replies score the same in any order, and a stored seed replays the order exactly', async ({ page }) => {
  // Two seeds that deal the first decision differently.
  const seedA = 11;
  const seedB = [12, 13, 14, 15, 16, 17].find((s) => firstOrder(s) !== firstOrder(seedA))!;
  const scores: Record<string, number | null>[] = [];
  const orders: string[][][] = [];
  await page.clock.install();
  for (const seed of [seedA, seedB, seedA]) {
    // The last play froze the page clock; let it run so the next page can load.
    await page.clock.resume();
    await page.goto(`/?scenario=${scenario.id}&seed=${seed}`);
    await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 30_000 });
    await freezeTime(page);
    await page.getByRole('button', { name: 'Start conversation' }).click();
    orders.push(await playByKeys(page));
    await openDebrief(page);
    scores.push(await readScores(page, dims));
  }
  expect(orders[0]![0]!.join('|')).toBe(firstOrder(seedA));
  expect(orders[1]![0]!.join('|')).toBe(firstOrder(seedB));
  expect(orders[1]).not.toEqual(orders[0]);
  expect(orders[2]).toEqual(orders[0]);
  expect(scores[1]).toEqual(scores[0]);
  expect(scores[0]).toEqual(scoresOf(expectedResult(compiled, atOnce(steps)), dims));
  const plays = await storedPlays(page);
  expect(plays.map((p) => p.seed)).toEqual([seedA, seedB, seedA]);
  // The link is used once: "Try again" deals a fresh order.
  await expect(page).not.toHaveURL(/seed=/);
});
