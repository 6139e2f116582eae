import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ConversationResult, TimerSetting } from '../engine/index.ts';
import type { PlayRecord, ReadRecords } from './play-record.ts';

export type { PlayRecord } from './play-record.ts';

/**
 * Checks stored values with play-record.ts. Its schema (zod) is fetched with
 * the first read of the store, not with this module, so the menu shows its
 * cards without waiting for it and fills in the best scores after.
 */
async function checkRecords(values: readonly unknown[]): Promise<ReadRecords> {
  const { readPlayRecords } = await import('./play-record.ts');
  return readPlayRecords(values);
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

/**
 * What the menu says when `count` saved results had to be left out.
 *
 * @example
 * skippedNotice(1); // '1 saved result could not be read and was skipped.'
 */
export function skippedNotice(count: number): string {
  return count === 1 ? '1 saved result could not be read and was skipped.' : `${count} saved results could not be read and were skipped.`;
}

/** Why the whole history store had to be started again. */
export type ResetReason = 'damaged' | 'older' | 'newer';

/**
 * What the menu says when the history store was reset. Each starts with the
 * same words, so a player (and a test) recognises the one situation.
 */
export const RESET_NOTICES: Record<ResetReason, string> = {
  damaged: 'Your saved history could not be read (it was damaged), so it has been reset.',
  older: 'Your saved history could not be read (it was saved by an older version of Tactful), so it has been reset.',
  newer: 'Your saved history could not be read (it was saved by a newer version of Tactful), so it has been reset.',
};

/** Shown when the browser won't store anything (private mode, storage disabled). */
export const UNAVAILABLE_NOTICE = 'This browser is not keeping your history (private browsing or storage turned off); scores from this visit will not be remembered.';

/** Builds the record for a finished conversation (`date`: when it finished; `startedAt`: when it began). */
export function recordOf(result: ConversationResult, title: string, timers: TimerSetting, seed?: number, date = new Date(), startedAt?: Date): PlayRecord {
  return {
    format: 1,
    scenario: result.scenario,
    title,
    date: date.toISOString(),
    ...(startedAt === undefined ? {} : { startedAt: startedAt.toISOString() }),
    timers,
    ...(seed === undefined ? {} : { seed }),
    ending: result.ending,
    outcome: result.outcome,
    satisfied: result.satisfied,
    passed: result.passed,
    passMark: result.passMark,
    critical: result.criticalMistakes.map((d) => d.node),
    scores: { ...result.scores },
    choices: result.decisions.map((d) => ({ node: d.node, reply: d.reply, replyIndex: d.replyIndex, timedOut: d.timedOut, ms: d.ms })),
  };
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
 * Local play history in IndexedDB (via `idb`). A damaged store, or one
 * from an older or newer version, is deleted and recreated; records that
 * can't be read are skipped; either way the reason comes back as `notice`
 * for the menu to show. Where IndexedDB is unavailable the history lives in
 * memory for the visit. Opening rejects only when the record checks can't
 * be fetched (a network failure), and then leaves the store as it is.
 *
 * @example
 * const { history, notice } = await PlayHistory.open();
 * await history.add(recordOf(result, scenario.title, 'standard'));
 * (await history.summaries()).get('missing-zero')?.best;
 */
export class PlayHistory {
  private memory: PlayRecord[] = [];

  private constructor(private db: IDBPDatabase<HistorySchema> | null) {}

  /**
   * Opens (and if need be repairs) the history store. A store this version
   * can't open is started again, and `notice` says why (damaged, or from an
   * older or newer version). A record that doesn't read back is only left
   * out: it stays in the store, the other plays still count, and `notice`
   * says how many were skipped.
   */
  static async open(name = HISTORY_DB): Promise<{ history: PlayHistory; notice?: string }> {
    let reset: ResetReason | undefined;
    const attempt = async (): Promise<IDBPDatabase<HistorySchema>> =>
      openDB<HistorySchema>(name, HISTORY_VERSION, {
        upgrade(db, oldVersion) {
          // Any earlier layout is unknown to this version: start clean and say so.
          if (oldVersion > 0) reset = 'older';
          for (const store of Array.from(db.objectStoreNames)) db.deleteObjectStore(store);
          const plays = db.createObjectStore('plays', { keyPath: 'id', autoIncrement: true });
          plays.createIndex('scenario', 'scenario');
        },
        blocking() {
          // Another tab wants a newer layout: let it.
          void 0;
        },
      });
    const unavailable = { history: new PlayHistory(null), notice: UNAVAILABLE_NOTICE };
    let db: IDBPDatabase<HistorySchema>;
    try {
      db = await attempt();
    } catch (error) {
      // A newer version's store (VersionError: a lower version can't open it) or a broken one: delete it and start again.
      const newer = error instanceof DOMException && error.name === 'VersionError';
      try {
        await deleteDB(name);
        db = await attempt();
        reset = newer ? 'newer' : 'damaged';
      } catch {
        return unavailable;
      }
    }
    db.addEventListener('versionchange', () => db.close());
    const history = new PlayHistory(db);
    let stored: unknown[] = [];
    try {
      stored = await db.getAll('plays');
    } catch {
      // The store itself can't be read back: only starting it again helps.
      try {
        await db.clear('plays');
      } catch {
        return unavailable;
      }
      reset = 'damaged';
    }
    // Outside the try above: failing to fetch the checks must never clear the store.
    const { skipped } = await checkRecords(stored);
    const notice = reset ? RESET_NOTICES[reset] : skipped > 0 ? skippedNotice(skipped) : undefined;
    return notice ? { history, notice } : { history };
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
        // Each record is checked as it is read: a bad one is left out, never shown as "Best NaN".
        stored = (await checkRecords(await this.db.getAll('plays'))).records;
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

  /**
   * Forgets every saved play ("Clear my history"): the store's records and
   * any kept only for this visit. Rejects if the store refuses, so the
   * trainee is never told their history is gone when it is not.
   */
  async clear(): Promise<void> {
    if (this.db) await this.db.clear('plays');
    this.memory = [];
  }
}
