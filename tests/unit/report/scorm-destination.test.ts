import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation, type CompiledScenario, type ConversationResult, type Decision } from '../../../src/engine/index.ts';
import type { PlayInProgress } from '../../../src/report/results.ts';
import { decodeResumeState } from '../../../src/report/resume/resume-state.ts';
import type { SearchableWindow } from '../../../src/report/scorm/api-discovery.ts';
import { judge } from '../../../src/report/scorm/interaction.ts';
import { ScormConnection, ScormError } from '../../../src/report/scorm/scorm-connection.ts';
import { ScormDestination, SuspendDataTooLong } from '../../../src/report/scorm/scorm-destination.ts';
import { compileFile, shippedScenarioFiles } from '../helpers.ts';

type Version = '1.2' | '2004';
type Cmi = Record<string, unknown>;
const at = (data: Cmi, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Cmi)[k] : undefined), data);

/** The part of scorm-again's runtime the tests use (its published types do not resolve for the linter). */
interface TestLms {
  renderCMIToJSONObject(): { cmi: Cmi };
  loadFromJSON(json: Cmi, prefix: string): void;
}
type TestLmsClass = new (settings: { logLevel: number; autocommit: boolean }) => TestLms;
const { Scorm12API } = (await import('scorm-again/scorm12')) as unknown as { Scorm12API: TestLmsClass };
const { Scorm2004API } = (await import('scorm-again/scorm2004')) as unknown as { Scorm2004API: TestLmsClass };

/** A real SCORM runtime (scorm-again, which checks every value's type) on a stand-in window. */
function lms(version: Version): { api: TestLms; window: SearchableWindow } {
  const api = version === '1.2' ? new Scorm12API({ logLevel: 5, autocommit: false }) : new Scorm2004API({ logLevel: 5, autocommit: false });
  const window: Record<string, unknown> = { [version === '1.2' ? 'API' : 'API_1484_11']: api };
  window.parent = window;
  return { api, window: window as unknown as SearchableWindow };
}

function playOf(compiled: CompiledScenario, resumedDecisions = 0): PlayInProgress {
  return { playId: '7d444840-9dc0-11d1-b245-5ffdce74fad2', compiled, timers: 'standard', seed: 11, startedAt: new Date(Date.UTC(2025, 2, 3, 10)), resumedDecisions };
}

/** Plays a scenario to an ending, `pick` choosing each reply among those shown; reports each decision as the game does. */
function playThrough(compiled: CompiledScenario, pick: (n: number, step: number) => number, report: (d: Decision, all: readonly Decision[]) => void): ConversationResult {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers: 'standard', shuffleSeed: 11 });
  let reported = 0;
  for (let step = 0; !talk.ended && step < 80; step++) {
    clock.advance(1_234);
    if (talk.context.decisions.length === reported) talk.reply(pick(talk.view().replies.length, step));
    const { decisions } = talk.context;
    for (; reported < decisions.length; reported++) report(decisions[reported]!, decisions.slice(0, reported + 1));
  }
  const result = talk.result()!;
  talk.stop();
  return result;
}

const clockAt = (): Date => new Date(Date.UTC(2025, 2, 3, 10, 4, 5, 500));

