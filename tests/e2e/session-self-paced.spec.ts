import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { SESSION_CHECK_MS } from '../../src/game/session/session-state-text.ts';
import { join as pathJoin } from 'node:path';
import { ARTIFACTS, compile, expect, freezeTime, planPath, runUntilVisible, snap, type PlannedStep } from './helpers.ts';
import { E2E_TRAINER_KEY, startServe, type ServeProcess } from './session-support.ts';

/**
 * A self-paced session end to end against a real `tactful serve` (PGlite
 * in a temporary folder): the trainer creates it on the dashboard, three
 * trainees (one on a phone) join by its link and play, the dashboard's
 * roster and reply distribution follow live, a trainee reloads mid-play
 * and carries on as the same participant, the server restarts mid-session
 * and loses nothing (the outbox delivers what waited), and the CSV has
 * every play.
 */
const worn = compile('worn-once.yaml')!;
const zero = compile('missing-zero.yaml')!;
const best = planPath(worn, 'best', '2x');
const worst = planPath(worn, 'worst', '2x');

let server: ServeProcess;
test.beforeAll(async () => {
  server = await startServe();
});
test.afterAll(async () => {
  await server?.stop();
});
test.describe.configure({ mode: 'serial' });

test.use({ actionTimeout: 20_000 });

/** One person's browser (the trainer's, a trainee's): its console errors are collected, to be checked against what the test provokes. */
interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function person(browser: Browser, phone = false): Promise<Person> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 } : { viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(r.url())) errors.push(`request to another host: ${r.url()}`);
  });
  return { context, page, errors };
}

/** A trainee: game time runs only when the test says (the reply timer, the outbox's retries, the session check). */
async function trainee(browser: Browser, phone = false): Promise<Person> {
  const t = await person(browser, phone);
  await t.page.clock.install();
  return t;
}

/** Fails on any console error but those the test provoked (`allowed`), and closes the browser. */
async function noOtherErrors(who: Person, allowed: RegExp[], what: string): Promise<void> {
  expect(who.errors.filter((e) => !allowed.some((a) => a.test(e))), `console errors of ${what}`).toEqual([]);
  await who.context.close();
}

/** Joins by the link with a name and waits for the session's menu. */
async function join(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.clock.runFor(500);
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible({ timeout: 30_000 });
}

/** Opens a scenario from the session's menu and starts it, with game time frozen from then on. */
async function start(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.clock.runFor(500);
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 20_000 });
  await freezeTime(page);
  const resume = page.getByRole('button', { name: 'Resume where you left off' });
  await (await resume.isVisible() ? resume : page.getByRole('button', { name: 'Start conversation' })).click();
}

/** Clicks these replies in turn, each once it is offered. */
async function answer(page: Page, steps: readonly PlannedStep[]): Promise<void> {
  for (const step of steps) {
    const button = page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: step.say, exact: true });
    await runUntilVisible(page, button);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await button.click();
  }
}

/** Plays to the ending and opens the debrief. */
async function finish(page: Page, steps: readonly PlannedStep[]): Promise<void> {
  await answer(page, steps);
  await runUntilVisible(page, page.getByRole('button', { name: 'See your debrief' }));
  await page.getByRole('button', { name: 'See your debrief' }).click();
  await runUntilVisible(page, page.getByRole('heading', { name: 'Your choices' }));
}

const rosterRow = (dashboard: Page, name: string): Locator => dashboard.getByTestId('roster').getByRole('row').filter({ has: dashboard.getByRole('rowheader', { name, exact: true }) });

