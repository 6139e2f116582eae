import type { Problem } from '../../scenario/problem.ts';

/** "2 errors, 1 warning", or the all-clear, for the problems list's heading and the screen reader. */
export function problemSummary(problems: readonly Pick<Problem, 'severity'>[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems: the scenario passes tactful lint.';
  const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean);
  return `${parts.join(', ')}${errors > 0 ? ': the game will not play it until the errors are fixed.' : '.'}`;
}