describe.each(['1.2', '2004'] as const)('SCORM %s', (version) => {
  const v12 = version === '1.2';

  it.each(shippedScenarioFiles())('records a play of %s in values the LMS accepts, agreeing with the engine\'s result', (file) => {
    const compiled = compileFile(file);
    const { api, window } = lms(version);
    const errors: unknown[] = [];
    const connection = ScormConnection.open(version, window, (e) => errors.push(e), () => clockAt().getTime() - 65_500)!;
    const scorm = new ScormDestination(connection, (e) => errors.push(e), clockAt);
    const play = playOf(compiled);
    scorm.playStarted(play);
    // Alternate first and last replies shown, so plays mix best, worst and in-between answers.
    const result = playThrough(compiled, (n, step) => (step % 2 === 0 ? 1 : n), (d, all) => scorm.decisionMade(play, d, all));
    void scorm.playFinished(play, result);
    scorm.pageClosing();

    expect(errors).toEqual([]);
    const data = api.renderCMIToJSONObject().cmi;
    expect(Object.keys(at(data, 'interactions') as Cmi).filter((k) => /^\d+$/.test(k))).toHaveLength(result.decisions.length);
    if (v12) {
      expect(at(data, 'core.lesson_status')).toBe(result.passed ? 'passed' : 'failed');
      expect(at(data, 'core.score.raw')).toBe(String(result.scores.overall));
      // 65.5 s of session (scorm-again keeps "00:01:05.50" as "00:01:05.5").
      expect(at(data, 'core.session_time')).toMatch(/^00:01:05\.50?$/);
    } else {
      expect(at(data, 'success_status')).toBe(result.passed ? 'passed' : 'failed');
      expect(at(data, 'completion_status')).toBe('completed');
      expect(at(data, 'score.scaled')).toBe(String(result.scores.overall / 100));
      expect(at(data, 'session_time')).toBe('PT1M5.5S');
    }
    result.decisions.forEach((d, i) => {
      const judged = judge(compiled, d);
      const wrong = v12 ? 'wrong' : 'incorrect';
      expect(at(data, `interactions.${i}.result`)).toBe(judged === 'best' ? 'correct' : judged === 'worst' ? wrong : 'neutral');
    });
  });

  it('marks an answer neither best nor worst as neutral', () => {
    const compiled = compileFile('scenarios/worn-once.yaml');
    const results = new Set<string>();
    for (let pick = 1; pick <= 4; pick++) {
      const { api, window } = lms(version);
      const scorm = new ScormDestination(ScormConnection.open(version, window, () => {})!);
      const play = playOf(compiled);
      playThrough(compiled, (n) => Math.min(pick, n), (d, all) => scorm.decisionMade(play, d, all));
      const data = api.renderCMIToJSONObject().cmi;
      for (const i of Object.keys(at(data, 'interactions') as Cmi)) results.add(String(at(data, `interactions.${i}.result`)));
    }
    expect(results).toContain('neutral');
  });

  it('is incomplete and suspended mid-conversation, with the resume state in suspend_data', () => {
    const compiled = compileFile('scenarios/worn-once.yaml');
    const { api, window } = lms(version);
    const scorm = new ScormDestination(ScormConnection.open(version, window, () => {})!);
    const play = playOf(compiled);
    scorm.playStarted(play);
    const clock = new SteppedClock();
    const talk = startConversation(compiled, { clock, shuffleSeed: 11 });
    talk.reply(1);
    scorm.decisionMade(play, talk.context.decisions[0]!, talk.context.decisions);
    scorm.playLeft(play, talk.context.decisions);
    const data = api.renderCMIToJSONObject().cmi;
    expect(at(data, v12 ? 'core.lesson_status' : 'completion_status')).toBe('incomplete');
    expect(at(data, v12 ? 'core.exit' : 'exit')).toBe('suspend');
    const saved = decodeResumeState(String(at(data, 'suspend_data')));
    expect('state' in saved && saved.state.decisions).toHaveLength(1);
    expect(scorm.read()).toBe(at(data, 'suspend_data'));
  });

  it('gives back the suspend_data of a launch with entry "resume", and clears it on "Start again"', () => {
    const { api, window } = lms(version);
    api.loadFromJSON(v12 ? { core: { entry: 'resume' }, suspend_data: '{"v":1}' } : { entry: 'resume', suspend_data: '{"v":1}' }, '');
    const scorm = new ScormDestination(ScormConnection.open(version, window, () => {})!);
    expect(scorm.read()).toBe('{"v":1}');
    scorm.clear();
    expect(scorm.read()).toBeNull();
    expect(at(api.renderCMIToJSONObject().cmi, 'suspend_data')).toBe('');
  });

  it('ignores suspend_data on a new attempt (entry is not "resume")', () => {
    const { api, window } = lms(version);
    api.loadFromJSON({ suspend_data: '{"v":1}' }, '');
    expect(new ScormDestination(ScormConnection.open(version, window, () => {})!).read()).toBeNull();
  });

  it(`keeps no resume state in the LMS once it outgrows ${v12 ? '4,096' : '64,000'} characters, and says so once`, () => {
    const compiled = compileFile('scenarios/worn-once.yaml');
    const { api, window } = lms(version);
    const errors: unknown[] = [];
    const scorm = new ScormDestination(ScormConnection.open(version, window, () => {})!, (e) => errors.push(e));
    const talk = startConversation(compiled, { clock: new SteppedClock(), shuffleSeed: 11 });
    talk.reply(1);
    const one = talk.context.decisions[0]!;
    const many = Array.from({ length: v12 ? 600 : 9_000 }, () => ({ ...one, ms: 1_234_567 }));
    scorm.decisionMade(playOf(compiled), one, many);
    scorm.decisionMade(playOf(compiled), one, many);
    expect(at(api.renderCMIToJSONObject().cmi, 'suspend_data')).toBe('');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(SuspendDataTooLong);
  });
});

