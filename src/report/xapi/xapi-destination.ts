import type { ConversationResult, Decision } from '../../engine/index.ts';
import type { PlayInProgress, ResultsDestination } from '../results.ts';
import type { Outbox } from './outbox.ts';
import type { LrsTarget } from './outbox-store.ts';
import type { XapiAgent, XapiStatement } from './statement.ts';
import { answeredStatement, completedStatement, initializedStatement, scoredStatement, type StatementSetting, type StatementStamp } from './statements.ts';

/** What an xAPI destination needs; the clock and ids are injected so tests are exact. */
export interface XapiDestinationOptions {
  outbox: Promise<Outbox>;
  target: LrsTarget;
  /** The trainee as an Agent (asked once per browser; see learner.ts). */
  actor: Promise<XapiAgent>;
  /** The game's address: scenario activities are `<base>scenarios/<id>`. */
  activityBase: string;
  now: () => Date;
  newId: () => string;
  /** Hears a statement that could not be stored (the game goes on). */
  onError: (error: unknown) => void;
}

/**
 * Reports plays to an LRS for the web game: "initialized" when a play
 * starts, "answered" at each decision, "passed"/"failed" then "completed"
 * at the ending. Each statement goes into the outbox the moment it happens
 * (never only when the page closes), which sends it in order and retries
 * until the LRS has it.
 *
 * The calls stay synchronous (the game never waits for storage) and are
 * queued in order: the first ones wait until the outbox is open and the
 * trainee has given a name.
 */
export class XapiDestination implements ResultsDestination {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: XapiDestinationOptions) {}

  playStarted(play: PlayInProgress): void {
    // A resumed play already said "initialized" before the reload; its statements carry the same play id.
    if (play.resumedDecisions > 0) return;
    const stamp = this.stamp();
    void this.write(play, (setting) => [initializedStatement(setting, play, stamp)]);
  }

  decisionMade(play: PlayInProgress, decision: Decision, decisions: readonly Decision[]): void {
    const stamp = this.stamp();
    const number = decisions.length;
    void this.write(play, (setting) => [answeredStatement(setting, play, decision, number, stamp)]);
  }

  playFinished(play: PlayInProgress, result: ConversationResult): Promise<void> {
    const scored = this.stamp();
    const completed = this.stamp();
    return this.write(play, (setting) => [scoredStatement(setting, play, result, scored), completedStatement(setting, play, completed)]);
  }

  playLeft(): void {
    // Nothing to add: every decision is already in the outbox, which keeps sending after the trainee leaves.
  }

  /** An id and time taken now, when it happens, not when the queue gets to it. */
  private stamp(): StatementStamp {
    return { id: this.options.newId(), at: this.options.now() };
  }

  /** Queues statements behind the earlier ones; resolves once they are stored (or their failure reported to `onError`). */
  private write(play: PlayInProgress, build: (setting: StatementSetting) => XapiStatement[]): Promise<void> {
    const { outbox, target, actor, activityBase, onError } = this.options;
    const step = this.queue.then(async () => {
      const setting: StatementSetting = {
        actor: await actor,
        scenarioActivity: `${activityBase}scenarios/${encodeURIComponent(play.compiled.scenario.id)}`,
        registration: play.playId,
      };
      await (await outbox).add(build(setting), target);
    });
    // One failure (storage full) must not block the statements after it; it is reported once, here.
    this.queue = step.catch(onError);
    return this.queue;
  }
}
