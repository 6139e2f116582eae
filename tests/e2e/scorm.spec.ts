import type { Page } from '@playwright/test';
import { bestOfferedReply, wasBestReply, type Decision } from '../../src/engine/index.ts';
import { REPLY_INPUT_DELAY_MS } from '../../src/game/conversation/reply-guard.ts';
import { atOnce, compile, expect, expectedResult, freezeTime, planPath, runUntilVisible, snap, test, type PlannedStep } from './helpers.ts';
import { lmsAddress, lmsCalls, lmsData, sco, serveTestLms, type ScormKind } from './harness/lms-harness.ts';

/**
 * The game as a SCO in an LMS (tests/e2e/harness: scorm-again as the LMS's
 * API, the game in its frame, launched with `?scenario=ID&lms=…`): a
 * trainee plays by role and name, and the LMS holds the status, the score
 * and one interaction per decision, agreeing with the debrief; a reload
 * mid-conversation (the LMS window closed and opened again) resumes from
 * `suspend_data`.
 */
const compiled = compile('missing-zero.yaml')!;
const { scenario } = compiled;
// A mixed path: the best reply first, then the worst ones, so the LMS sees correct and wrong answers.
const first = planPath(compiled, 'best')[0]!;
const steps: PlannedStep[] = [first, ...planPath(compiled, 'worst', 'standard', [{ kind: 'reply', number: first.number, afterMs: 0 }])];
const expected = expectedResult(compiled, atOnce(steps));

type Cmi = Record<string, unknown>;
/** Reads a dotted path from the LMS's data (`core.score.raw`, `interactions.0.id`). */
function at(data: Cmi, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Cmi)[key] : undefined), data);
}
function interactionCount(data: Cmi): number {
  return Object.keys((at(data, 'interactions') as Cmi | undefined) ?? {}).filter((k) => /^\d+$/.test(k)).length;
}

const code = (replyIndex: number): string => String.fromCharCode(96 + replyIndex);
/** What the engine says of a decision, independently of the game's SCORM code. */
function judged(d: Decision): 'best' | 'worst' | 'other' {
  const node = scenario.nodes[d.node];
  if (node?.kind === 'dialogue' && wasBestReply(node, d)) return 'best';
  return d.timedOut || d.tact === Math.min(...d.offeredTacts) ? 'worst' : 'other';
}
function bestCode(d: Decision): string {
  const node = scenario.nodes[d.node];
  return node?.kind === 'dialogue' ? code(bestOfferedReply(node, d)!.index) : '';
}

/** Plays steps in the SCO's frame, by the replies' text, with game time frozen. */
async function playInLms(page: Page, planned: PlannedStep[]): Promise<void> {
  const frame = sco(page);
  for (const step of planned) {
    const button = frame.getByRole('group', { name: 'Your reply' }).getByRole('button', { name: step.say, exact: true });
    await runUntilVisible(page, button);
    await page.clock.runFor(REPLY_INPUT_DELAY_MS);
    await button.click();
  }
}

/** Opens the test LMS, which launches the scenario's briefing straight away (no menu in a package). */
async function launch(page: Page, kind: ScormKind): Promise<void> {
  await page.clock.install();
  await page.goto(lmsAddress(kind, scenario.id));
  await expect(sco(page).getByRole('heading', { name: scenario.title, level: 1 })).toBeVisible({ timeout: 30_000 });
}

async function finishAndReadDebrief(page: Page): Promise<{ overall: number; passed: boolean; decisions: number }> {
  const frame = sco(page);
  await runUntilVisible(page, frame.getByRole('button', { name: 'See your debrief' }));
  await frame.getByRole('button', { name: 'See your debrief' }).click();
  await runUntilVisible(page, frame.getByRole('heading', { name: 'Your choices' }));
  return {
    overall: Number(await frame.getByTestId('score-overall').textContent()),
    passed: (await frame.getByTestId('verdict').textContent())?.trim() === 'Passed',
    decisions: await frame.getByTestId('decision').count(),
  };
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await serveTestLms(page);
});

