import type { Page } from '@playwright/test';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { compile, expect, openMenu, planPath, replies, runUntilVisible, shownReplies, startScenario, test } from './helpers.ts';

/**
 * With reduced motion the next replies appear the instant a reply is
 * chosen, so a second press (a double press, a bouncing or held key, a
 * double tap) would answer them unread. New replies take no answer until
 * they have been shown for REPLY_INPUT_DELAY_MS and the key that answered
 * the last decision is let go; a tap counts only if it starts after that.
 * Page time only moves when the test runs `page.clock`, so "60 ms later"
 * is exactly 60 ms.
 */
const compiled = compile('missing-zero.yaml')!;
const steps = planPath(compiled, 'best');

/** The reply button with this text. */
const reply = (page: Page, say: string) => replies(page).filter({ hasText: say });

/** What the "You" bubble says: the last reply that was taken. */
const lastAnswer = (page: Page) => page.locator('.you-text');

/** The number key for a reply: its place on screen. */
async function keyFor(page: Page, say: string): Promise<string> {
  const at = (await shownReplies(page)).indexOf(say) + 1;
  expect(at, `"${say}" is offered`).toBeGreaterThan(0);
  return String(at);
}

/** Opens missing-zero with reduced motion and the page clock frozen; waits for the first replies. */
async function start(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMenu(page);
  await startScenario(page, compiled.scenario.title);
  await runUntilVisible(page, replies(page).first(), 50);
}

/** Answers the first decision with a number key, the replies having been read; the second decision is then up. */
async function answerFirstByKey(page: Page): Promise<void> {
  await page.clock.runFor(REPLY_INPUT_DELAY_MS);
  await page.keyboard.press(await keyFor(page, steps[0]!.say));
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);
  await expect(reply(page, steps[1]!.say)).toBeVisible();
}

test('with reduced motion, a second key press 60 ms after the first does not answer the next decision', async ({ page }) => {
  await start(page);
  await answerFirstByKey(page);
  const second = await shownReplies(page);
  const key = await keyFor(page, steps[1]!.say);

  await page.clock.runFor(60);
  await page.keyboard.press(key);
  expect(await shownReplies(page)).toEqual(second);
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

  // Once the replies have been up for the moment, the same key answers.
  await page.clock.runFor(REPLY_INPUT_DELAY_MS);
  await page.keyboard.press(key);
  await expect(lastAnswer(page)).toHaveText(steps[1]!.say);
});

test('a held number key answers once: its repeats are ignored until it is let go', async ({ page }) => {
  await start(page);
  await page.clock.runFor(REPLY_INPUT_DELAY_MS);
  const held = await keyFor(page, steps[0]!.say);
  await page.keyboard.down(held);
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);
  const second = await shownReplies(page);

  // Long after the replies appeared, the key is still down and auto-repeats.
  await page.clock.runFor(2_000);
  await page.keyboard.down(held);
  await page.keyboard.down(held);
  expect(await shownReplies(page)).toEqual(second);
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

  // While it is held, another key does not answer either.
  await page.keyboard.press(await keyFor(page, steps[1]!.say));
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

  await page.keyboard.up(held);
  await page.keyboard.press(await keyFor(page, steps[1]!.say));
  await expect(lastAnswer(page)).toHaveText(steps[1]!.say);
});

test('Enter held on a reply answers once, not the next reply that takes focus', async ({ page }) => {
  await start(page);
  await page.clock.runFor(REPLY_INPUT_DELAY_MS);
  const at = Number(await keyFor(page, steps[0]!.say));
  for (let n = 1; n < at; n++) await page.keyboard.press('Tab');
  await page.keyboard.down('Enter');
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);
  // The next replies are up and the first has focus; the held Enter repeats on it.
  await expect(replies(page).first()).toBeFocused();
  await page.clock.runFor(1_000);
  await page.keyboard.down('Enter');
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

  await page.keyboard.up('Enter');
  await page.keyboard.press('Enter');
  await expect(lastAnswer(page)).not.toHaveText(steps[0]!.say);
});

test('a double click answers once; a tap must start once the replies have been up for a moment', async ({ page }) => {
  await start(page);
  await page.clock.runFor(REPLY_INPUT_DELAY_MS);
  await reply(page, steps[0]!.say).click();
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);
  const second = await shownReplies(page);
  const next = reply(page, steps[1]!.say);

  // The second click of a double click, 60 ms later, lands on the new replies.
  await page.clock.runFor(60);
  await next.click();
  expect(await shownReplies(page)).toEqual(second);
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

  // A press that began too soon does not count even if it is released later.
  const box = (await next.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.clock.runFor(REPLY_INPUT_DELAY_MS);
  await page.mouse.up();
  await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

  await next.click();
  await expect(lastAnswer(page)).toHaveText(steps[1]!.say);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a double tap answers once', async ({ page }) => {
    await start(page);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await reply(page, steps[0]!.say).tap();
    await expect(lastAnswer(page)).toHaveText(steps[0]!.say);
    const next = reply(page, steps[1]!.say);
    await page.clock.runFor(60);
    await next.tap();
    await expect(lastAnswer(page)).toHaveText(steps[0]!.say);

    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await next.tap();
    await expect(lastAnswer(page)).toHaveText(steps[1]!.say);
  });
});
