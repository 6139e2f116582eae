import Cmi5 from '@xapi/cmi5/dist/Cmi5.esm.js';
import type { ConversationResult } from '../../engine/index.ts';
import type { XapiContext, XapiStatement } from '../xapi/statement.ts';
import { EXTENSIONS } from '../xapi/vocabulary.ts';
import type { Cmi5LaunchParameters } from './cmi5-launch.ts';

/** The library's statement type (from its own @xapi/xapi), as its send method receives it. */
type LibraryStatement = Parameters<Cmi5['sendXapiStatement']>[0];

/**
 * `@xapi/cmi5`, with every statement it makes written to the outbox
 * instead of sent at once. The library still does what it is for (the
 * auth token from the fetch URL, LMS.LaunchData, learner preferences, the
 * cmi5 context, categories, mastery score and durations); the outbox only
 * takes over delivery, so a cmi5 session survives an outage like the web
 * game does.
 */
class OutboxCmi5 extends Cmi5 {
  constructor(
    parameters: Cmi5LaunchParameters,
    private readonly store: StoreStatement,
  ) {
    super(parameters);
  }

  override async sendXapiStatement(statement: LibraryStatement, options?: Parameters<Cmi5['sendXapiStatement']>[1]): ReturnType<Cmi5['sendXapiStatement']> {
    const final = options?.transform ? options.transform(statement) : statement;
    // The library's statements are plain JSON with an id it made once (a UUID): exactly what the outbox keeps.
    await this.store(final as unknown as XapiStatement, `Basic ${this.getAuthToken()}`);
    // Callers read only the ids; the rest of an HTTP response does not exist yet (the outbox sends later).
    return { data: [final.id] } as unknown as Awaited<ReturnType<Cmi5['sendXapiStatement']>>;
  }
}

/** Writes one statement to the outbox, to be sent with this Authorization header. */
export type StoreStatement = (statement: XapiStatement, authorization: string) => Promise<void>;

/** What is kept across a reload of the same launch (the fetch URL gives its token only once). */
interface SavedSession {
  authToken: string;
  initializedDate: string;
  terminated: boolean;
}

/** Where a session is kept: sessionStorage in the browser (it ends with the LMS's window). */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** How LMS.LaunchData asks the AU to behave. */
export interface Cmi5LaunchData {
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn: string;
  masteryScore?: number;
  returnURL?: string;
  contextTemplate: XapiContext;
}

/**
 * One cmi5 session (one launch of the AU by the LMS): initialized once,
 * then "answered" statements, then passed or failed, completed and
 * terminated, in that order; nothing after terminated. A reload of the same
 * launch resumes the session (Best Practice #17) instead of asking for a
 * second token or saying "initialized" twice.
 */
export class Cmi5Session {
  private constructor(
    private readonly cmi5: OutboxCmi5,
    private readonly storage: SessionStorageLike,
    private readonly key: string,
    private saved: SavedSession,
  ) {}

  /**
   * Starts (or resumes) the session: fetches the token, reads
   * LMS.LaunchData and the learner preferences, and writes "initialized"
   * to the outbox through `store` (resuming a session writes nothing).
   */
  static async open(parameters: Cmi5LaunchParameters, store: StoreStatement, storage: SessionStorageLike): Promise<Cmi5Session> {
    const key = `tactful-cmi5-session:${parameters.registration}:${parameters.activityId}`;
    const cmi5 = new OutboxCmi5(parameters, store);
    const previous = readSaved(storage.getItem(key));
    if (previous) {
      await cmi5.initialize({ authToken: previous.authToken, initializedDate: new Date(previous.initializedDate) });
      return new Cmi5Session(cmi5, storage, key, previous);
    }
    await cmi5.initialize();
    const saved = { authToken: cmi5.getAuthToken(), initializedDate: cmi5.getInitializedDate().toISOString(), terminated: false };
    const session = new Cmi5Session(cmi5, storage, key, saved);
    session.save();
    return session;
  }

  /** The session's auth token, for the outbox's Authorization header. */
  get authorization(): string {
    return `Basic ${this.saved.authToken}`;
  }

  get launchData(): Cmi5LaunchData {
    return this.cmi5.getLaunchData();
  }

  /** True once "terminated" was written: the LMS expects nothing more from this session. */
  get terminated(): boolean {
    return this.saved.terminated;
  }

  /**
   * The end of the play: passed or failed (only in Normal launch mode: the
   * LMS's Browse and Review modes record neither), with the overall score as
   * `score.scaled`, then completed and terminated.
   *
   * Passed needs the debrief's pass and, when the LMS set a mastery score,
   * a scaled score reaching it (cmi5 makes the LMS's mastery score win; a
   * package made by `tactful package` sets it from the pass mark, so the
   * two agree).
   */
  async finish(result: ConversationResult): Promise<void> {
    if (this.saved.terminated) return;
    const { launchMode, masteryScore } = this.launchData;
    if (launchMode === 'Normal') {
      const score = { scaled: result.scores.overall / 100, raw: result.scores.overall, min: 0, max: 100 };
      const transform = (s: LibraryStatement): LibraryStatement => ({
        ...s,
        result: { ...s.result, extensions: { [EXTENSIONS.scores]: { ...result.scores }, [EXTENSIONS.ending]: { id: result.ending, outcome: result.outcome } } },
      });
      const passes = result.passed && (typeof masteryScore !== 'number' || score.scaled >= masteryScore);
      if (passes) await this.cmi5.pass(score, { transform });
      else await this.cmi5.fail(score, { transform });
      await this.cmi5.complete();
    }
    await this.cmi5.terminate();
    this.saved = { ...this.saved, terminated: true };
    this.save();
  }

  private save(): void {
    try {
      this.storage.setItem(this.key, JSON.stringify(this.saved));
    } catch {
      // Storage refused (private mode): a reload will ask for a new token, which the LMS may refuse; nothing else to do.
    }
  }
}

/** A saved session, or null when there is none or it does not read back. */
function readSaved(text: string | null): SavedSession | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SavedSession>;
    return typeof value.authToken === 'string' && typeof value.initializedDate === 'string' ? { authToken: value.authToken, initializedDate: value.initializedDate, terminated: value.terminated === true } : null;
  } catch {
    return null;
  }
}