for (const kind of ['scorm12', 'scorm2004'] as const) {
  const v12 = kind === 'scorm12';

  test(`${kind}: the LMS records the status, the score and every decision, as the debrief shows them`, async ({ page }) => {
    await launch(page, kind);
    const frame = sco(page);
    // A package launches one scenario: no way to the menu.
    await expect(frame.getByRole('button', { name: 'All scenarios' })).toHaveCount(0);
    await freezeTime(page);
    await frame.getByRole('button', { name: 'Start conversation' }).click();
    await playInLms(page, steps.slice(0, 1));
    await expect.poll(async () => interactionCount(await lmsData(page))).toBe(1);
    const midway = await lmsData(page);
    expect(at(midway, v12 ? 'core.lesson_status' : 'completion_status')).toBe('incomplete');
    expect(at(midway, v12 ? 'core.exit' : 'exit')).toBe('suspend');

    await playInLms(page, steps.slice(1));
    const debrief = await finishAndReadDebrief(page);
    await snap(page, `lms-${kind}-debrief`);
    await expect(frame.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(frame.getByRole('button', { name: 'Back to scenarios' })).toHaveCount(0);

    const data = await lmsData(page);
    // The debrief, the engine and the LMS agree: overall, pass/fail, the number of decisions.
    expect(debrief).toEqual({ overall: expected.scores.overall, passed: expected.passed, decisions: expected.decisions.length });
    expect(interactionCount(data)).toBe(expected.decisions.length);
    if (v12) {
      expect(at(data, 'core.lesson_status')).toBe(expected.passed ? 'passed' : 'failed');
      expect(at(data, 'core.score.raw')).toBe(String(expected.scores.overall));
      expect(at(data, 'core.score.min')).toBe('0');
      expect(at(data, 'core.score.max')).toBe('100');
      expect(at(data, 'core.exit')).toBe('');
      expect(at(data, 'core.session_time')).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    } else {
      expect(at(data, 'completion_status')).toBe('completed');
      expect(at(data, 'success_status')).toBe(expected.passed ? 'passed' : 'failed');
      expect(at(data, 'score.raw')).toBe(String(expected.scores.overall));
      expect(Number(at(data, 'score.scaled'))).toBeCloseTo(expected.scores.overall / 100, 10);
      expect(at(data, 'score.min')).toBe('0');
      expect(at(data, 'score.max')).toBe('100');
      expect(at(data, 'exit')).toBe('normal');
      expect(at(data, 'session_time')).toMatch(/^PT/);
      expect(at(data, 'location')).toBe(`${scenario.id}.${expected.decisions.at(-1)!.node}.${expected.decisions.length}`);
    }
    expect(at(data, 'suspend_data')).toBe('');

    expected.decisions.forEach((d, i) => {
      const n = `interactions.${i}.`;
      const judgement = judged(d);
      expect(at(data, `${n}id`), `interaction ${i}`).toBe(`${scenario.id}.${d.node}.${i + 1}`);
      expect(at(data, `${n}type`)).toBe('choice');
      expect(at(data, `${n}weighting`)).toBe('1');
      expect(at(data, `${n}correct_responses.0.pattern`)).toBe(bestCode(d));
      if (v12) {
        expect(at(data, `${n}student_response`)).toBe(code(d.replyIndex!));
        expect(at(data, `${n}result`)).toBe(judgement === 'best' ? 'correct' : judgement === 'worst' ? 'wrong' : 'neutral');
        expect(at(data, `${n}latency`)).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
        expect(at(data, `${n}time`)).toMatch(/^\d{2}:\d{2}:\d{2}$/);
      } else {
        expect(at(data, `${n}learner_response`)).toBe(code(d.replyIndex!));
        expect(at(data, `${n}result`)).toBe(judgement === 'best' ? 'correct' : judgement === 'worst' ? 'incorrect' : 'neutral');
        expect(at(data, `${n}latency`)).toMatch(/^PT/);
        expect(at(data, `${n}timestamp`)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/);
        const node = scenario.nodes[d.node];
        expect(at(data, `${n}description`)).toBe(node?.kind === 'dialogue' ? node.customer.replace(/\s+/g, ' ').trim().slice(0, 250) : '');
      }
    });
    // Committed at every decision and at the end, not only when the page goes.
    const commits = (await lmsCalls(page)).filter((c) => c === (v12 ? 'LMSCommit' : 'Commit')).length;
    expect(commits).toBeGreaterThanOrEqual(expected.decisions.length + 1);
    // Leaving the page ends the session.
    await page.evaluate(() => {
      (document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank';
    });
    await expect.poll(async () => (await lmsCalls(page)).at(-1)).toBe(v12 ? 'LMSFinish' : 'Terminate');
  });

  test(`${kind}: a reload mid-conversation resumes from suspend_data, with the same scores in the end`, async ({ page }) => {
    await launch(page, kind);
    await freezeTime(page);
    await sco(page).getByRole('button', { name: 'Start conversation' }).click();
    await playInLms(page, steps.slice(0, 2));
    await expect.poll(async () => interactionCount(await lmsData(page))).toBe(2);
    const suspended = await lmsData(page);
    expect(at(suspended, v12 ? 'core.exit' : 'exit')).toBe('suspend');
    const suspendData = String(at(suspended, 'suspend_data'));
    expect(suspendData.length).toBeGreaterThan(0);
    expect(suspendData.length).toBeLessThanOrEqual(v12 ? 4096 : 64_000);

    // The browser's own copy goes, so what resumes can only be the LMS's suspend_data.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('tactful.resume.')) localStorage.removeItem(key);
    });
    await page.clock.resume();
    await page.reload();
    const frame = sco(page);
    await expect(frame.getByRole('button', { name: 'Resume where you left off' })).toBeVisible({ timeout: 30_000 });
    await snap(page, `lms-${kind}-resume-offer`);
    expect(at(await lmsData(page), v12 ? 'core.entry' : 'entry')).toBe('resume');
    await freezeTime(page);
    await frame.getByRole('button', { name: 'Resume where you left off' }).click();
    await playInLms(page, steps.slice(2));
    const debrief = await finishAndReadDebrief(page);
    expect(debrief).toEqual({ overall: expected.scores.overall, passed: expected.passed, decisions: expected.decisions.length });

    const data = await lmsData(page);
    // The two decisions before the reload are not recorded twice.
    expect(interactionCount(data)).toBe(expected.decisions.length);
    expected.decisions.forEach((d, i) => expect(at(data, `interactions.${i}.id`)).toBe(`${scenario.id}.${d.node}.${i + 1}`));
    expect(at(data, v12 ? 'core.score.raw' : 'score.raw')).toBe(String(expected.scores.overall));
    expect(at(data, v12 ? 'core.lesson_status' : 'success_status')).toBe(expected.passed ? 'passed' : 'failed');
    expect((await lmsCalls(page))[0]).toBe(v12 ? 'LMSInitialize' : 'Initialize');
  });
}
