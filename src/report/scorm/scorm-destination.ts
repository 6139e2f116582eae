import type { ConversationResult, Decision } from '../../engine/index.ts';
import type { PlayInProgress, ResultsDestination } from '../results.ts';
import type { ResumeSource } from '../resume/resume-source.ts';
import { encodeResumeState, resumeStateOf } from '../resume/resume-state.ts';
import { interactionValues } from './interaction.ts';
import type { ScormConnection } from './scorm-connection.ts';
import { decisionId } from '../decision-ids.ts';
import { duration2004, scaledScore, timespan12 } from './scorm-values.ts';

/**
 * The most `cmi.suspend_data` each version guarantees: SCORM 1.2's
 * CMIString4096 and SCORM 2004 4th edition's 64,000 characters (SPM).
 */
export const SUSPEND_DATA_LIMITS = { '1.2': 4096, '2004': 64_000 } as const;

/** Told once when a play's resume state no longer fits in suspend_data. */
export class SuspendDataTooLong extends Error {
  constructor(length: number, limit: number) {
    super(`This conversation's resume state is ${length} characters, more than the LMS keeps (${limit}): it is kept in this browser only from now on.`);
    this.name = 'SuspendDataTooLong';
  }
}

/**
 * Reports plays to a SCORM 1.2 or 2004 LMS through one SCO session
 * (scorm-connection.ts), committing at every decision and at the end, so
 * nothing depends on the page's last moments:
 *
 * - a play starting: status incomplete (unless an earlier play in this
 *   attempt already has a result), exit `suspend`;
 * - each decision: one interaction (interaction.ts), the resume state in
 *   `suspend_data`, the location (2004), session time, commit;
 * - the ending: score raw/min/max (and scaled in 2004), passed/failed
 *   (2004: completed plus passed/failed), exit `` / `normal`, suspend_data
 *   cleared, commit;
 * - leaving mid-conversation: exit `suspend`, commit;
 * - the page closing: session time, commit, LMSFinish / Terminate.
 *
 * It is also where an LMS launch resumes from: `read` gives the
 * suspend_data the LMS returned with `entry` = `resume`.
 */
export class ScormDestination implements ResultsDestination, ResumeSource {
  /** The resume state the LMS holds now: what it gave back at launch, then what this session wrote. */
  private suspended: string;
  private tooLongReported = false;

  constructor(
    private readonly lms: ScormConnection,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    const v12 = lms.version === '1.2';
    const entry = lms.get(v12 ? 'cmi.core.entry' : 'cmi.entry');
    this.suspended = entry === 'resume' ? lms.get('cmi.suspend_data') : '';
  }

  playStarted(play: PlayInProgress): void {
    const { lms } = this;
    if (lms.version === '1.2') {
      const status = lms.get('cmi.core.lesson_status');
      // "Incomplete before": but a finished play's passed/failed is not taken back by starting another.
      if (status !== 'passed' && status !== 'failed' && status !== 'completed') lms.set('cmi.core.lesson_status', 'incomplete');
      lms.set('cmi.core.exit', 'suspend');
    } else {
      if (lms.get('cmi.completion_status') !== 'completed') lms.set('cmi.completion_status', 'incomplete');
      lms.set('cmi.exit', 'suspend');
    }
    if (play.resumedDecisions === 0) this.writeSuspendData('');
    this.sessionTime();
    lms.commit();
  }

  decisionMade(play: PlayInProgress, decision: Decision, decisions: readonly Decision[]): void {
    const { lms } = this;
    const count = Number(lms.get('cmi.interactions._count'));
    const index = Number.isInteger(count) && count >= 0 ? count : 0;
    for (const [element, value] of interactionValues(lms.version, index, play.compiled, decision, decisions.length, this.now())) lms.set(element, value);
    this.saveResumeState(play, decisions);
    if (lms.version === '2004') lms.set('cmi.location', decisionId(play.compiled.scenario.id, decision.node, decisions.length));
    lms.set(lms.version === '1.2' ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
    this.sessionTime();
    lms.commit();
  }

  playFinished(_play: PlayInProgress, result: ConversationResult): Promise<void> {
    const { lms } = this;
    const overall = String(result.scores.overall);
    if (lms.version === '1.2') {
      // Min and max before raw: some LMSs check raw against them.
      lms.set('cmi.core.score.min', '0');
      lms.set('cmi.core.score.max', '100');
      lms.set('cmi.core.score.raw', overall);
      lms.set('cmi.core.lesson_status', result.passed ? 'passed' : 'failed');
      lms.set('cmi.core.exit', '');
    } else {
      lms.set('cmi.score.min', '0');
      lms.set('cmi.score.max', '100');
      lms.set('cmi.score.raw', overall);
      lms.set('cmi.score.scaled', scaledScore(result.scores.overall));
      lms.set('cmi.completion_status', 'completed');
      lms.set('cmi.success_status', result.passed ? 'passed' : 'failed');
      lms.set('cmi.exit', 'normal');
    }
    this.writeSuspendData('');
    this.sessionTime();
    lms.commit();
    return Promise.resolve();
  }

  playLeft(play: PlayInProgress, decisions: readonly Decision[]): void {
    const { lms } = this;
    if (decisions.length > 0) this.saveResumeState(play, decisions);
    lms.set(lms.version === '1.2' ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
    this.sessionTime();
    lms.commit();
  }

  pageClosing(): void {
    if (!this.lms.active) return;
    this.sessionTime();
    this.lms.commit();
    this.lms.finish();
  }

  read(): string | null {
    return this.suspended || null;
  }

  clear(): void {
    if (!this.suspended) return;
    this.writeSuspendData('');
    this.lms.commit();
  }

  /** The play's resume state in suspend_data, or nothing (and a report, once) when it outgrows the LMS's limit. */
  private saveResumeState(play: PlayInProgress, decisions: readonly Decision[]): void {
    const text = encodeResumeState(resumeStateOf(play, decisions));
    const limit = SUSPEND_DATA_LIMITS[this.lms.version];
    if (text.length <= limit) {
      this.writeSuspendData(text);
      return;
    }
    // A cut-off state would be damaged; an old one would resume at the wrong line: keep none in the LMS.
    this.writeSuspendData('');
    if (!this.tooLongReported) this.onError(new SuspendDataTooLong(text.length, limit));
    this.tooLongReported = true;
  }

  private writeSuspendData(text: string): void {
    if (text === this.suspended) return;
    if (this.lms.set('cmi.suspend_data', text)) this.suspended = text;
  }

  /** The time since the session began (the LMS adds it to the total when the session ends). */
  private sessionTime(): void {
    const ms = this.now().getTime() - this.lms.startedAt;
    if (this.lms.version === '1.2') this.lms.set('cmi.core.session_time', timespan12(ms));
    else this.lms.set('cmi.session_time', duration2004(ms));
  }
}
