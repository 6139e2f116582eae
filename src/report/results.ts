import type { CompiledScenario, ConversationResult, Decision, TimerSetting } from '../engine/index.ts';

/**
 * The one interface the game tells about a play. Everything that records
 * results (the browser's history, resume, an LMS through SCORM or cmi5, an
 * LRS through the xAPI outbox) is a destination behind it; the game never
 * talks to any of them directly. The engine's decisions and result are the
 * only data passed, so every destination reports the same play.
 */
export interface ResultsDestination {
  /** A conversation began, or resumed from saved decisions (`play.resumedDecisions` > 0). */
  playStarted(play: PlayInProgress): void;
  /** A decision was recorded by the engine (a reply or a timeout). `decisions` holds every decision so far, this one last. */
  decisionMade(play: PlayInProgress, decision: Decision, decisions: readonly Decision[]): void;
  /** The ending is on screen: the play counts as finished. Resolves once the destination has it safely (written or queued). */
  playFinished(play: PlayInProgress, result: ConversationResult): Promise<void>;
  /** The trainee left mid-conversation (back to the menu, another scenario, the page closing): keep what is needed to resume. */
  playLeft(play: PlayInProgress, decisions: readonly Decision[]): void;
  /**
   * The page is going away (`pagehide`), after `playLeft` for a play in
   * progress: the last moment to close a session (SCORM's LMSFinish /
   * Terminate). Only synchronous work is sure to happen here (browsers drop
   * what a closing page starts), so nothing must depend on it alone.
   */
  pageClosing?(): void;
}

/** What every destination knows about the play in progress. */
export interface PlayInProgress {
  /** Identifies this play (a UUID), stable across a resume. */
  playId: string;
  compiled: CompiledScenario;
  timers: TimerSetting;
  /** The shuffle seed; with the decisions it reproduces the play exactly. */
  seed: number;
  /** When the play first began (not when it was resumed). */
  startedAt: Date;
  /** How many decisions were replayed from a saved state (0 for a fresh play). */
  resumedDecisions: number;
}

/**
 * Tells several destinations the same thing. One destination failing (a full
 * disk, an LMS that refuses a value) never stops the others or the game:
 * its error is handed to `onError`.
 */
export class AllDestinations implements ResultsDestination {
  constructor(
    private readonly destinations: readonly ResultsDestination[],
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  playStarted(play: PlayInProgress): void {
    this.each((d) => d.playStarted(play));
  }

  decisionMade(play: PlayInProgress, decision: Decision, decisions: readonly Decision[]): void {
    this.each((d) => d.decisionMade(play, decision, decisions));
  }

  async playFinished(play: PlayInProgress, result: ConversationResult): Promise<void> {
    const settled = await Promise.allSettled(this.destinations.map((d) => d.playFinished(play, result)));
    for (const outcome of settled) if (outcome.status === 'rejected') this.onError(outcome.reason);
  }

  playLeft(play: PlayInProgress, decisions: readonly Decision[]): void {
    this.each((d) => d.playLeft(play, decisions));
  }

  pageClosing(): void {
    this.each((d) => d.pageClosing?.());
  }

  private each(call: (destination: ResultsDestination) => void): void {
    for (const destination of this.destinations) {
      try {
        call(destination);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
