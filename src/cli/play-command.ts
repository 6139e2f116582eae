import { newShuffleSeed, parseChoices, playChoices, resultJson } from '../engine/index.ts';
import type { TimerSetting } from '../engine/index.ts';
import { debriefText } from './debrief-text.ts';
import { UsageError } from './files.ts';
import { playInteractive } from './interactive.ts';
import { loadForCommand } from './load.ts';
import type { Output } from './output.ts';

/**
 * `tactful play <file> [--choose SPEC] [--shuffle SEED] [--no-timers] [--json]`.
 * With `--choose` it plays headlessly on a stepped clock; without, it is a
 * game in the terminal. Exit 0 played, 1 invalid scenario or choice.
 */
export async function playCommand(file: string, options: { choose?: string; timers: TimerSetting; json: boolean; shuffle?: number }, out: Output): Promise<number> {
  if (options.choose === undefined && options.json) throw new UsageError('--json needs --choose: interactive play prints a debrief instead');
  const loaded = loadForCommand(file, out, options.json);
  if (!loaded) return 1;
  // Interactive play always shuffles (a fresh seed unless one is given); --choose keeps file order unless --shuffle is given.
  if (options.choose === undefined) return playInteractive(loaded.compiled, loaded.catalogue, options.timers, options.shuffle ?? newShuffleSeed(Math.random));
  const parsed = parseChoices(options.choose);
  if ('error' in parsed) {
    out.stderr(`--choose: ${parsed.error}`);
    return 1;
  }
  const played = playChoices(loaded.compiled, parsed.steps, options.timers, options.shuffle === undefined ? {} : { shuffleSeed: options.shuffle });
  if ('error' in played) {
    out.stderr(`${file}: ${played.error.message} (stopped at node "${played.error.node}")`);
    return 1;
  }
  out.stdout(options.json ? JSON.stringify(resultJson(played.result, { shuffle: options.shuffle ?? null }), null, 2) : debriefText(loaded.compiled, played.result, loaded.catalogue));
  return 0;
}
