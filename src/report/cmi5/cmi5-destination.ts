import type { ConversationResult, Decision } from '../../engine/index.ts';
import type { PlayInProgress, ResultsDestination } from '../results.ts';
import type { Outbox } from '../xapi/outbox.ts';
import type { LrsTarget } from '../xapi/outbox-store.ts';
import type { XapiStatement } from '../xapi/statement.ts';
import { answeredStatement, type StatementStamp } from '../xapi/statements.ts';
import { cmi5LaunchParameters, type Cmi5LaunchParameters } from './cmi5-launch.ts';
import type { Cmi5Session, SessionStorageLike, StoreStatement } from './cmi5-session.ts';

/** What a cmi5 destination needs; storage, clock and ids are injected so tests are exact. */
export interface Cmi5DestinationOptions {
  /** The launch address (with the LMS's cmi5 parameters). */
  href: string;
  outbox: Promise<Outbox>;
  /** Keeps the session across a reload of the same launch (sessionStorage). */
  storage: SessionStorageLike;
  now: () => Date;
  newId: () => string;
  onError: (error: unknown) => void;
  /** Opens the session; the default loads `@xapi/cmi5` only for a cmi5 launch. */
  openSession?: (parameters: Cmi5LaunchParameters, store: StoreStatement, storage: SessionStorageLike) => Promise<Cmi5Session>;
}

/** Loads the cmi5 library (and its HTTP client) only when an LMS launched the game through cmi5. */
async function openWithLibrary(parameters: Cmi5LaunchParameters, store: StoreStatement, storage: SessionStorageLike): Promise<Cmi5Session> {
  const { Cmi5Session: Session } = await import('./cmi5-session.ts');
  return Session.open(parameters, store, storage);
}

/**
 * Reports a play to the cmi5 LMS that launched the game: "initialized" as
 * soon as the game opens, one "answered" per decision (a choice interaction
 * with the replies' texts), then passed or failed with `score.scaled`,
 * completed and terminated at the ending; nothing after terminated (a
 * second play in the same launch is not recorded: the LMS starts a new
 * session when the course is launched again). Every statement goes through
 * the outbox, so an outage or a reload loses nothing.
 */
export class Cmi5Destination implements ResultsDestination {
  private readonly parameters: Cmi5LaunchParameters | null;
  private readonly session: Promise<Cmi5Session | null>;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: Cmi5DestinationOptions) {
    let parameters: Cmi5LaunchParameters | null = null;
    try {
      parameters = cmi5LaunchParameters(options.href);
    } catch (error) {
      options.onError(error);
    }
    this.parameters = parameters;
    const open = options.openSession ?? openWithLibrary;
    // Started at once: cmi5 wants "initialized" as soon as the AU is launched.
    this.session = parameters
      ? open(parameters, (statement, authorization) => this.store([statement], authorization), options.storage).catch((error: unknown) => {
          options.onError(error);
          return null;
        })
      : Promise.resolve(null);
  }

  /** The LMS's return address (LMS.LaunchData returnURL), once the session is open; null when there is none. */
  async returnUrl(): Promise<string | null> {
    return (await this.session)?.launchData.returnURL ?? null;
  }

  playStarted(): void {
    // "initialized" was written when the launch opened; a play is the session's content.
  }

  decisionMade(play: PlayInProgress, decision: Decision, decisions: readonly Decision[]): void {
    const stamp: StatementStamp = { id: this.options.newId(), at: this.options.now() };
    const number = decisions.length;
    void this.then(async (session) => {
      const parameters = this.parameters!;
      const setting = { actor: parameters.actor, scenarioActivity: parameters.activityId, registration: parameters.registration, contextTemplate: session.launchData.contextTemplate };
      await this.store([answeredStatement(setting, play, decision, number, stamp)], session.authorization);
    });
  }

  playFinished(_play: PlayInProgress, result: ConversationResult): Promise<void> {
    return this.then((session) => session.finish(result));
  }

  playLeft(): void {
    // Every decision is already in the outbox; a window closed mid-play is recorded by the LMS as abandoned.
  }

  /** Runs after the earlier steps, once the session is open and not yet terminated. */
  private then(step: (session: Cmi5Session) => Promise<void>): Promise<void> {
    this.queue = this.queue
      .then(async () => {
        const session = await this.session;
        if (session && !session.terminated) await step(session);
      })
      .catch(this.options.onError);
    return this.queue;
  }

  /** Writes statements to the outbox, for the launch's endpoint with the session's token. */
  private async store(statements: XapiStatement[], authorization: string): Promise<void> {
    const { endpoint } = this.parameters!;
    const target: LrsTarget = { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, authorization };
    await (await this.options.outbox).add(statements, target);
  }
}
