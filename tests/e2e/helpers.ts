import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { buildCatalogue, offeredReplies } from '../../src/scenario/index.ts';
import { loadScenario, type CompiledScenario, type TimerSetting } from '../../src/engine/index.ts';
import { playChoices, SteppedClock, startConversation, type ChoiceStep, type ConversationResult } from '../../src/engine/index.ts';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';

/**
 * Shared helpers for the end-to-end tests: the same engine in Node (to know
 * the expected result of a list of choices), and ways to drive the game
 * with Playwright's clock so reply times are exact.
 */
const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const { catalogue } = buildCatalogue(readFileSync(join(ROOT, 'scenarios', 'techniques.yaml'), 'utf8'));

/** Every shipped scenario file (techniques.yaml is the catalogue). */
export function scenarioFiles(): string[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f) && !/^techniques\./.test(f))
    .sort();
}

/** A scenario compiled with the engine's loader; undefined when it has errors. */
export function compile(file: string, dir = 'scenarios'): CompiledScenario | undefined {
  return loadScenario(`${dir}/${file}`, readFileSync(join(ROOT, dir, file), 'utf8'), catalogue).compiled;
}

/** The format spec's worked example: no longer on the shipped menu, so tests add it through the test-only hook. */
export const EXAMPLE_FILE = 'docs/examples/cracked-blender.yaml';

/**
 * Adds scenario files to the menu of an e2e build through the test-only
 * hook (production builds strip it). Call before the page is opened.
 */
export async function addScenarios(page: Page, files: { file: string; text: string }[]): Promise<void> {
  await page.addInitScript((list) => {
    (window as unknown as { __TACTFUL_TEST_SCENARIOS__: unknown }).__TACTFUL_TEST_SCENARIOS__ = list;
  }, files);
}

/** Adds the spec's example scenario to the menu. */
export async function addExample(page: Page): Promise<void> {
  await addScenarios(page, [{ file: EXAMPLE_FILE, text: readFileSync(join(ROOT, EXAMPLE_FILE), 'utf8') }]);
}

/** The text of a fixture file. */
export function fixtureText(file: string): string {
  return readFileSync(join(ROOT, 'tests', 'e2e', 'fixtures', file), 'utf8');
}

/** One planned move: the offered reply number in file order, and its text (what the player clicks, wherever it is shown). */
export interface PlannedStep {
  number: number;
  say: string;
}

/**
 * Plans a path through a scenario in Node with the engine: at each node the
 * offered reply with the highest (best) or lowest (worst) tact, first in
 * offered order on a tie.
 */
export function planPath(compiled: CompiledScenario, pick: 'best' | 'worst', timers: TimerSetting = 'standard', prefix: ChoiceStep[] = []): PlannedStep[] {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers });
  const steps: PlannedStep[] = [];
  try {
    for (const step of prefix) {
      const deadline = talk.view().deadline;
      if (step.kind === 'timeout') clock.advance(deadline!.endsAt - clock.now());
      else {
        clock.advance(step.afterMs);
        talk.reply(step.number);
      }
    }
    while (!talk.ended && steps.length < 60) {
      const node = compiled.scenario.nodes[talk.context.node];
      if (!node || node.kind !== 'dialogue') throw new Error(`unexpected node ${talk.context.node}`);
      const offered = offeredReplies(node, talk.context);
      let chosen = 0;
      offered.forEach((r, i) => {
        if (pick === 'best' ? r.tact > offered[chosen]!.tact : r.tact < offered[chosen]!.tact) chosen = i;
      });
      steps.push({ number: chosen + 1, say: offered[chosen]!.say });
      talk.reply(chosen + 1);
    }
  } finally {
    talk.stop();
  }
  return steps;
}

/**
 * What the engine (the CLI's `tactful play`) gives for these choices; with a
 * seed, reply numbers are positions in that seed's shuffled order.
 */
export function expectedResult(compiled: CompiledScenario, steps: ChoiceStep[], timers: TimerSetting = 'standard', seed?: number): ConversationResult {
  const played = playChoices(compiled, steps, timers, seed === undefined ? {} : { shuffleSeed: seed });
  if ('error' in played) throw new Error(played.error.message);
  return played.result;
}

/** Replies chosen at once (0 ms), as `tactful play --choose 1,2,…` does. */
export function atOnce(steps: PlannedStep[]): ChoiceStep[] {
  return steps.map((s) => ({ kind: 'reply', number: s.number, afterMs: 0 }));
}

/**
 * Playwright test with console checks: any console error or page error
 * (an autoplay warning promoted to an error, a crash) fails the test.
 * A test that provokes an error on purpose lists what it expects in
 * `expectedConsoleErrors` (each pattern must then match at least one
 * error, and only those errors are let through).
 */
export const test = base.extend<{ consoleErrors: string[]; expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => {
        const url = r.url();
        if (!/^(http:\/\/127\.0\.0\.1|blob:|data:)/.test(url)) errors.push(`request to another host: ${url}`);
      });
      await use(errors);
      for (const pattern of expectedConsoleErrors) expect(errors.some((e) => pattern.test(e)), `an expected console error matching ${String(pattern)}`).toBe(true);
      const unexpected = errors.filter((e) => !expectedConsoleErrors.some((pattern) => pattern.test(e)));
      expect(unexpected, 'console errors, page errors or third-party requests').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens the game with Playwright's clock installed, and waits for the menu. */
