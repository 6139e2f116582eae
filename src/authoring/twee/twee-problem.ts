import type { Problem } from '../../scenario/index.ts';

/**
 * A warning about something in the Twee file that could not be converted,
 * in the same shape as a lint problem, so the CLI prints it as
 * `story.twee:12:5: warning: … [twee-macro]` and an editor can jump to it.
 *
 * @example tweeWarning('story.twee', { line: 12, column: 5 }, 'twee-macro', 'the macro (set:) was left out')
 */
export function tweeWarning(file: string, at: { line: number; column: number }, rule: string, message: string): Problem {
  return { file, line: at.line, column: at.column, severity: 'warning', rule, message };
}
