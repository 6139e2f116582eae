import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import type { FrameLocator, Page } from '@playwright/test';
import { wasBestReply, type CompiledScenario, type ConversationResult, type Decision } from '../../src/engine/index.ts';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { VERBS } from '../../src/report/xapi/vocabulary.ts';
import { startCmi5Launcher } from '../support/cmi5-launcher.ts';
import { startLrs, type StoredStatement, type TestLrs } from '../support/lrs.ts';
import { duplicateNames, zipEntryNames } from '../support/zip-entries.ts';
import { cmi5Au, scormLaunchHref } from './harness/package-launch.ts';
import { COURSE_PAGE, startPackageServer, unzipPackage, type PackageServer } from './harness/package-server.ts';
import { atOnce, compile, expect, expectedResult, freezeTime, openDebrief, planPath, playSteps, readScores, runUntilVisible, snap, test, type PlannedStep } from './helpers.ts';

/**
 * The trainer's whole path with real packages: `tactful package` run as a
 * trainer runs it (SCORM 1.2, SCORM 2004, cmi5), each zip unzipped as an
 * LMS imports it and served from one origin with the test LMS
 * (tests/e2e/harness: scorm-again as the SCORM API; for cmi5 a launcher in
 * front of the real test LRS). Each scenario is launched from what the
 * package's own manifest says, played by role and name, and the LMS (or the
 * LRS) holds the status, the score and every chosen reply, agreeing with
 * the debrief.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const FORMATS = ['scorm12', 'scorm2004', 'cmi5'] as const;
type Format = (typeof FORMATS)[number];
/** One short scenario per package keeps the builds quick; cmi5 gets one with a critical reply (no masteryScore in cmi5.xml). */
const SCENARIO_FILE: Record<Format, string> = { scorm12: 'missing-zero.yaml', scorm2004: 'missing-zero.yaml', cmi5: 'worn-once.yaml' };
const MANIFEST: Record<Format, string> = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', cmi5: 'cmi5.xml' };
const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';

const scormScenario = compile(SCENARIO_FILE.scorm12)!;
const cmi5Scenario = compile(SCENARIO_FILE.cmi5)!;
// A mixed path (the best reply first, then the worst), so the LMS sees correct and wrong answers and a fail.
const firstStep = planPath(scormScenario, 'best')[0]!;
const mixedSteps: PlannedStep[] = [firstStep, ...planPath(scormScenario, 'worst', 'standard', [{ kind: 'reply', number: firstStep.number, afterMs: 0 }])];
const mixedResult = expectedResult(scormScenario, atOnce(mixedSteps));

/** What the test read out of each real zip: its bytes, its manifest, and where it was unzipped. */
interface BuiltPackage {
  zip: Uint8Array;
  manifest: string;
}
let work: string;
const built = {} as Record<Format, BuiltPackage>;
let server: PackageServer;
let lrs: TestLrs;

/** `tactful package` exactly as the brief's trainer types it (through tsx, from the checkout). */
async function packageWithTheCli(format: Format, out: string): Promise<void> {
  const args = ['tsx', 'src/cli/main.ts', 'package', '--format', format, '--out', out, join('scenarios', SCENARIO_FILE[format])];
  try {
    await promisify(execFile)('npx', args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    throw new Error(`tactful package --format ${format} failed (exit ${e.code}): ${e.stderr ?? String(error)}`);
  }
}

// One worker runs this file's tests in order: the three packages are built once and shared.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  work = mkdtempSync(join(tmpdir(), 'tactful-package-in-lms-'));
  // Three builds side by side (~0.3 GB each) and the LRS starting meanwhile: about as long as one build.
  const started = startLrs();
  await Promise.all(FORMATS.map((format) => packageWithTheCli(format, join(work, `${format}.zip`))));
  const folders: Record<string, string> = {};
  for (const format of FORMATS) {
    const zip = new Uint8Array(readFileSync(join(work, `${format}.zip`)));
    folders[format] = join(work, format);
    mkdirSync(folders[format]);
    unzipPackage(zip, folders[format]);
    built[format] = { zip, manifest: strFromU8(unzipSync(zip)[MANIFEST[format]] ?? new Uint8Array()) };
  }
  server = await startPackageServer(folders);
  lrs = await started;
});

