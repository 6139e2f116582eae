import { scenarioJsonSchema } from '../scenario/index.ts';
import { isTimerSetting, type TimerSetting } from '../engine/index.ts';
import { MAX_SHUFFLE_SEED, parseShuffleSeed } from '../engine/shuffle-seed.ts';
import { auditCommand } from './audit-command.ts';
import { InputError, UsageError } from './errors.ts';
import { graphCommand } from './graph-command.ts';
import { importCommand } from './import-command.ts';
import { errorsJson, wantsJsonErrors } from './json-errors.ts';
import { lintCommand } from './lint-command.ts';
import { newCommand } from './new-command.ts';
import { packageCommand, packageOptions } from './package-command.ts';
import { readOptions } from './options.ts';
import type { Output } from './output.ts';
import { pathsCommand } from './paths-command.ts';
import { playCommand } from './play-command.ts';

/** The help text, also shown on a usage error. */
export const USAGE = `Usage: tactful <command> [options]

Commands:
  lint <file-or-dir>... [--json]                 check scenario files
  play <file> [--choose SPEC] [--shuffle SEED] [--timers SETTING] [--json]
                                                 play a scenario (interactive without --choose)
  paths <file> [--json]                          endings, route counts, min/max overall per ending
  graph <file> [--format mermaid|dot]            the scenario as a graph
  audit <file-or-dir>... [--json] [--threshold NAME=VALUE]...
                                                 can rules of thumb pass? do scores rank play sensibly?
  package --format scorm12|scorm2004|cmi5|web --out FILE.zip [--title TEXT] [<file-or-dir>...]
          [--id-base IRI] [--lrs URL --lrs-key KEY --lrs-secret SECRET]
                                                 build the game as a zip for an LMS or a web server
                                                 (default: every scenario in scenarios/)
  schema                                         print the JSON Schema for scenario files
  new <id> [--from short|policy|timed] [--out DIR]
                                                 start a scenario from a template (in scenarios/ if there is one)
  import <story.twee> [--out FILE]               convert a Twine story (Twee 3) to a scenario file
  serve [--port N] [--host H] [--data DIR] [--database URL] [--trainer-key KEY]
        [--public-url URL] [--trust-proxy]       run live sessions: the game, the session API, the dashboard

--choose is a comma list, one step per decision: N picks the N-th offered
reply (in file order, or in the shuffled order of --shuffle SEED) at once,
N@S after S seconds, t lets the timer run out. Interactive play shuffles the
replies; --shuffle SEED replays a shuffle exactly. --timers standard|1.5x|2x|off
sets the reply timers (--no-timers is --timers off; off means speed is not scored).
Scenario files end in .yaml or .yml; folders are searched for them.
Exit codes: 0 ok, 1 problems in a scenario or a choice, 2 usage or a file or
folder that cannot be read.`;

/**
 * Runs one CLI invocation and returns its exit code. Never throws: usage
 * mistakes and paths that cannot be read exit 2 (as `{ "errors": [...] }`
 * when play or paths was asked for JSON), and anything unexpected is
 * reported in one line (no stack trace) with exit 1.
 */
