import Papa from 'papaparse';
import type { PlayRecord } from './play-record.ts';

/**
 * The trainee's own results as files they can keep: a CSV that opens in a
 * spreadsheet and a JSON copy of the records. Pure: the game downloads
 * what these return (src/game/screens/results-screen.ts).
 *
 * CSV: RFC 4180 (a header row, CRLF line ends, fields with a comma, quote
 * or line break in double quotes, quotes doubled), written by papaparse's
 * `unparse`, with two additions for spreadsheets:
 * - a UTF-8 byte order mark first, so Excel reads "Café" as UTF-8, not as
 *   the system's code page;
 * - formula guard: a text cell starting with `=`, `+`, `-`, `@`, a tab or
 *   a carriage return would be run as a formula by Excel, LibreOffice and
 *   Google Sheets (CSV injection), so it is written with a leading `'`
 *   (which spreadsheets show as text, not as part of the value). Numbers
 *   are never changed. A scenario title is written by a trainer, but the
 *   file may be opened by someone else.
 */

/** The JSON export's format name and layout version (bump the version when the layout changes). */
export const RESULTS_FORMAT = 'tactful-results';
export const RESULTS_VERSION = 1;

/** The JSON download: every play, newest first, as the browser keeps it. */
export interface ResultsExport {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  /** ISO 8601 date and time the file was written. */
  exportedAt: string;
  plays: PlayRecord[];
}

/** What a CSV cell holds before papaparse writes it: numbers stay numbers (and are never guarded). */
export type Cell = string | number | null;

/** The scores every play has; any other score key is one of the scenario's own dimensions. */
export const CORE_SCORES = new Set(['tact', 'speed', 'satisfaction', 'overall']);

/** A text cell spreadsheets would run as a formula. Papaparse's own default misses such text when it spans lines (`.*$` stops at a line break). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The UTF-8 byte order mark, as the first character of the CSV text. */
export const BYTE_ORDER_MARK = '\uFEFF';

/** Plays newest first (by finishing date; the later-saved first on a tie), without the store's own key. */
export function newestFirst(records: readonly PlayRecord[]): PlayRecord[] {
  return records
    .map((record, order) => ({ record, order }))
    .sort((a, b) => (a.record.date === b.record.date ? b.order - a.order : a.record.date < b.record.date ? 1 : -1))
    .map(({ record }) => withoutKey(record));
}

/** The scenario-specific score dimensions the plays have, in order of first appearance. */
export function extraDimensions(records: readonly PlayRecord[]): string[] {
  const found = new Set<string>();
  for (const record of records) for (const key of Object.keys(record.scores)) if (!CORE_SCORES.has(key)) found.add(key);
  return [...found];
}

/**
 * The time a play took the trainee to choose their replies: the sum of
 * its decisions' reply times, in ms. (A record keeps each decision's time,
 * not when the play began, so reading time before the replies appear is
 * not in it.)
 */
export function replyTimeMs(record: PlayRecord): number {
  return record.choices.reduce((total, choice) => total + choice.ms, 0);
}

/**
 * How long a play took, from its start to its ending, in ms: null for
 * records from before the start was kept. A play resumed after a break
 * counts the break too (it is the time the play really took).
 */
export function timeTakenMs(record: PlayRecord): number | null {
  if (record.startedAt === undefined) return null;
  return Math.max(0, Date.parse(record.date) - Date.parse(record.startedAt));
}

/** How many critical mistakes a play had (0 for records from before they were kept). */
export function criticalMistakes(record: PlayRecord): number {
  return record.critical?.length ?? 0;
}

/**
 * A play's speed score as the trainee reads it: "off" when the timers were
 * off (speed is not scored then), otherwise the score, or null when there
 * was no timed reply to score.
 */
export function speedOf(record: PlayRecord): number | 'off' | null {
  if (record.timers === 'off') return 'off';
  return record.scores.speed ?? null;
}

/**
 * The CSV download: a header row, then one row per play, newest first.
 * Starts with a byte order mark and ends with CRLF. Columns: Date (UTC,
 * ISO 8601), Scenario, Scenario id, Outcome, Passed (yes/no), Overall,
 * Pass mark, Tact, Speed ("off" with the timers off), Satisfaction, then
 * each extra dimension any play has (a play without it leaves the cell
 * empty), Timer, Decisions, Reply time (s), Ending.
 *
 * @example
 * const csv = resultsCsv(await history.all());
 * download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), resultsFileName('csv', new Date()));
 */
export function resultsCsv(records: readonly PlayRecord[]): string {
  const plays = newestFirst(records);
  const dimensions = extraDimensions(plays);
  const fields = ['Date (UTC)', 'Scenario', 'Scenario id', 'Outcome', 'Passed', 'Critical mistakes', 'Overall', 'Pass mark', 'Tact', 'Speed', 'Satisfaction', ...dimensions.map(dimensionHeader), 'Timer', 'Decisions', 'Time taken (s)', 'Reply time (s)', 'Ending'];
  const data: Cell[][] = plays.map((play) => [
    play.date,
    play.title,
    play.scenario,
    play.outcome,
    play.passed ? 'yes' : 'no',
    criticalMistakes(play),
    play.scores.overall,
    play.passMark,
    play.scores.tact,
    speedOf(play),
    play.scores.satisfaction,
    ...dimensions.map((dim) => play.scores[dim] ?? null),
    play.timers,
    play.choices.length,
    seconds(timeTakenMs(play)),
    Math.round(replyTimeMs(play) / 100) / 10,
    play.ending,
  ]);
  return spreadsheetCsv(fields, data);
}

/**
 * A CSV a spreadsheet opens safely, as described at the top of this file:
 * RFC 4180 by papaparse, a byte order mark, CRLF after every row, and the
 * formula guard on text cells. The trainee's export and a session's
 * results (src/server) are both written by it.
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  // Rows as arrays, the header the first of them: papaparse's `{ fields, data }` form writes a stray line when `data` is empty.
  const body = Papa.unparse([header, ...rows] as Cell[][], { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START });
  return `${BYTE_ORDER_MARK}${body}\r\n`;
}

/** Milliseconds as seconds to one decimal, or an empty cell when unknown. */
function seconds(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 100) / 10;
}

/**
 * The JSON download: `{ format: "tactful-results", version: 1, exportedAt,
 * plays }`, the plays newest first and exactly as recorded (the engine's
 * scores, each choice with its reply time), indented for reading.
 */
export function resultsJson(records: readonly PlayRecord[], exportedAt: Date): string {
  const file: ResultsExport = { format: RESULTS_FORMAT, version: RESULTS_VERSION, exportedAt: exportedAt.toISOString(), plays: newestFirst(records) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The download's file name, dated with the trainee's local day.
 *
 * @example
 * resultsFileName('csv', new Date(2026, 10, 23)); // 'tactful-results-2026-11-23.csv'
 */
export function resultsFileName(kind: 'csv' | 'json', date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `tactful-results-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${kind}`;
}

/** A dimension's column: its id as the scenario names it, capitalised ("policy" → "Policy"). */
export function dimensionHeader(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

function withoutKey(record: PlayRecord): PlayRecord {
  const copy = { ...record };
  delete copy.id;
  return copy;
}
