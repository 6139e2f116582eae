import type { ConversationResult, TimerSetting } from '../../engine/index.ts';
import { recordOf } from '../../report/history.ts';
import { playHistory } from '../app.ts';

/** What the Debrief scene is started with. */
export interface DebriefData {
  id: string;
  result: ConversationResult;
  timers: TimerSetting;
  /** Resolves once the play is in the history store. */
  saved: Promise<void>;
}

/** The play being finished: which scenario, with which timer setting and shuffle seed. */
export interface PlayDetails {
  scenario: { id: string; title: string };
  timers: TimerSetting;
  seed: number;
}

/**
 * Saves a finished play to the history store (IndexedDB) and gives what the
 * debrief needs. Called when the ending is on screen (the moment the play
 * counts as finished: quitting while the last line still types saves
 * nothing). The debrief waits for `saved` before showing attempts.
 *
 * @example
 * const data = savePlay(talk.result()!, { scenario, timers: 'standard', seed });
 * scene.start('Debrief', data);
 */
export function savePlay(result: ConversationResult, play: PlayDetails): DebriefData {
  const record = recordOf(result, play.scenario.title, play.timers, play.seed);
  const saved = playHistory().then(({ history }) => history.add(record));
  return { id: play.scenario.id, result, timers: play.timers, saved };
}
