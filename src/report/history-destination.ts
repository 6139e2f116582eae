import type { ConversationResult } from '../engine/index.ts';
import { recordOf, type PlayHistory } from './history.ts';
import type { PlayInProgress, ResultsDestination } from './results.ts';

/**
 * The browser's own history of finished plays (IndexedDB, history.ts) as a
 * results destination: a play is added when its ending is on screen, the
 * moment it counts as finished. The menu's best scores, "Your results" and
 * the debrief's attempt count read it.
 *
 * @example
 * const history = new HistoryDestination(async () => (await PlayHistory.open()).history);
 */
export class HistoryDestination implements ResultsDestination {
  constructor(
    private readonly history: () => Promise<PlayHistory>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  playStarted(): void {
    // Only finished plays are history.
  }

  decisionMade(): void {
    // As above: the play is recorded whole, with its result.
  }

  async playFinished(play: PlayInProgress, result: ConversationResult): Promise<void> {
    const record = recordOf(result, play.compiled.scenario.title, play.timers, play.seed, this.now(), play.startedAt);
    await (await this.history()).add(record);
  }

  playLeft(): void {
    // An unfinished play is not history; resume keeps it.
  }
}
