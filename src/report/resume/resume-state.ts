import type { CompiledScenario, Decision } from '../../engine/index.ts';
import { isTimerSetting, type TimerSetting } from '../../engine/timer-setting.ts';
import type { PlayInProgress } from '../results.ts';
import { scenarioFingerprint } from './fingerprint.ts';

/**
 * What it takes to resume an unfinished conversation: the scenario (and
 * its fingerprint), the play's seed and timer setting, and each decision
 * so far as the reply chosen (its position in the FILE) and how long the
 * trainee took, or a timeout. Replaying these through the engine
 * (replay.ts) rebuilds the same mood, path, variables and scores: nothing
 * of the engine's internals is stored, so the state stays small enough
 * for an LMS's `suspend_data` and does not depend on XState's snapshot
 * format.
 */
export interface ResumeState {
  /** The layout of this state; a state of another version is discarded, never guessed at. */
  version: typeof RESUME_VERSION;
  scenario: string;
  /** scenarioFingerprint() of the scenario the decisions were made in. */
  fingerprint: string;
  seed: number;
  timers: TimerSetting;
  playId: string;
  /** When the play first began (ms since 1970). */
  startedAt: number;
  decisions: SavedChoice[];
}

/** One decision as saved: a reply (file position, time taken in ms of game time) or a timeout. */
export type SavedChoice = { replyIndex: number; ms: number } | { timeout: true };

/** The version of the layout written today. */
export const RESUME_VERSION = 1;

/** Why a saved state could not be used. */
export type ResumeProblem = 'damaged' | 'older' | 'newer' | 'changed';

/**
 * What the briefing says when a saved conversation had to be discarded.
 * Each starts with the same words, so a trainee (and a test) recognises the
 * one situation.
 */
export const RESUME_NOTICES: Record<ResumeProblem, string> = {
  damaged: 'Your unfinished conversation could not be resumed (its saved state was damaged), so it has been discarded.',
  older: 'Your unfinished conversation could not be resumed (it was saved by an older version of Tactful), so it has been discarded.',
  newer: 'Your unfinished conversation could not be resumed (it was saved by a newer version of Tactful), so it has been discarded.',
  changed: 'Your unfinished conversation could not be resumed (the scenario has changed since), so it has been discarded.',
};

const fingerprints = new WeakMap<CompiledScenario, string>();

/** The fingerprint of a compiled scenario, worked out once per load. */
export function fingerprintOf(compiled: CompiledScenario): string {
  let known = fingerprints.get(compiled);
  if (known === undefined) {
    known = scenarioFingerprint(compiled.scenario);
    fingerprints.set(compiled, known);
  }
  return known;
}

/** The saved form of the engine's decisions. */
export function savedChoices(decisions: readonly Decision[]): SavedChoice[] {
  return decisions.map((d) => (d.timedOut || d.replyIndex === null ? { timeout: true } : { replyIndex: d.replyIndex, ms: d.ms }));
}

/** The state that resumes `play` after `decisions`. */
export function resumeStateOf(play: PlayInProgress, decisions: readonly Decision[]): ResumeState {
  return {
    version: RESUME_VERSION,
    scenario: play.compiled.scenario.id,
    fingerprint: fingerprintOf(play.compiled),
    seed: play.seed,
    timers: play.timers,
    playId: play.playId,
    startedAt: play.startedAt.getTime(),
    decisions: savedChoices(decisions),
  };
}

/**
 * The state as one short line of JSON, with the decisions in a compact list:
 * `3@1250` is the reply at file position 3 chosen after 1250 ms, `t` a
 * timeout. About 8 characters a decision, so even SCORM 1.2's 4,096
 * characters of `suspend_data` hold hundreds of decisions.
 *
 * @example
 * encodeResumeState(state) // '{"v":1,"s":"worn-once","f":"1x9…","n":42,"t":"standard","p":"…","a":1735689600000,"d":"3@1250,t"}'
 */
export function encodeResumeState(state: ResumeState): string {
  const decisions = state.decisions.map((c) => ('timeout' in c ? 't' : `${c.replyIndex}@${c.ms}`)).join(',');
  return JSON.stringify({ v: state.version, s: state.scenario, f: state.fingerprint, n: state.seed, t: state.timers, p: state.playId, a: state.startedAt, d: decisions });
}

/**
 * Reads a saved state back. Anything that is not exactly what this
 * version writes is refused with the reason (never a throw): text that
 * is not a state is `damaged`; a state of another layout version is
 * `older` or `newer`.
 */
export function decodeResumeState(text: string): { state: ResumeState } | { problem: ResumeProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'damaged' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'damaged' };
  const r = raw as Record<string, unknown>;
  if (typeof r.v === 'number' && Number.isInteger(r.v) && r.v !== RESUME_VERSION) return { problem: r.v < RESUME_VERSION ? 'older' : 'newer' };
  if (r.v !== RESUME_VERSION) return { problem: 'damaged' };
  const { s, f, n, t, p, a, d } = r;
  if (typeof s !== 'string' || s === '' || typeof f !== 'string' || f === '' || typeof p !== 'string' || p === '' || typeof d !== 'string') return { problem: 'damaged' };
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || typeof a !== 'number' || !Number.isFinite(a) || typeof t !== 'string' || !isTimerSetting(t)) return { problem: 'damaged' };
  const decisions: SavedChoice[] = [];
  for (const part of d === '' ? [] : d.split(',')) {
    if (part === 't') {
      decisions.push({ timeout: true });
      continue;
    }
    const match = /^([1-9]\d?)@(\d+(?:\.\d+)?)$/.exec(part);
    if (!match) return { problem: 'damaged' };
    decisions.push({ replyIndex: Number(match[1]), ms: Number(match[2]) });
  }
  return { state: { version: RESUME_VERSION, scenario: s, fingerprint: f, seed: n, timers: t, playId: p, startedAt: a, decisions } };
}
