import { CORE_SCORES, dimensionHeader, spreadsheetCsv } from '../../report/results-export.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import type { DecisionRow, Participant, PlayRecordRow, Session } from '../storage/session-store.ts';
import { sessionView, type SessionView } from './views.ts';

/**
 * A session's results as files a trainer keeps: a CSV with one row per
 * play, and a JSON copy with every participant, play and decision.
 *
 * The CSV is written like the trainee's own export (src/report/results-export.ts):
 * RFC 4180 through papaparse (CRLF, quotes where needed), a UTF-8 byte
 * order mark for Excel, and the formula guard: a text cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
 * name a trainee typed is never run as a spreadsheet formula.
 */

/** The session results JSON's format name and layout version. */
export const SESSION_RESULTS_FORMAT = 'tactful-session-results';
export const SESSION_RESULTS_VERSION = 1;

/**
 * The CSV: Participant, Scenario, Scenario id, Started (UTC), Finished
 * (UTC), Status, Outcome, Passed, Overall, Tact, Speed, Satisfaction, each
 * extra score dimension any play has, Timer, Decisions, Ending. Plays in
 * the order they started; unfinished ones with their result cells empty.
 */
export function sessionResultsCsv(plays: readonly PlayRecordRow[], library: ScenarioLibrary): string {
  const dimensions = [...new Set(plays.flatMap((p) => Object.keys(p.scores ?? {})).filter((k) => !CORE_SCORES.has(k)))];
  const fields = ['Participant', 'Scenario', 'Scenario id', 'Started (UTC)', 'Finished (UTC)', 'Status', 'Outcome', 'Passed', 'Overall', 'Tact', 'Speed', 'Satisfaction', ...dimensions.map(dimensionHeader), 'Timer', 'Decisions', 'Ending'];
  const rows = plays.map((p) => {
    const score = (key: string): number | string | null => (p.timers === 'off' && key === 'speed' ? 'off' : (p.scores?.[key] ?? null));
    return [
      p.participantName,
      library.title(p.scenario),
      p.scenario,
      p.startedAt.toISOString(),
      p.finishedAt?.toISOString() ?? null,
      p.finishedAt ? 'finished' : 'in progress',
      p.outcome,
      p.passed === null ? null : p.passed ? 'yes' : 'no',
      p.overall,
      score('tact'),
      score('speed'),
      score('satisfaction'),
      ...dimensions.map(score),
      p.timers,
      p.decisions,
      p.ending,
    ];
  });
  return spreadsheetCsv(fields, rows);
}

/** The JSON results file. */
export interface SessionResultsFile {
  format: typeof SESSION_RESULTS_FORMAT;
  version: typeof SESSION_RESULTS_VERSION;
  exportedAt: string;
  session: Omit<SessionView, 'joinUrl'>;
  participants: { id: string; name: string; joinedAt: string }[];
  plays: (Omit<PlayRecordRow, 'startedAt' | 'finishedAt'> & { startedAt: string; finishedAt: string | null })[];
  decisions: (Omit<DecisionRow, 'madeAt'> & { madeAt: string })[];
}

export function sessionResultsJson(
  session: Session,
  participants: readonly Participant[],
  plays: readonly PlayRecordRow[],
  decisions: readonly DecisionRow[],
  library: ScenarioLibrary,
  exportedAt: Date,
): SessionResultsFile {
  // A file outlives the server's address: no join link in it.
  const { joinUrl, ...view } = sessionView(session, library, '');
  void joinUrl;
  return {
    format: SESSION_RESULTS_FORMAT,
    version: SESSION_RESULTS_VERSION,
    exportedAt: exportedAt.toISOString(),
    session: view,
    participants: participants.map((p) => ({ id: p.id, name: p.name, joinedAt: p.joinedAt.toISOString() })),
    plays: plays.map((p) => ({ ...p, startedAt: p.startedAt.toISOString(), finishedAt: p.finishedAt?.toISOString() ?? null })),
    decisions: decisions.map((d) => ({ ...d, madeAt: d.madeAt.toISOString() })),
  };
}

/**
 * The download's file name: the session's name made safe for a file
 * system, and the day.
 *
 * @example sessionResultsFileName('Returns desk, Monday', 'csv', new Date('2026-11-23T10:00:00Z')) // 'tactful-returns-desk-monday-2026-11-23.csv'
 */
export function sessionResultsFileName(name: string, kind: 'csv' | 'json', date: Date): string {
  const slug = name.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-').slice(0, 40).replace(/-+$/, '');
  return `tactful-${slug ? `${slug}-` : ''}${date.toISOString().slice(0, 10)}.${kind}`;
}
