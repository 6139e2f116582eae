// zod/mini: the same checks as `zod` with a tree-shakable API. history.ts fetches this module
// with the first read of the store, so the menu's first chunk carries no schema code at all.
import * as z from 'zod/mini';
import type { Scores, TimerSetting } from '../engine/index.ts';
import { TIMER_SETTINGS } from '../engine/timer-setting.ts';
import type { Outcome } from '../scenario/index.ts';

/**
 * One finished play, as kept in the browser: which scenario, when, every
 * choice, and the engine's scores. Nothing here is recomputed: it is the
 * engine's result, stored.
 */
export interface PlayRecord {
  /** Record layout; bumped when it changes so old records can be recognised. */
  format: 1;
  id?: number;
  scenario: string;
  title: string;
  /** ISO 8601 date and time the play finished. */
  date: string;
  /** ISO 8601 date and time the play began (before a resume, if it was resumed). Absent in older records. */
  startedAt?: string;
  timers: TimerSetting;
  /** The shuffle seed the replies were shown with (`?seed=N` replays the same order). Absent in plays from before shuffling. */
  seed?: number;
  ending: string;
  outcome: Outcome;
  satisfied: boolean;
  passed: boolean;
  passMark: number;
  /** The nodes where a critical mistake was made (any one fails the play). Absent in older records. */
  critical?: string[];
  scores: Scores;
  /**
   * Each decision: node, the number pressed (position as shown; null on
   * timeout), the reply's position in the file, and ms to answer.
   */
  choices: { node: string; reply: number | null; replyIndex?: number | null; timedOut: boolean; ms: number }[];
}

// The format's outcomes, listed again rather than imported: src/scenario/schema.ts builds the
// whole scenario schema on import. The type check below fails if the two lists differ.
const OUTCOMES = ['satisfied', 'neutral', 'dissatisfied', 'escalated', 'lost'] as const satisfies readonly Outcome[];

// z.number() already refuses NaN and ±Infinity; scores and the pass mark are out of 100.
const score = z.number().check(z.gte(0), z.lte(100));
const count = z.int().check(z.gte(0));

/**
 * What a stored play must look like to be shown. A record written by this
 * version always passes; one edited by hand, damaged on disk or written by
 * a buggy build may not, and the menu must never show "Best NaN" for it.
 */
export const playRecordSchema = z.object({
  format: z.literal(1),
  id: z.optional(count),
  scenario: z.string().check(z.minLength(1)),
  title: z.string(),
  date: z.iso.datetime(),
  startedAt: z.optional(z.iso.datetime()),
  timers: z.enum(TIMER_SETTINGS),
  seed: z.optional(count),
  ending: z.string(),
  outcome: z.enum(OUTCOMES),
  satisfied: z.boolean(),
  passed: z.boolean(),
  passMark: score,
  critical: z.optional(z.array(z.string())),
  // Extra dimensions are the scenario's own ids: any key, the same range.
  scores: z.catchall(z.object({ tact: z.nullable(score), speed: z.nullable(score), satisfaction: score, overall: score }), z.nullable(score)),
  choices: z.array(
    z.object({
      node: z.string(),
      reply: z.nullable(z.int().check(z.gte(1))),
      replyIndex: z.optional(z.nullable(count)),
      timedOut: z.boolean(),
      ms: z.number().check(z.gte(0)),
    }),
  ),
});

// The schema and the interface must describe the same record: this fails to compile if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesInterface: Same<z.infer<typeof playRecordSchema>, PlayRecord> = true;
void schemaMatchesInterface;

/** The records that can be read, and how many stored values could not. */
export interface ReadRecords {
  records: PlayRecord[];
  skipped: number;
}

/**
 * Checks each stored value on its own: a bad one is left out (and counted)
 * without taking the good ones with it.
 *
 * @example
 * const { records, skipped } = readPlayRecords(await db.getAll('plays'));
 * if (skipped > 0) showNotice(skippedNotice(skipped));
 */
export function readPlayRecords(values: readonly unknown[]): ReadRecords {
  const records: PlayRecord[] = [];
  let skipped = 0;
  for (const value of values) {
    const parsed = playRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else skipped += 1;
  }
  return { records, skipped };
}

/** True when a stored value is a readable PlayRecord. */
export function isPlayRecord(value: unknown): value is PlayRecord {
  return playRecordSchema.safeParse(value).success;
}
