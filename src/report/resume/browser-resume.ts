import type { Decision } from '../../engine/index.ts';
import type { PlayInProgress, ResultsDestination } from '../results.ts';
import type { ResumeSource } from './resume-source.ts';
import { encodeResumeState, resumeStateOf } from './resume-state.ts';

/** The part of the Web Storage API this needs (localStorage in the game, a stand-in in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The storage key of a scenario's unfinished conversation. */
export function resumeKey(scenario: string): string {
  return `tactful.resume.${scenario}`;
}

/**
 * Keeps each scenario's unfinished conversation in the browser
 * (localStorage: written synchronously at every decision, so a reload or a
 * closed tab a moment later loses nothing; it survives closing the
 * browser). Cleared when the play finishes. Where the browser keeps nothing
 * (storage off, quota full) the game simply cannot offer to resume: a
 * failed write is never an error the trainee sees.
 *
 * @example
 * const resume = new BrowserResume(localStorage);
 * resume.read('worn-once'); // the saved state's text, or null
 */
export class BrowserResume implements ResultsDestination, ResumeSource {
  constructor(private readonly store: KeyValueStore | null) {}

  /** localStorage, or null where reading it is refused (some privacy settings throw on access). */
  static inThisBrowser(): BrowserResume {
    try {
      return new BrowserResume(globalThis.localStorage ?? null);
    } catch {
      return new BrowserResume(null);
    }
  }

  playStarted(play: PlayInProgress): void {
    // A fresh play replaces whatever was left of an earlier one; a resumed play is already saved.
    if (play.resumedDecisions === 0) this.clear(play.compiled.scenario.id);
  }

  decisionMade(play: PlayInProgress, _decision: Decision, decisions: readonly Decision[]): void {
    this.write(play, decisions);
  }

  playFinished(play: PlayInProgress): Promise<void> {
    this.clear(play.compiled.scenario.id);
    return Promise.resolve();
  }

  playLeft(play: PlayInProgress, decisions: readonly Decision[]): void {
    if (decisions.length > 0) this.write(play, decisions);
  }

  read(scenario: string): string | null {
    try {
      return this.store?.getItem(resumeKey(scenario)) ?? null;
    } catch {
      return null;
    }
  }

  clear(scenario: string): void {
    try {
      this.store?.removeItem(resumeKey(scenario));
    } catch {
      // Nothing kept, nothing to clear.
    }
  }

  private write(play: PlayInProgress, decisions: readonly Decision[]): void {
    try {
      this.store?.setItem(resumeKey(play.compiled.scenario.id), encodeResumeState(resumeStateOf(play, decisions)));
    } catch {
      // Storage full or off: this play just cannot be resumed after a reload.
    }
  }
}
