import type { Problem } from '../scenario/index.ts';
import { readFailure } from './read-failure.ts';

/** Thrown for input the command cannot work with at all (exit 2). */
export class UsageError extends Error {
  /** Whether the help text helps here (a wrong command does; a missing file doesn't). */
  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}

/**
 * A file or folder named on the command line that cannot be used: missing,
 * unreadable, a folder where a file was wanted, or a folder with no scenario
 * in it. Exit 2, like any usage mistake, but it carries a problem so that
 * `--json` output can report it with the path.
 *
 * @example throw new InputError(inputProblem('x.yaml', 'unreadable', 'cannot read x.yaml: permission denied'));
 */
export class InputError extends UsageError {
  constructor(readonly problem: Problem) {
    super(problem.message, false);
  }
}

/**
 * A problem about a path rather than about a place inside a scenario. It
 * points at 1:1 so it has the same shape as every other problem (`--json`
 * consumers read one array).
 */
export function inputProblem(path: string, rule: 'unreadable' | 'not-a-scenario-file' | 'no-scenario-files', message: string): Problem {
  return { file: path, line: 1, column: 1, severity: 'error', rule, message };
}

/**
 * "cannot read PATH: REASON", as a problem, for an error from Node's fs.
 *
 * @example unreadable('x.yaml', eaccesError).message // 'cannot read x.yaml: permission denied'
 */
export function unreadable(path: string, error: unknown): Problem {
  return inputProblem(path, 'unreadable', `cannot read ${path}: ${readFailure(error)}`);
}

/**
 * Runs one file's work; when the file (or its catalogue) cannot be read, the
 * problem joins `into` (once per path) and the result is undefined, so a
 * folder's other files are still checked.
 *
 * @example const text = orInputProblem(() => readText(file), inputProblems);
 */
export function orInputProblem<T>(work: () => T, into: Problem[]): T | undefined {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (!into.some((p) => p.file === error.problem.file)) into.push(error.problem);
    return undefined;
  }
}
