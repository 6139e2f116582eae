import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { BrowserResume, resumeKey, type KeyValueStore } from '../../../src/report/resume/browser-resume.ts';
import { decodeResumeState, encodeResumeState, RESUME_NOTICES, RESUME_VERSION, resumeStateOf, type ResumeState } from '../../../src/report/resume/resume-state.ts';
import { findSavedPlay } from '../../../src/report/resume/saved-play.ts';
import type { PlayInProgress } from '../../../src/report/results.ts';
import { compileFile } from '../helpers.ts';

const state: ResumeState = {
  version: RESUME_VERSION,
  scenario: 'worn-once',
  fingerprint: 'abc123',
  seed: 42,
  timers: '1.5x',
  playId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  startedAt: Date.UTC(2025, 0, 1),
  decisions: [{ replyIndex: 3, ms: 1_250 }, { timeout: true }, { replyIndex: 1, ms: 0 }],
};

describe('the saved state of an unfinished conversation', () => {
  it('reads back exactly as written', () => {
    expect(decodeResumeState(encodeResumeState(state))).toEqual({ state });
  });

  it('is compact: a few characters a decision', () => {
    const text = encodeResumeState(state);
    expect(text).toContain('"d":"3@1250,t,1@0"');
    const long = encodeResumeState({ ...state, decisions: Array.from({ length: 300 }, () => ({ replyIndex: 4, ms: 12_345 })) });
    // Three hundred decisions fit in SCORM 1.2's 4,096 characters of suspend_data.
    expect(long.length).toBeLessThan(4_096);
  });

  it.each([
    ['not JSON', 'resume me'],
    ['JSON that is not a state', '[1,2]'],
    ['a state with a field missing', encodeResumeState(state).replace('"p":', '"q":')],
    ['a decision that is not one', encodeResumeState(state).replace('3@1250', '3@x')],
    ['an unknown timer setting', encodeResumeState(state).replace('"1.5x"', '"3x"')],
    ['a negative seed', encodeResumeState(state).replace('"n":42', '"n":-1')],
  ])('is refused as damaged when it is %s', (_what, text) => {
    expect(decodeResumeState(text)).toEqual({ problem: 'damaged' });
  });

  it('is refused as older or newer when written by another layout version', () => {
    expect(decodeResumeState('{"v":0}')).toEqual({ problem: 'older' });
    expect(decodeResumeState(encodeResumeState(state).replace('"v":1', '"v":2'))).toEqual({ problem: 'newer' });
  });

  it('has a notice for each reason it can be refused, all starting the same way', () => {
    for (const notice of Object.values(RESUME_NOTICES)) expect(notice).toMatch(/^Your unfinished conversation could not be resumed \(/);
  });
});

/** localStorage as a Map. */
function memoryStore(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('resume in the browser', () => {
  const compiled = compileFile('scenarios/worn-once.yaml');
  const play: PlayInProgress = { playId: 'p1', compiled, timers: 'standard', seed: 5, startedAt: new Date(Date.UTC(2025, 0, 1)), resumedDecisions: 0 };
  const talk = startConversation(compiled, { clock: new SteppedClock(), shuffleSeed: 5 });
  talk.reply(2);
  const decisions = talk.context.decisions;

  it('saves at every decision, and clears when the play finishes', async () => {
    const store = memoryStore();
    const resume = new BrowserResume(store);
    resume.playStarted(play);
    resume.decisionMade(play, decisions[0]!, decisions);
    const saved = decodeResumeState(store.map.get(resumeKey('worn-once'))!);
    expect(saved).toEqual({ state: resumeStateOf(play, decisions) });
    await resume.playFinished(play);
    expect(store.map.has(resumeKey('worn-once'))).toBe(false);
  });

  it('keeps the state when the trainee leaves mid-conversation', () => {
    const store = memoryStore();
    const resume = new BrowserResume(store);
    resume.decisionMade(play, decisions[0]!, decisions);
    resume.playLeft(play, decisions);
    expect(resume.read('worn-once')).not.toBeNull();
  });

  it('never throws when the browser keeps nothing', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const resume = new BrowserResume(refusing);
    expect(() => resume.decisionMade(play, decisions[0]!, decisions)).not.toThrow();
    expect(resume.read('worn-once')).toBeNull();
    expect(() => resume.clear('worn-once')).not.toThrow();
  });

  it('is offered by the briefing when it replays on the scenario as it is', () => {
    const store = memoryStore();
    const resume = new BrowserResume(store);
    resume.decisionMade(play, decisions[0]!, decisions);
    expect(findSavedPlay(compiled, [resume])).toEqual({ kind: 'saved', state: resumeStateOf(play, decisions) });
  });

  it('is discarded with a notice when damaged, and not offered again', () => {
    const store = memoryStore();
    store.setItem(resumeKey('worn-once'), '{"v":1,"s":');
    const resume = new BrowserResume(store);
    expect(findSavedPlay(compiled, [resume])).toEqual({ kind: 'discarded', notice: RESUME_NOTICES.damaged });
    expect(findSavedPlay(compiled, [resume])).toEqual({ kind: 'none' });
  });

  it('is discarded when the scenario has changed since', () => {
    const store = memoryStore();
    store.setItem(resumeKey('worn-once'), encodeResumeState({ ...resumeStateOf(play, decisions), fingerprint: 'edited' }));
    expect(findSavedPlay(compiled, [new BrowserResume(store)])).toEqual({ kind: 'discarded', notice: RESUME_NOTICES.changed });
  });

  it('is taken from the first source that has a usable one (the LMS before the browser)', () => {
    const lms = memoryStore();
    const browser = memoryStore();
    lms.setItem(resumeKey('worn-once'), 'damaged');
    browser.setItem(resumeKey('worn-once'), encodeResumeState(resumeStateOf(play, decisions)));
    const found = findSavedPlay(compiled, [new BrowserResume(lms), new BrowserResume(browser)]);
    expect(found.kind).toBe('saved');
  });

  it('is not offered before the first decision (starting again is the same)', () => {
    const store = memoryStore();
    store.setItem(resumeKey('worn-once'), encodeResumeState(resumeStateOf(play, [])));
    expect(findSavedPlay(compiled, [new BrowserResume(store)])).toEqual({ kind: 'none' });
  });
});
