import { openDB, type IDBPDatabase } from 'idb';

/** The file being edited, as last typed: kept in the browser so a closed tab loses nothing. */
export interface Draft {
  /** The file name it will be saved under (late-parcel.yaml). */
  name: string;
  text: string;
  /** When it was kept (ms since 1970). */
  keptAt: number;
}

const DATABASE = 'tactful-studio';
const STORE = 'drafts';
/** One draft: the studio edits one file at a time. */
const KEY = 'current';

/**
 * The studio's draft in IndexedDB (its own database, apart from the game's
 * results). Every call settles: a browser without storage (a private window
 * that refuses it) just keeps no draft.
 */
export class DraftStore {
  private constructor(private readonly db: IDBPDatabase | undefined) {}

  /** Opens the store; a store that cannot open works as one that keeps nothing. */
  static async open(): Promise<DraftStore> {
    try {
      const db = await openDB(DATABASE, 1, { upgrade: (database) => void database.createObjectStore(STORE) });
      return new DraftStore(db);
    } catch {
      return new DraftStore(undefined);
    }
  }

  /** True when drafts are really kept. */
  get available(): boolean {
    return this.db !== undefined;
  }

  async read(): Promise<Draft | undefined> {
    try {
      const draft = (await this.db?.get(STORE, KEY)) as Draft | undefined;
      return draft && typeof draft.text === 'string' && typeof draft.name === 'string' ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  async keep(draft: Draft): Promise<boolean> {
    try {
      await this.db?.put(STORE, draft, KEY);
      return this.db !== undefined;
    } catch {
      return false;
    }
  }
}

/**
 * Decides when the draft is kept: a moment after the trainer stops typing
 * (`keepSoon`: the studio worker writes its own copy of the text, so the
 * page never copies a big file while the trainer types), and at once when
 * the tab is hidden or closed (`keepNow`, on the page: a worker may be
 * stopped with the tab before it finishes).
 */
export class DraftKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly keepSoon: () => void,
    private readonly keepNow: () => void,
  ) {
    const hidden = (): void => {
      if (this.timer === undefined) return;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.keepNow();
    };
    addEventListener('pagehide', hidden);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && hidden());
  }

  /** The text changed: keep it once typing pauses. */
  changed(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.keepSoon();
    }, this.delayMs);
  }
}
