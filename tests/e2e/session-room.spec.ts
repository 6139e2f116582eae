import { join as joinPath } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { DialogueNode } from '../../src/scenario/index.ts';
import { compile, expect, test } from './helpers.ts';
import { E2E_TRAINER_KEY, startServe, type ServeProcess } from './session-support.ts';

/**
 * A room-mode session end to end against a real `tactful serve` (PGlite in
 * a temporary folder): the trainer's dashboard projects the customer, three
 * trainees (one on a phone) vote on their own devices, the trainer reveals
 * the votes and plays the majority, a trainee who joins late lands on the
 * current line, one who reloads keeps their identity and their vote, and at
 * the ending the projector shows the room's path.
 */
const worn = compile('worn-once.yaml')!;
const IMAGES = joinPath(import.meta.dirname, '..', '..', 'docs', 'images');

let server: ServeProcess;
test.beforeAll(async () => {
  server = await startServe();
});
test.afterAll(async () => {
  await server?.stop();
});

/** A browser of the room, with its console errors collected (a CSP refusal shows there). */
interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function device(browser: Browser, phone = false): Promise<Device> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { context, page, errors };
}

/** Joins by the link with a name and waits for the room. */
async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByTestId('room-line')).toBeVisible({ timeout: 30_000 });
}

/** The line the customer says at a node of worn-once. */
const lineAt = (node: string): string => (worn.scenario.nodes[node] as DialogueNode).customer;
/** Where a reply (by its text) at a node leads. */
const afterReply = (node: string, say: string): string => (worn.scenario.nodes[node] as DialogueNode).replies.find((r) => r.say === say)!.goto;

