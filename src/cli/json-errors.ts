import type { Problem } from '../scenario/index.ts';

/**
 * A failure as `--json` prints it: a problem, with `file`, `line` and
 * `column` whenever the failure is in a file (a mistyped option is not).
 */
export type JsonError = Pick<Problem, 'severity' | 'rule' | 'message'> & Partial<Pick<Problem, 'file' | 'line' | 'column'>>;

/**
 * The one shape every failed `play --json` or `paths --json` prints on
 * standard output, so a script reading it never has to parse text.
 *
 * @example errorsJson([{ severity: 'error', rule: 'usage', message: '--timers must be …' }]) // '{ "errors": [ … ] }'
 */
export function errorsJson(errors: readonly JsonError[]): string {
  return JSON.stringify({ errors }, null, 2);
}

/** Whether a command line asks for JSON from a command that answers failures in JSON. */
export function wantsJsonErrors(argv: readonly string[]): boolean {
  return (argv[0] === 'play' || argv[0] === 'paths') && argv.includes('--json');
}
