import { checkScenario, formatProblem, problemAt, type Problem } from '../scenario/index.ts';
import { newShuffleSeed, parseChoices, playChoices, resultJson, type ChoiceError, type CompiledScenario, type TimerSetting } from '../engine/index.ts';
import { debriefText } from './debrief-text.ts';
import { UsageError } from './errors.ts';
import { playInteractive } from './interactive.ts';
import { errorsJson } from './json-errors.ts';
import { loadScenarioFile, reportUnplayable, type LoadedScenario } from './load.ts';
import type { Output } from './output.ts';

/**
 * `tactful play <file> [--choose SPEC] [--shuffle SEED] [--timers SETTING] [--json]`.
 * With `--choose` it plays headlessly on a stepped clock; without, it is a
 * game in the terminal. Exit 0 played, 1 invalid scenario or choice. With
 * `--json` a failure prints `{ "errors": [...] }` rather than text.
 */
export async function playCommand(file: string, options: { choose?: string; timers: TimerSetting; json: boolean; shuffle?: number }, out: Output): Promise<number> {
  if (options.choose === undefined && options.json) throw new UsageError('--json needs --choose: interactive play prints a debrief instead');
  const loaded = loadScenarioFile(file);
  if (!loaded.compiled) return reportUnplayable(file, loaded.problems, options.json, out);
  // Warnings never block play; with --json they would only be noise around the result.
  if (!options.json) for (const p of loaded.problems) out.stderr(formatProblem(p));
  // Interactive play always shuffles (a fresh seed unless one is given); --choose keeps file order unless --shuffle is given.
  if (options.choose === undefined) return playInteractive(loaded.compiled, loaded.catalogue, options.timers, options.shuffle ?? newShuffleSeed(Math.random));
  const parsed = parseChoices(options.choose);
  if ('error' in parsed) {
    const message = `--choose: ${parsed.error}`;
    if (options.json) out.stdout(errorsJson([{ severity: 'error', rule: 'choose', message }]));
    else out.stderr(`tactful: ${message}`);
    return 1;
  }
  const played = playChoices(loaded.compiled, parsed.steps, options.timers, options.shuffle === undefined ? {} : { shuffleSeed: options.shuffle });
  if ('error' in played) {
    const problem = choiceProblem(file, loaded, loaded.compiled, played.error);
    if (options.json) out.stdout(errorsJson([problem]));
    else out.stderr(formatProblem(problem));
    return 1;
  }
  out.stdout(options.json ? JSON.stringify(resultJson(played.result, { shuffle: options.shuffle ?? null }), null, 2) : debriefText(loaded.compiled, played.result, loaded.catalogue));
  return 0;
}

/**
 * A choice that could not be played, as a problem at the node where play
 * stopped (the engine's message already names the node). The file is
 * checked again only here, on the way out, to find that node's line.
 */
function choiceProblem(file: string, loaded: LoadedScenario, compiled: CompiledScenario, error: ChoiceError): Problem {
  const { source } = checkScenario(file, loaded.text, loaded.catalogue);
  const group = error.node in compiled.scenario.nodes ? 'nodes' : 'endings';
  if (!source) return { file, line: 1, column: 1, severity: 'error', rule: 'choose', message: error.message };
  return problemAt(source, [group, error.node], 'error', 'choose', error.message, 'key');
}
