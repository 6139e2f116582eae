import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ConversationResult, Scores } from '../engine/index.ts';
import type { Outcome } from '../scenario/index.ts';
import type { TimerSetting } from '../engine/index.ts';

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
  timers: TimerSetting;
  /** The shuffle seed the replies were shown with (`?seed=N` replays the same order). Absent in plays from before shuffling. */
  seed?: number;
  ending: string;
  outcome: Outcome;
  satisfied: boolean;
  passed: boolean;
  passMark: number;
  scores: Scores;
  /**
   * Each decision: node, the number pressed (position as shown; null on
   * timeout), the reply's position in the file, and ms to answer.
   */
  choices: { node: string; reply: number | null; replyIndex?: number | null; timedOut: boolean; ms: number }[];
}

/** What the menu shows for a scenario: best overall score and attempts. */
export interface ScenarioHistory {
  scenario: string;
  attempts: number;
  best: number;
  passed: boolean;
  /** ISO date of the latest play. */
  last: string;
}

interface HistorySchema extends DBSchema {
  plays: { key: number; value: PlayRecord; indexes: { scenario: string } };
}

/** The database name and layout version. Version 1 had no layout worth keeping. */
export const HISTORY_DB = 'tactful';
export const HISTORY_VERSION = 2;

/** Shown to the player when saved history had to be reset. */
export const RESET_NOTICE = 'Your saved history could not be read (it was damaged or from an older version), so it has been reset.';
/** Shown when the browser won't store anything (private mode, storage disabled). */
export const UNAVAILABLE_NOTICE = 'This browser is not keeping your history (private browsing or storage turned off); scores from this visit will not be remembered.';

/** Builds the record for a finished conversation. */
export function recordOf(result: ConversationResult, title: string, timers: TimerSetting, seed?: number, date = new Date()): PlayRecord {
  return {
    format: 1,
    scenario: result.scenario,
    title,
    date: date.toISOString(),
    timers,
    ...(seed === undefined ? {} : { seed }),
    ending: result.ending,
    outcome: result.outcome,
    satisfied: result.satisfied,
    passed: result.passed,
    passMark: result.passMark,
    scores: { ...result.scores },
    choices: result.decisions.map((d) => ({ node: d.node, reply: d.reply, replyIndex: d.replyIndex, timedOut: d.timedOut, ms: d.ms })),
  };
}

/** True when a stored value has the shape of a PlayRecord. */
export function isPlayRecord(value: unknown): value is PlayRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Partial<PlayRecord>;
  return (
    r.format === 1 &&
    typeof r.scenario === 'string' &&
    typeof r.date === 'string' &&
    typeof r.passed === 'boolean' &&
    !!r.scores &&
    typeof r.scores === 'object' &&
    typeof r.scores.overall === 'number' &&
    Array.isArray(r.choices)
  );
}

/** Best score and attempts per scenario. */
export function summarise(records: readonly PlayRecord[]): Map<string, ScenarioHistory> {
  const out = new Map<string, ScenarioHistory>();
  for (const r of records) {
    const s = out.get(r.scenario) ?? { scenario: r.scenario, attempts: 0, best: 0, passed: false, last: r.date };
    s.attempts += 1;
    s.best = Math.max(s.best, r.scores.overall);
    s.passed ||= r.passed;
    if (r.date > s.last) s.last = r.date;
    out.set(r.scenario, s);
  }
  return out;
}

/**
 * Local play history in IndexedDB (via `idb`). Opening never throws: a
 * damaged or old store is deleted and recreated, and the reason comes back
 * as `notice` for the menu to show; where IndexedDB is unavailable the
 * history lives in memory for the visit.
 *
 * @example
 * const { history, notice } = await PlayHistory.open();
 * await history.add(recordOf(result, scenario.title, 'standard'));
 * (await history.summaries()).get('missing-zero')?.best;
 */
export class PlayHistory {
  private memory: PlayRecord[] = [];

  private constructor(private db: IDBPDatabase<HistorySchema> | null) {}

  /** Opens (and if need be repairs) the history store. */
  static async open(name = HISTORY_DB): Promise<{ history: PlayHistory; notice?: string }> {
    let reset = false;
    const attempt = async (): Promise<IDBPDatabase<HistorySchema>> =>
      openDB<HistorySchema>(name, HISTORY_VERSION, {
        upgrade(db, oldVersion) {
          // Any earlier layout is unknown to this version: start clean and say so.
          if (oldVersion > 0) reset = true;
          for (const store of Array.from(db.objectStoreNames)) db.deleteObjectStore(store);
          const plays = db.createObjectStore('plays', { keyPath: 'id', autoIncrement: true });
          plays.createIndex('scenario', 'scenario');
        },
        blocking() {
          // Another tab wants a newer layout: let it.
          void 0;
        },
      });
    let db: IDBPDatabase<HistorySchema>;
    try {
      db = await attempt();
    } catch {
      // A newer version's store (VersionError) or a broken one: delete it and start again.
      try {
        await deleteDB(name);
        db = await attempt();
        reset = true;
      } catch {
        return { history: new PlayHistory(null), notice: UNAVAILABLE_NOTICE };
      }
    }
    db.addEventListener('versionchange', () => db.close());
    const history = new PlayHistory(db);
    try {
      const records = await db.getAll('plays');
      if (records.some((r) => !isPlayRecord(r))) {
        await db.clear('plays');
        reset = true;
      }
    } catch {
      try {
        await db.clear('plays');
      } catch {
        return { history: new PlayHistory(null), notice: UNAVAILABLE_NOTICE };
      }
      reset = true;
    }
    return reset ? { history, notice: RESET_NOTICE } : { history };
  }

  /** Saves a finished play. Never throws: a failed write keeps the play for this visit. */
  async add(record: PlayRecord): Promise<void> {
    if (!this.db) {
      this.memory.push(record);
      return;
    }
    try {
      const copy = { ...record };
      delete copy.id;
      await this.db.add('plays', copy);
    } catch {
      this.memory.push(record);
    }
  }

  /** Every saved play, oldest first. */
  async all(): Promise<PlayRecord[]> {
    let stored: PlayRecord[] = [];
    if (this.db) {
      try {
        stored = (await this.db.getAll('plays')).filter(isPlayRecord);
      } catch {
        stored = [];
      }
    }
    return [...stored, ...this.memory];
  }

  /** Plays of one scenario, oldest first. */
  async forScenario(scenario: string): Promise<PlayRecord[]> {
    return (await this.all()).filter((r) => r.scenario === scenario);
  }

  /** Best score and attempts per scenario. */
  async summaries(): Promise<Map<string, ScenarioHistory>> {
    return summarise(await this.all());
  }
}