test.afterAll(async () => {
  await server?.stop();
  await lrs?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

// ------------------------------------------------------------------ SCORM

type Cmi = Record<string, unknown>;
/** Reads a dotted path from scorm-again's data model (`core.score.raw`, `interactions.0.id`). */
function at(data: Cmi, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Cmi)[key] : undefined), data);
}
function interactionCount(data: Cmi): number {
  return Object.keys((at(data, 'interactions') as Cmi | undefined) ?? {}).filter((k) => /^\d+$/.test(k)).length;
}
async function lmsData(page: Page): Promise<Cmi> {
  return page.evaluate(() => (window as unknown as { harnessData: () => Cmi }).harnessData());
}
function sco(page: Page): FrameLocator {
  return page.frameLocator('#sco');
}
/** A reply's code as the LMS holds it: a–z by its place in the scenario file. */
const code = (replyIndex: number): string => String.fromCharCode(96 + replyIndex);
/** The engine's own judgement of a decision (best: correct; the lowest tact offered or a timeout: wrong). */
function judged(compiled: CompiledScenario, d: Decision): 'correct' | 'wrong' | 'neutral' {
  const node = compiled.scenario.nodes[d.node];
  if (node?.kind === 'dialogue' && wasBestReply(node, d)) return 'correct';
  return d.timedOut || d.tact === Math.min(...d.offeredTacts) ? 'wrong' : 'neutral';
}

/**
 * Opens the test LMS on the package's SCO for `title`, at the address the
 * manifest gives (resource href + item parameters, from the package's folder).
 */
async function launchSco(page: Page, kind: 'scorm12' | 'scorm2004', compiled: CompiledScenario): Promise<string> {
  const href = scormLaunchHref(built[kind].manifest, compiled.scenario.title);
  const launch = new URL(href, `${server.url}${kind}/`).href;
  await page.clock.install();
  await page.goto(`${server.url}harness/lms.html?version=${kind}&scenario=${compiled.scenario.id}&launch=${encodeURIComponent(launch)}`);
  await expect(sco(page).getByRole('heading', { name: compiled.scenario.title, level: 1 })).toBeVisible({ timeout: 30_000 });
  return launch;
}

/** Plays steps in the SCO's frame by the replies' text, game time frozen. */
async function playInSco(page: Page, steps: PlannedStep[]): Promise<void> {
  for (const step of steps) {
    const button = sco(page).getByRole('group', { name: 'Your reply' }).getByRole('button', { name: step.say, exact: true });
    await runUntilVisible(page, button);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await button.click();
  }
}

/** Opens the debrief in the SCO and reads what it shows. */
async function scoDebrief(page: Page): Promise<{ overall: number; passed: boolean; decisions: number; chosen: string[] }> {
  const frame = sco(page);
  await runUntilVisible(page, frame.getByRole('button', { name: 'See your debrief' }));
  await frame.getByRole('button', { name: 'See your debrief' }).click();
  await runUntilVisible(page, frame.getByRole('heading', { name: 'Your choices' }));
  return {
    overall: Number(await frame.getByTestId('score-overall').textContent()),
    passed: (await frame.getByTestId('verdict').textContent())?.trim() === 'Passed',
    decisions: await frame.getByTestId('decision').count(),
    chosen: await frame.getByTestId('chosen').allTextContents(),
  };
}