export async function runCli(argv: readonly string[], out: Output): Promise<number> {
  try {
    return await dispatch(argv, out);
  } catch (error) {
    if (error instanceof UsageError) {
      if (wantsJsonErrors(argv)) {
        out.stdout(errorsJson([error instanceof InputError ? error.problem : { severity: 'error', rule: 'usage', message: error.message }]));
      } else out.stderr(error.showUsage ? `tactful: ${error.message}\n\n${USAGE}` : `tactful: ${error.message}`);
      return 2;
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      // Walking routes recurses once per step in the engine; say what happened rather than "something went wrong".
      out.stderr(`tactful: ${argv[0]} ran out of stack space on this scenario, probably on a very long route; that is a limit of tactful, not a mistake in the file. Please report it with the file you used.`);
      return 1;
    }
    out.stderr(`tactful: something went wrong that a scenario file should never cause: ${(error as Error).message ?? String(error)}. Please report it with the file you used.`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    out.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'lint': {
      const { values, positionals } = readOptions(command, rest, { json: { type: 'boolean' } });
      if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder, e.g. "tactful lint scenarios"');
      return lintCommand(positionals, values.json ?? false, out);
    }
    case 'play': {
      const { values, positionals } = readOptions(command, rest, {
        choose: { type: 'string' }, 'no-timers': { type: 'boolean' }, json: { type: 'boolean' }, timers: { type: 'string' }, shuffle: { type: 'string' },
      });
      const file = single(positionals, 'play');
      const timers = parseTimers(values.timers, values['no-timers'] ?? false);
      const shuffle = values.shuffle === undefined ? undefined : parseSeed(values.shuffle);
      return playCommand(file, { choose: values.choose, timers, json: values.json ?? false, ...(shuffle === undefined ? {} : { shuffle }) }, out);
    }
    case 'paths': {
      const { values, positionals } = readOptions(command, rest, { json: { type: 'boolean' } });
      return pathsCommand(single(positionals, 'paths'), values.json ?? false, out);
    }
    case 'graph': {
      const { values, positionals } = readOptions(command, rest, { format: { type: 'string' } });
      const format = values.format ?? 'mermaid';
      if (format !== 'mermaid' && format !== 'dot') throw new UsageError(`--format must be mermaid or dot, not "${format}"`);
      return graphCommand(single(positionals, 'graph'), format, out);
    }
    case 'audit': {
      const { values, positionals } = readOptions(command, rest, { json: { type: 'boolean' }, threshold: { type: 'string', multiple: true } });
      if (positionals.length === 0) throw new UsageError('audit needs at least one file or folder, e.g. "tactful audit scenarios"');
      return auditCommand(positionals, { json: values.json ?? false, thresholds: values.threshold ?? [] }, out);
    }
    case 'package': {
      const { values, positionals } = readOptions(command, rest, {
        format: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' }, 'id-base': { type: 'string' },
        lrs: { type: 'string' }, 'lrs-key': { type: 'string' }, 'lrs-secret': { type: 'string' },
      });
      return packageCommand(positionals, packageOptions(values), out);
    }
    case 'serve': {
      const { values, positionals } = readOptions(command, rest, {
        port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' },
        'trainer-key': { type: 'string' }, 'public-url': { type: 'string' }, 'trust-proxy': { type: 'boolean' },
      });
      if (positionals.length > 0) throw new UsageError(`serve takes no file or folder, not "${positionals[0]}" (it serves the scenarios in scenarios/)`);
      // Loaded only for this command: the server, its storage and PGlite's WebAssembly are not the other commands' cost.
      const { serveCommand, serveOptions } = await import('./serve-command.ts');
      return serveCommand(serveOptions(values, process.env), out);
    }
    case 'new': {
      const { values, positionals } = readOptions(command, rest, { from: { type: 'string' }, out: { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError('new needs exactly one scenario id, e.g. "tactful new late-repair"');
      return newCommand(positionals[0]!, values, out);
    }
    case 'import': {
      const { values, positionals } = readOptions(command, rest, { out: { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError('import needs exactly one Twee file, e.g. "tactful import story.twee"');
      return importCommand(positionals[0]!, values, out);
    }
    case 'schema': {
      const { positionals } = readOptions(command, rest, {});
      if (positionals.length > 0) throw new UsageError(`schema takes no file or folder, not "${positionals[0]}"`);
      out.stdout(JSON.stringify(scenarioJsonSchema(), null, 2));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function single(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} needs exactly one scenario file, e.g. "tactful ${command} docs/examples/cracked-blender.yaml"`);
  return positionals[0]!;
}

function parseSeed(value: string): number {
  const seed = parseShuffleSeed(value);
  if (seed === null) throw new UsageError(`--shuffle needs a seed: a whole number from 0 to ${MAX_SHUFFLE_SEED}, not "${value}"`);
  return seed;
}

/** `--timers SETTING`, or `--no-timers` (the v1 spelling of `--timers off`); the two must agree. */
function parseTimers(value: string | undefined, noTimers: boolean): TimerSetting {
  if (value !== undefined && !isTimerSetting(value)) throw new UsageError(`--timers must be standard, 1.5x, 2x or off, not "${value}"`);
  if (noTimers && value !== undefined && value !== 'off') throw new UsageError(`--no-timers and --timers ${value} contradict each other; give one of them`);
  return noTimers ? 'off' : (value ?? 'standard');
}