export async function openMenu(page: Page, path = '/'): Promise<void> {
  await page.clock.install();
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Choose a scenario', level: 1 })).toBeVisible({ timeout: 30_000 });
}

/**
 * Stops the page clock: from now on game time (and the reply timer) only
 * moves when a test runs it forward, so answering "at once" is exactly 0 ms.
 */
export async function freezeTime(page: Page): Promise<void> {
  // The page clock keeps flowing while we ask it the time, so aim a little ahead (further on a busy machine).
  for (const ahead of [300, 2_000, 10_000]) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + ahead);
      return;
    } catch (error) {
      if (!String(error).includes('to the past')) throw error;
    }
  }
  throw new Error('could not pause the page clock');
}

/** Runs game time forward in frames until `locator` is visible (or gives up). */
export async function runUntilVisible(page: Page, locator: Locator, stepMs = 200, maxMs = 60_000): Promise<void> {
  for (let spent = 0; spent <= maxMs; spent += stepMs) {
    if (await locator.isVisible()) return;
    await page.clock.runFor(stepMs);
  }
  await expect(locator).toBeVisible({ timeout: 1 });
}

/** The reply buttons currently offered. */
export function replies(page: Page): Locator {
  return page.getByRole('group', { name: 'Your reply' }).getByRole('button');
}

/** Opens a scenario from the menu by its title, and starts it from the briefing. */
export async function startScenario(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible();
  // From here on game time moves only when the test runs it.
  await freezeTime(page);
  await page.getByRole('button', { name: 'Start conversation' }).click();
}

/**
 * Plays planned steps by clicking the reply buttons by their text, with the
 * clock frozen: each line types out in game time, then the reply is clicked
 * at once. Ends on the "See your debrief" button.
 */
export async function playSteps(page: Page, steps: PlannedStep[]): Promise<void> {
  for (const step of steps) {
    const button = page.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: step.say, exact: true });
    await runUntilVisible(page, button);
    // New replies take no answer for a moment (reply-guard.ts): a person has read them by then.
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await button.click();
  }
  await runUntilVisible(page, page.getByRole('button', { name: 'See your debrief' }));
}

/** Reads the debrief's scores (null where the page says a score was not scored). */
export async function readScores(page: Page, dimensions: string[] = []): Promise<Record<string, number | null>> {
  const out: Record<string, number | null> = {};
  for (const id of ['overall', 'tact', 'speed', 'satisfaction', ...dimensions]) {
    const text = (await page.getByTestId(`score-${id}`).textContent())?.trim() ?? '';
    out[id] = /^\d+$/.test(text) ? Number(text) : null;
  }
  return out;
}

/** The scores the debrief should show for an engine result. */
export function scoresOf(result: ConversationResult, dimensions: string[] = []): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const id of ['overall', 'tact', 'speed', 'satisfaction', ...dimensions]) out[id] = result.scores[id] ?? null;
  return out;
}

/** Opens the debrief from the ending and waits for it. */
export async function openDebrief(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'See your debrief' }).click();
  await runUntilVisible(page, page.getByRole('heading', { name: 'Your choices' }));
}

/** A play as the history store keeps it (the fields the tests read). */
export interface StoredPlay {
  scenario: string;
  seed?: number;
  passed: boolean;
  choices: { reply: number | null; replyIndex?: number | null; timedOut: boolean; ms: number }[];
  scores: Record<string, number | null>;
}

/** Every play saved in the browser's history store (IndexedDB), oldest first. */
export async function storedPlays(page: Page): Promise<StoredPlay[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tactful');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('plays').objectStore('plays').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error ?? new Error('reading the plays failed'));
        };
      }),
  );
}

/** Adds records to the browser's history store (IndexedDB) as they are: odd values (NaN, Infinity, wrong types) are kept, as a damaged store would hold them. */
export async function seedHistory(page: Page, records: unknown[]): Promise<void> {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tactful');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('plays', 'readwrite');
          for (const record of list) tx.objectStore('plays').add(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('writing the records failed'));
        };
      }),
    records,
  );
}

/** The choice steps a stored play made (numbers as shown with its seed), with its exact reply times. */
export function stepsOf(play: StoredPlay): ChoiceStep[] {
  return play.choices.map((c) => (c.timedOut ? { kind: 'timeout' } : { kind: 'reply', number: c.reply!, afterMs: c.ms }));
}

/** What the engine gives for a stored play, replayed with its own seed. */
export function replayed(compiled: CompiledScenario, play: StoredPlay, timers: TimerSetting = 'standard'): ConversationResult {
  return expectedResult(compiled, stepsOf(play), timers, play.seed);
}

/** The reply texts offered now, in the order shown. */
export async function shownReplies(page: Page): Promise<string[]> {
  return (await replies(page).locator('.reply-say').allInnerTexts()).map((t) => t.trim());
}

/**
 * Makes a scene's opening fail `times` times through the e2e build's
 * test-only hook (see src/game/ui/error-screen.ts). Call before the page is opened.
 */
export async function failScene(page: Page, scene: 'Menu' | 'Preload' | 'Briefing' | 'Conversation' | 'Debrief', times = 1): Promise<void> {
  await page.addInitScript((hook) => {
    (window as unknown as { __TACTFUL_TEST_FAIL__: unknown }).__TACTFUL_TEST_FAIL__ = hook;
  }, { scene, times });
}

/** Saves a screenshot under tests/artifacts/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
