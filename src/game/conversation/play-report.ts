import type { Conversation, ConversationResult } from '../../engine/index.ts';
import type { PlayInProgress, ResultsDestination } from '../../report/results.ts';

/**
 * Tells the game's one results destination about the play on screen, from
 * the engine's own record: started (or resumed), each decision the engine
 * records (a reply or a timeout, whichever way it came), finished when the
 * ending is on screen, or left if the trainee goes before that. Each call
 * happens once: leaving after the ending, or twice, does nothing.
 *
 * @example
 * const report = new PlayReport(results, play, talk);
 * report.start();
 * // …at the ending:
 * await report.finish(talk.result()!);
 */
export class PlayReport {
  private reported: number;
  private done = false;
  private stopWatching: (() => void) | null = null;

  constructor(
    private readonly results: ResultsDestination,
    readonly play: PlayInProgress,
    private readonly talk: Conversation,
  ) {
    // Replayed decisions were reported before the reload.
    this.reported = play.resumedDecisions;
  }

  /** Reports the start, then every decision as the engine records it. */
  start(): void {
    this.results.playStarted(this.play);
    this.stopWatching = this.talk.subscribe(() => this.reportDecisions());
  }

  /** The ending is on screen: the play counts as finished. Resolves once every destination has it. */
  finish(result: ConversationResult): Promise<void> {
    this.reportDecisions();
    this.stop();
    if (this.done) return Promise.resolve();
    this.done = true;
    return this.results.playFinished(this.play, result);
  }

  /** The trainee left before the ending (quit, another screen, the page closing): keep it for resume. */
  leave(): void {
    if (this.done) return;
    this.reportDecisions();
    this.stop();
    this.done = true;
    this.results.playLeft(this.play, this.talk.context.decisions);
  }

  private reportDecisions(): void {
    if (this.done) return;
    const decisions = this.talk.context.decisions;
    while (this.reported < decisions.length) {
      const decision = decisions[this.reported]!;
      this.reported += 1;
      this.results.decisionMade(this.play, decision, decisions.slice(0, this.reported));
    }
  }

  private stop(): void {
    this.stopWatching?.();
    this.stopWatching = null;
  }
}