test('a room votes through a scenario: projector, phones, reveal, majority, a late joiner and a reload', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const created = await request.post(`${server.url}/api/sessions`, {
    headers: { Authorization: `Bearer ${E2E_TRAINER_KEY}` },
    data: { name: 'Returns desk, room', scenarios: ['worn-once'], timers: '2x', mode: 'room' },
  });
  expect(created.status()).toBe(201);
  const session = (await created.json()) as { id: string; code: string; joinUrl: string };

  const trainer = await device(browser);
  await trainer.page.addInitScript((key) => sessionStorage.setItem('tactful.trainer-key', key), E2E_TRAINER_KEY);
  await trainer.page.goto(`${server.url}/dashboard#/session/${session.id}`);
  const panel = trainer.page.getByTestId('room-panel');
  await expect(panel.getByTestId('room-line')).toContainText(lineAt(worn.scenario.start));
  await expect(panel.getByTestId('room-phase')).toHaveText('Ready to vote');

  const ana = await device(browser);
  const ben = await device(browser, true);
  const chloe = await device(browser);
  await join(ana.page, session.joinUrl, 'Ana');
  await join(ben.page, session.joinUrl, 'Ben');
  await join(chloe.page, session.joinUrl, 'Chloé');
  for (const t of [ana, ben, chloe]) await expect(t.page.getByTestId('room-waiting')).toHaveText('Waiting for the trainer to open the vote…');

  // Round 1: two vote for the first reply shown, one for the second.
  let node = worn.scenario.start;
  await panel.getByTestId('room-open').click();
  await expect(panel.getByTestId('room-timer')).toBeVisible();
  const choices = ben.page.locator('.room-choice');
  await expect(choices.first()).toBeVisible();
  const shown = await choices.allTextContents();
  expect([...shown].sort()).toEqual((worn.scenario.nodes[node] as DialogueNode).replies.map((r) => r.say).sort());
  const first = shown[0]!;
  const second = shown[1]!;
  // Every device shows the replies in the same order.
  await expect(ana.page.locator('.room-choice')).toHaveText(shown);
  await ana.page.getByRole('button', { name: first }).click();
  await ben.page.getByRole('button', { name: first }).click();
  await chloe.page.getByRole('button', { name: second }).click();
  await expect(panel.getByTestId('room-votes')).toHaveText('3 of 3 voted');
  await expect(ben.page.getByRole('button', { name: first })).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Projector view' }).click();
  await trainer.page.screenshot({ path: joinPath(IMAGES, 'sessions-room-projector.png') });
  await panel.getByRole('button', { name: 'Leave projector view' }).click();
  await ben.page.screenshot({ path: joinPath(IMAGES, 'sessions-room-phone.png') });

  // Ben's phone reloads: the same participant, his vote still his.
  await ben.page.reload();
  await expect(ben.page.getByRole('button', { name: first })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('room-votes')).toHaveText('3 of 3 voted');

  await panel.getByTestId('room-reveal').click();
  for (const t of [ana, ben, chloe]) await expect(t.page.getByRole('heading', { name: 'How the room voted' })).toBeVisible();
  await expect(ben.page.locator(`.room-tally-reply:has-text("${first}")`)).toContainText('2 of 3 voted');
  await expect(ben.page.locator(`.room-tally-reply:has-text("${first}")`)).toContainText('Your vote');
  await expect(panel.locator(`.room-tally-reply:has-text("${second}")`)).toContainText('1 of 3 voted');
  await ben.page.screenshot({ path: joinPath(IMAGES, 'sessions-room-phone-revealed.png') });
  await panel.getByTestId('room-play-majority').click();
  node = afterReply(node, first);
  await expect(panel.getByTestId('room-line')).toContainText(lineAt(node));
  for (const t of [ana, ben, chloe]) {
    await expect(t.page.getByTestId('room-line')).toContainText(lineAt(node));
    await expect(t.page.getByTestId('room-waiting')).toHaveText('Waiting for the trainer to open the vote…');
  }

  // Dev joins late: straight onto the current line.
  const dev = await device(browser);
  await join(dev.page, session.joinUrl, 'Dev');
  await expect(dev.page.getByTestId('room-line')).toContainText(lineAt(node));
  await expect(dev.page.locator('.room-last')).toContainText(first);

  // Round 2: Dev votes with Ana and Ben; the majority is played.
  await panel.getByTestId('room-open').click();
  // Read the replies once the phone shows the new round (allTextContents does not wait).
  await expect(dev.page.locator('.room-choice').first()).toHaveText(/\S/);
  const round2 = await dev.page.locator('.room-choice').allTextContents();
  const pick = round2[round2.length - 1]!;
  for (const t of [ana, ben, dev]) await t.page.getByRole('button', { name: pick }).click();
  await chloe.page.getByRole('button', { name: round2[0]! }).click();
  await expect(panel.getByTestId('room-votes')).toHaveText('4 of 4 voted');
  await panel.getByTestId('room-reveal').click();
  await expect(panel.locator(`.room-tally-reply:has-text("${pick}")`)).toContainText('3 of 4 voted');
  await panel.getByTestId('room-play-majority').click();
  node = afterReply(node, pick);
  await expect(panel.getByTestId('room-line')).toContainText(worn.scenario.nodes[node]?.kind === 'dialogue' ? lineAt(node) : '');

  // The trainer picks the rest without a vote, to the ending.
  for (let round = 0; round < 15 && !(await panel.getByTestId('room-ending').isVisible()); round++) {
    await panel.getByTestId('room-open').click();
    await panel.getByTestId('room-reveal').click();
    await panel.getByTestId('room-pick').first().click();
    await expect(panel.getByTestId('room-phase')).not.toHaveText('Votes revealed');
  }
  await expect(panel.getByTestId('room-ending')).toBeVisible();
  const debrief = panel.getByTestId('room-debrief');
  await expect(debrief.locator('.room-path-round').first()).toContainText('The room’s majority');
  await expect(debrief.locator('.room-path-round').first()).toContainText(first);
  await expect(dev.page.getByTestId('room-debrief')).toBeVisible();
  await expect(dev.page.getByTestId('room-ending')).toHaveText(await panel.getByTestId('room-ending').innerText());
  await trainer.page.screenshot({ path: joinPath(IMAGES, 'sessions-room-debrief.png'), fullPage: true });

  for (const t of [trainer, ana, ben, chloe, dev]) {
    expect(t.errors, 'console errors').toEqual([]);
    await t.context.close();
  }
});
