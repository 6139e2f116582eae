import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '../scenario/index.ts';
import { isTimerSetting, type TimerSetting } from '../engine/index.ts';
import { MAX_SHUFFLE_SEED, parseShuffleSeed } from '../engine/shuffle-seed.ts';
import { UsageError } from './files.ts';
import { auditCommand } from './audit-command.ts';
import { graphCommand } from './graph-command.ts';
import { lintCommand } from './lint-command.ts';
import type { Output } from './output.ts';
import { pathsCommand } from './paths-command.ts';
import { playCommand } from './play-command.ts';

/** The help text, also shown on a usage error. */
export const USAGE = `Usage: tactful <command> [options]

Commands:
  lint <file-or-dir>... [--json]                 check scenario files
  play <file> [--choose SPEC] [--shuffle SEED] [--no-timers] [--json]
                                                 play a scenario (interactive without --choose)
  paths <file> [--json]                          endings, route counts, min/max overall per ending
  graph <file> [--format mermaid|dot]            the scenario as a graph
  audit <file-or-dir>... [--json] [--threshold NAME=VALUE]...
                                                 can rules of thumb pass? do scores rank play sensibly?
  schema                                         print the JSON Schema for scenario files

--choose is a comma list, one step per decision: N picks the N-th offered
reply (in file order, or in the shuffled order of --shuffle SEED) at once,
N@S after S seconds, t lets the timer run out. Interactive play shuffles the
replies; --shuffle SEED replays a shuffle exactly.
Exit codes: 0 ok, 1 problems in a scenario or a choice, 2 usage.`;

/**
 * Runs one CLI invocation and returns its exit code. Never throws: usage
 * mistakes exit 2 with the help text, and anything unexpected is reported in
 * one line (no stack trace) with exit 1.
 */
export async function runCli(argv: readonly string[], out: Output): Promise<number> {
  try {
    return await dispatch(argv, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(error.showUsage ? `tactful: ${error.message}\n\n${USAGE}` : `tactful: ${error.message}`);
      return 2;
    }
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`tactful: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
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
      const { values, positionals } = parseArgs({ args: [...rest], options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
      if (positionals.length === 0) throw new UsageError('lint needs at least one file or folder, e.g. "tactful lint scenarios"');
      return lintCommand(positionals, values.json ?? false, out);
    }
    case 'play': {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: { choose: { type: 'string' }, 'no-timers': { type: 'boolean' }, json: { type: 'boolean' }, timers: { type: 'string' }, shuffle: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
      const file = single(positionals, 'play');
      const timers = values['no-timers'] ? 'off' : parseTimers(values.timers);
      const shuffle = values.shuffle === undefined ? undefined : parseSeed(values.shuffle);
      return playCommand(file, { choose: values.choose, timers, json: values.json ?? false, ...(shuffle === undefined ? {} : { shuffle }) }, out);
    }
    case 'paths': {
      const { values, positionals } = parseArgs({ args: [...rest], options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
      return pathsCommand(single(positionals, 'paths'), values.json ?? false, out);
    }
    case 'graph': {
      const { values, positionals } = parseArgs({ args: [...rest], options: { format: { type: 'string' } }, allowPositionals: true, strict: true });
      const format = values.format ?? 'mermaid';
      if (format !== 'mermaid' && format !== 'dot') throw new UsageError(`--format must be mermaid or dot, not "${format}"`);
      return graphCommand(single(positionals, 'graph'), format, out);
    }
    case 'audit': {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: { json: { type: 'boolean' }, threshold: { type: 'string', multiple: true } },
        allowPositionals: true,
        strict: true,
      });
      if (positionals.length === 0) throw new UsageError('audit needs at least one file or folder, e.g. "tactful audit scenarios"');
      return auditCommand(positionals, { json: values.json ?? false, thresholds: values.threshold ?? [] }, out);
    }
    case 'schema': {
      parseArgs({ args: [...rest], options: {}, allowPositionals: false, strict: true });
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

function parseTimers(value: string | undefined): TimerSetting {
  if (value === undefined) return 'standard';
  if (isTimerSetting(value)) return value;
  throw new UsageError(`--timers must be standard, 1.5x, 2x or off, not "${value}"`);
}
