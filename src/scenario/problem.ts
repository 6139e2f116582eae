/** How serious a problem is: errors block play, warnings don't. */
export type Severity = 'error' | 'warning';

/**
 * One thing wrong with a scenario file, with the place a trainer should look.
 *
 * Problems are values, never exceptions: the CLI, the game and the tests all
 * show them the same way (`file:line:col: severity: message [rule]`).
 *
 * @example
 * { file: 'scenarios/x.yaml', line: 12, column: 11, severity: 'error',
 *   rule: 'unknown-target', message: 'goto "explain" is not a node or ending id' }
 */
export interface Problem {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** Stable rule id, listed in docs/writing-scenarios.md. */
  rule: string;
  message: string;
}

/** Formats a problem the way compilers do, so editors can jump to it. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.rule}]`;
}

/** True when any problem is an error (the scenario cannot be played). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Orders problems by file, line, column so output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