async function axeClean(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${what}`).toEqual([]);
}

test('a self-paced session: create, join, play live, reload, restart, export', async ({ browser }) => {
  test.setTimeout(300_000);
  const trainer = await person(browser);
  const dashboard = trainer.page;
  // Sign in: a wrong key is said plainly, the right one opens the sessions.
  await dashboard.goto(`${server.url}/dashboard`);
  await dashboard.getByLabel('Trainer key').fill('not-the-key-0123456789');
  await dashboard.getByRole('button', { name: 'Sign in' }).click();
  await expect(dashboard.getByRole('alert')).toHaveText(/not this server’s trainer key/);
  await axeClean(dashboard, 'sign-in');
  await snap(dashboard, 'sessions-sign-in');
  await dashboard.getByLabel('Trainer key').fill(E2E_TRAINER_KEY);
  await dashboard.getByRole('button', { name: 'Sign in' }).click();
  await expect(dashboard.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();

  // Create: a name, two scenarios, 2× time, self-paced.
  await dashboard.getByRole('link', { name: 'New session' }).click();
  await dashboard.getByLabel('Session name').fill('Returns desk · Monday & “friends”');
  await dashboard.getByRole('checkbox', { name: new RegExp(worn.scenario.title) }).check();
  await dashboard.getByRole('checkbox', { name: new RegExp(zero.scenario.title) }).check();
  await dashboard.getByRole('radio', { name: '2× time' }).check();
  await axeClean(dashboard, 'new session');
  await snap(dashboard, 'sessions-create');
  await dashboard.getByRole('button', { name: 'Create session' }).click();

  // The session: code, link and QR for the projector, live.
  await expect(dashboard.getByTestId('session-title')).toHaveText('Returns desk · Monday & “friends”');
  const code = (await dashboard.getByTestId('session-code').textContent())!.trim();
  expect(code).toMatch(/^[346789ABCDEFGHJKMNPQRTWXY]{6}$/);
  const link = `${server.url}/join/${code}`;
  await expect(dashboard.getByTestId('join-link')).toHaveAttribute('href', link);
  await expect(dashboard.getByRole('img', { name: /QR code for the join link/ })).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect(dashboard.getByTestId('live-state')).toHaveText('Live');
  await expect(dashboard.getByTestId('roster-empty')).toBeVisible();

  // Three trainees join by the link; one types markup first, which the server refuses with a message.
  const ana = await trainee(browser);
  const ben = await trainee(browser);
  const cleo = await trainee(browser, true);
  await ana.page.goto(link);
  await expect(ana.page.getByTestId('join-code')).toHaveText(code);
  await ana.page.getByLabel('Your name').fill('<b>Ana</b>');
  await ana.page.getByRole('button', { name: 'Join' }).click();
  await expect(ana.page.getByRole('alert')).toHaveText(/plain text: leave out < and >/);
  await axeClean(ana.page, 'join with an error');
  const anaName = 'Ana "Tom & Jerry" O’Brien';
  await join(ana.page, link, anaName);
  await join(ben.page, link, 'Ben');
  await cleo.page.goto(link);
  await snap(cleo.page, 'sessions-join-phone');
  await join(cleo.page, link, 'Cleo');
  await expect(ana.page.getByTestId('session-name')).toHaveText('Session: Returns desk · Monday & “friends”');
  // Only the session's scenarios, at its timer setting.
  await expect(ana.page.locator('article.card')).toHaveCount(2);
  await expect(ana.page.getByRole('radio', { name: '2× time' })).toBeChecked();
  await expect(ana.page.getByRole('radio', { name: '2× time' })).toBeDisabled();

  await expect.poll(() => dashboard.getByTestId('roster').getByRole('row').count()).toBe(4);
  await expect(rosterRow(dashboard, anaName)).toContainText('Waiting');

  // Ana plays the best path to the end, Cleo on the phone too; Ben the worst, one reply for now.
  await start(ana.page, worn.scenario.title);
  await finish(ana.page, best);
  await start(cleo.page, worn.scenario.title);
  await finish(cleo.page, best);
  await start(ben.page, worn.scenario.title);
  await answer(ben.page, worst.slice(0, 1));
  await expect.poll(async () => rosterRow(dashboard, anaName).textContent()).toContain('Finished');
  await expect(rosterRow(dashboard, 'Ben')).toContainText('Playing');
  await expect(rosterRow(dashboard, 'Ben')).toContainText('1 decision');

  // The first decision point: who chose what, the customer's line, the replies and their coaching.
  const firstPoint = dashboard.getByTestId('distribution').getByRole('listitem').filter({ hasText: best[0]!.say }).first();
  const bestFirst = firstPoint.locator('li.reply-tally').filter({ hasText: best[0]!.say });
  const worstFirst = firstPoint.locator('li.reply-tally').filter({ hasText: worst[0]!.say });
  await expect.poll(async () => bestFirst.locator('.reply-count').textContent()).toBe('2 of 3 chose');
  await expect(worstFirst.locator('.reply-count')).toHaveText('1 of 3 chose');
  await expect(firstPoint.locator('.customer-line')).not.toBeEmpty();
  await expect(firstPoint.locator('.reply-coaching').first()).toBeVisible();
  await axeClean(dashboard, 'live session');
  await snap(dashboard, 'sessions-live');
  await firstPoint.screenshot({ path: pathJoin(ARTIFACTS, 'sessions-distribution.png') });

  // Ben reloads mid-scenario: the same participant, resuming where he was.
  await ben.page.reload();
  await ben.page.clock.runFor(1_000);
  await expect(ben.page.getByTestId('resume-offer')).toBeVisible({ timeout: 20_000 });
  await ben.page.getByRole('button', { name: 'Resume where you left off' }).click();
  await answer(ben.page, worst.slice(1, 2));
  await expect.poll(async () => rosterRow(dashboard, 'Ben').textContent()).toContain('2 decisions');
  await expect(dashboard.getByTestId('roster').getByRole('row')).toHaveCount(4);

  // The server restarts mid-session; Ben answers while it is down: his outbox keeps the result.
  await server.restart(() => answer(ben.page, worst.slice(2, 3)));
  await expect(dashboard.getByTestId('live-state')).toHaveText('Live', { timeout: 30_000 });
  // The next retry (at most a minute of backoff in game time) delivers it.
  await expect.poll(async () => {
    await ben.page.clock.runFor(5_000);
    return rosterRow(dashboard, 'Ben').textContent();
  }, { timeout: 60_000 }).toContain('3 decisions');
  await expect(rosterRow(dashboard, anaName)).toContainText('Finished');
  await finish(ben.page, worst.slice(3));
  await expect.poll(async () => rosterRow(dashboard, 'Ben').textContent()).toContain('Finished');
  await expect(bestFirst.locator('.reply-count')).toHaveText('2 of 3 chose');

  // The trainer pauses: trainees are told between decisions.
  await dashboard.getByRole('button', { name: 'Pause' }).click();
  await expect(dashboard.getByTestId('session-state')).toHaveText('Paused');
  await expect.poll(async () => {
    await ana.page.clock.runFor(SESSION_CHECK_MS);
    return ana.page.getByTestId('session-standing').textContent();
  }).toContain('paused');

  // The CSV has every play.
  const download = dashboard.waitForEvent('download');
  await dashboard.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync((await (await download).path()), 'utf8');
  const rows = csv.trim().split(/\r\n/);
  expect(rows).toHaveLength(4);
  for (const name of ['"Ana ""Tom & Jerry"" O’Brien"', 'Ben', 'Cleo']) expect(rows.some((r) => r.startsWith(`${name},`)), `a row for ${name}`).toBe(true);
  expect(rows.slice(1).every((r) => r.includes('worn-once'))).toBe(true);

  // Removing a trainee: asked first; the trainee is told and may join again.
  await rosterRow(dashboard, 'Cleo').getByRole('button', { name: 'Remove Cleo' }).click();
  await dashboard.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(dashboard.getByTestId('roster').getByRole('row')).toHaveCount(3);
  await expect.poll(async () => {
    await cleo.page.clock.runFor(SESSION_CHECK_MS);
    return cleo.page.getByTestId('session-standing').textContent();
  }).toContain('no longer in');
  await cleo.page.getByRole('link', { name: 'Join again' }).click();
  await expect(cleo.page.getByRole('alert')).toContainText('You are no longer in');
  await expect(cleo.page.getByLabel('Your name')).toHaveValue('Cleo');

  // What the browsers log for the refusals provoked here (a markup name, a removed trainee) and the server's restart.
  const down = /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING/;
  await noOtherErrors(ana, [/status of 400/], 'Ana');
  await noOtherErrors(ben, [down], 'Ben');
  await noOtherErrors(cleo, [/status of 401/], 'Cleo');

  // Deleting the session: asked first, then gone from the list.
  await dashboard.getByRole('button', { name: 'Delete session' }).click();
  await dashboard.getByRole('dialog').getByRole('button', { name: 'Delete session' }).click();
  await expect(dashboard.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(dashboard.getByText('No sessions yet.')).toBeVisible();
  await noOtherErrors(trainer, [/status of 401/, down], 'the trainer');
});

test('a wrong or missing code on the join page is said plainly', async ({ browser }) => {
  const dee = await person(browser);
  const page = dee.page;
  await page.goto(`${server.url}/join/not-a-code`);
  await expect(page.getByRole('alert')).toHaveText(/no valid session code/);
  await page.getByLabel('Session code').fill('k7q-x3m');
  await page.getByLabel('Your name').fill('Dee');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText(/no session has this join code/);
  await expect(page.getByLabel('Session code')).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'sessions-join-wrong-code');
  await noOtherErrors(dee, [/status of 404/], 'Dee');
});