/** Everything the LMS must hold at the end of a SCORM play, checked against the debrief and the engine. */
function expectScormRecord(kind: 'scorm12' | 'scorm2004', data: Cmi, debrief: Awaited<ReturnType<typeof scoDebrief>>, expected: ConversationResult): void {
  const v12 = kind === 'scorm12';
  const { scenario } = scormScenario;
  // The debrief, the engine and the LMS agree.
  expect({ overall: debrief.overall, passed: debrief.passed, decisions: debrief.decisions }).toEqual({ overall: expected.scores.overall, passed: expected.passed, decisions: expected.decisions.length });
  const status = debrief.passed ? 'passed' : 'failed';
  if (v12) {
    expect(at(data, 'core.lesson_status')).toBe(status);
    expect([at(data, 'core.score.raw'), at(data, 'core.score.min'), at(data, 'core.score.max')]).toEqual([String(debrief.overall), '0', '100']);
  } else {
    expect([at(data, 'completion_status'), at(data, 'success_status')]).toEqual(['completed', status]);
    expect([at(data, 'score.raw'), at(data, 'score.min'), at(data, 'score.max')]).toEqual([String(debrief.overall), '0', '100']);
    expect(Number(at(data, 'score.scaled'))).toBeCloseTo(debrief.overall / 100, 10);
  }
  expect(interactionCount(data)).toBe(debrief.decisions);
  expected.decisions.forEach((d, i) => {
    const n = `interactions.${i}.`;
    expect(at(data, `${n}id`), `interaction ${i}`).toBe(`${scenario.id}.${d.node}.${i + 1}`);
    expect(at(data, `${n}type`)).toBe('choice');
    const response = String(at(data, v12 ? `${n}student_response` : `${n}learner_response`));
    expect(response).toBe(code(d.replyIndex!));
    // The code names the reply the debrief shows as chosen.
    const node = scenario.nodes[d.node];
    expect(node?.kind === 'dialogue' ? node.replies[response.charCodeAt(0) - 97]?.say : undefined).toBe(debrief.chosen[i]);
    const result = judged(scormScenario, d);
    expect(at(data, `${n}result`)).toBe(!v12 && result === 'wrong' ? 'incorrect' : result);
  });
}

for (const kind of ['scorm12', 'scorm2004'] as const) {
  test(`${kind} package: the LMS launches the manifest's SCO, and holds the status, the score and every chosen reply the debrief shows`, async ({ page }) => {
    const launch = await launchSco(page, kind, scormScenario);
    expect(launch).toBe(`${server.url}${kind}/index.html?scenario=${scormScenario.scenario.id}&lms=${kind}`);
    const frame = sco(page);
    await expect(frame.getByRole('heading', { name: 'The situation' })).toBeVisible();
    await snap(page, `package-${kind}-briefing`);
    await freezeTime(page);
    await frame.getByRole('button', { name: 'Start conversation' }).click();
    await playInSco(page, mixedSteps);
    const debrief = await scoDebrief(page);
    await snap(page, `package-${kind}-debrief`);
    // "Return to course" is cmi5's: a SCORM LMS shows its own way back around the SCO.
    await expect(frame.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Return to course' })).toHaveCount(0);
    await expect.poll(async () => at(await lmsData(page), kind === 'scorm12' ? 'core.lesson_status' : 'success_status')).toMatch(/^(passed|failed)$/);
    expectScormRecord(kind, await lmsData(page), debrief, mixedResult);
  });
}

test('scorm12 package: a reload mid-conversation resumes from the LMS suspend_data, and the LMS ends with each decision once', async ({ page }) => {
  await launchSco(page, 'scorm12', scormScenario);
  await freezeTime(page);
  await sco(page).getByRole('button', { name: 'Start conversation' }).click();
  await playInSco(page, mixedSteps.slice(0, 2));
  await expect.poll(async () => interactionCount(await lmsData(page))).toBe(2);
  const suspended = await lmsData(page);
  expect(at(suspended, 'core.exit')).toBe('suspend');
  expect(String(at(suspended, 'suspend_data')).length).toBeGreaterThan(0);

  // The browser's own copy goes, so what resumes can only be the LMS's suspend_data.
  await sco(page).locator('body').evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('tactful.resume.')) localStorage.removeItem(key);
  });
  await page.clock.resume();
  await page.reload();
  const frame = sco(page);
  await expect(frame.getByRole('button', { name: 'Resume where you left off' })).toBeVisible({ timeout: 30_000 });
  await snap(page, 'package-scorm12-resume-offer');
  expect(at(await lmsData(page), 'core.entry')).toBe('resume');
  await freezeTime(page);
  await frame.getByRole('button', { name: 'Resume where you left off' }).click();
  await playInSco(page, mixedSteps.slice(2));
  const debrief = await scoDebrief(page);
  await expect.poll(async () => at(await lmsData(page), 'core.lesson_status')).toMatch(/^(passed|failed)$/);
  expectScormRecord('scorm12', await lmsData(page), debrief, mixedResult);
});