describe('an LMS that refuses or fails', () => {
  /** A SCORM 1.2 API that answers every call with `answer`. */
  function fakeApi(answer: () => string, lastError = '405'): SearchableWindow {
    const api = {
      LMSInitialize: () => 'true',
      LMSFinish: answer,
      LMSGetValue: () => '',
      LMSSetValue: answer,
      LMSCommit: answer,
      LMSGetLastError: () => lastError,
      LMSGetErrorString: () => 'Incorrect Data Type',
      LMSGetDiagnostic: () => '',
    };
    const window: Record<string, unknown> = { API: api };
    window.parent = window;
    return window as unknown as SearchableWindow;
  }

  it('reports a refused value with the LMS\'s error code, and the play goes on', () => {
    const errors: unknown[] = [];
    const connection = ScormConnection.open('1.2', fakeApi(() => 'false'), (e) => errors.push(e))!;
    expect(connection.set('cmi.core.score.raw', '88')).toBe(false);
    expect(errors[0]).toBeInstanceOf(ScormError);
    expect((errors[0] as ScormError).code).toBe('405');
    expect((errors[0] as Error).message).toBe('The LMS refused LMSSetValue("cmi.core.score.raw", "88"): error 405 (Incorrect Data Type)');
  });

  it('reports an API that throws, without throwing', () => {
    const errors: unknown[] = [];
    const scorm = new ScormDestination(
      ScormConnection.open('1.2', fakeApi(() => {
        throw new Error('LMS gone');
      }, '0'), (e) => errors.push(e))!,
    );
    const compiled = compileFile('scenarios/worn-once.yaml');
    expect(() => scorm.playStarted(playOf(compiled))).not.toThrow();
    expect(errors.length).toBeGreaterThan(0);
    expect(String((errors[0] as Error).message)).toContain('LMS gone');
  });

  it('is not there outside an LMS: no session, nothing reported', () => {
    const errors: unknown[] = [];
    const alone: Record<string, unknown> = {};
    alone.parent = alone;
    expect(ScormConnection.open('2004', alone as unknown as SearchableWindow, (e) => errors.push(e))).toBeNull();
    expect(errors).toEqual([]);
  });

  it('does nothing after the session is finished', () => {
    const { api, window } = lms('1.2');
    const connection = ScormConnection.open('1.2', window, () => {})!;
    connection.finish();
    expect(connection.set('cmi.core.lesson_status', 'passed')).toBe(false);
    expect(at(api.renderCMIToJSONObject().cmi, 'core.lesson_status')).not.toBe('passed');
  });
});