// ------------------------------------------------------------------- cmi5

test.describe('cmi5 package', () => {
  // cmi5 asks for the learner's preferences; the launcher has none (404), which the browser logs.
  test.use({ expectedConsoleErrors: [/404 \(Not Found\)/] });

  test('the LMS launches the AU of cmi5.xml; the LRS gets initialized, answered per decision, passed or failed, completed, terminated; "Return to course" goes back to the LMS', async ({ page }) => {
    const au = cmi5Au(built.cmi5.manifest, cmi5Scenario.scenario.title);
    const returnURL = `${server.url}${COURSE_PAGE}`;
    const launcher = await startCmi5Launcher(lrs.endpoint, {
      activityId: au.id,
      moveOn: au.moveOn,
      returnURL,
      ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
    });
    try {
      // The LMS resolves the AU's url against where it put the package, then adds the cmi5 launch parameters.
      await page.clock.install();
      await page.goto(launcher.launchUrl(new URL(au.url, `${server.url}cmi5/`).href));
      await expect(page.getByRole('heading', { name: 'The situation' })).toBeVisible({ timeout: 30_000 });
      await freezeTime(page);
      await page.getByRole('button', { name: 'Start conversation' }).click();
      const steps = planPath(cmi5Scenario, 'best');
      await playSteps(page, steps);
      await openDebrief(page);
      const expected = expectedResult(cmi5Scenario, atOnce(steps));
      const overall = (await readScores(page)).overall;
      const passed = (await page.getByTestId('verdict').textContent())?.trim() === 'Passed';
      expect({ overall, passed }).toEqual({ overall: expected.scores.overall, passed: expected.passed });
      const chosen = await page.getByTestId('chosen').allTextContents();

      // No way to the menu in a package; the way back to the LMS instead.
      await expect(page.getByRole('button', { name: 'Back to scenarios' })).toHaveCount(0);
      const back = page.getByRole('button', { name: 'Return to course' });
      await expect(back).toBeVisible();
      await back.scrollIntoViewIfNeeded();
      await snap(page, 'package-cmi5-debrief-return');

      // Game time stays frozen: the button can only go once the outbox has sent everything (terminated last).
      await back.click();
      await expect(page).toHaveURL(returnURL);
      await expect(page.getByRole('heading', { name: 'Your course' })).toBeVisible();

      const stored = (await lrs.statements()).filter((s) => s.context?.registration === launcher.registration);
      expect(stored.map((s) => s.verb.id)).toEqual([
        VERBS.initialized.id,
        ...Array<string>(expected.decisions.length).fill(VERBS.answered.id),
        passed ? VERBS.passed.id : VERBS.failed.id,
        VERBS.completed.id,
        TERMINATED,
      ]);
      const defined = stored.filter((s) => s.verb.id !== VERBS.answered.id);
      expect(defined.every((s) => s.object.id === au.id)).toBe(true);
      const verdict = stored.at(-3)!;
      expect(verdict.result?.score).toEqual({ scaled: overall! / 100, raw: overall, min: 0, max: 100 });
      // One "answered" per decision, its response the chosen reply's code.
      const answered: StoredStatement[] = stored.filter((s) => s.verb.id === VERBS.answered.id);
      const node = (d: Decision) => cmi5Scenario.scenario.nodes[d.node];
      expected.decisions.forEach((d, i) => {
        const response = answered[i]!.result?.response ?? '';
        expect(response, `decision ${i + 1}`).toBe(code(d.replyIndex!));
        const n = node(d);
        expect(n?.kind === 'dialogue' ? n.replies[response.charCodeAt(0) - 97]?.say : undefined).toBe(chosen[i]);
      });
      expect(stored.every((s) => s.actor.account?.name === launcher.actor.account.name)).toBe(true);
    } finally {
      await launcher.stop();
    }
  });
});

// ------------------------------------------------------------------ zips

test('each package holds one entry per name, its manifest at the root', () => {
  for (const format of FORMATS) {
    const names = zipEntryNames(built[format].zip);
    expect(duplicateNames(names), format).toEqual([]);
    expect(names[0], format).toBe(MANIFEST[format]);
    expect(names, format).toContain('index.html');
  }
});
