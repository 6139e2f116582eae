import type { Problem } from '../../scenario/problem.ts';
import type { ProblemRange } from './problem-range.ts';

/** A change that fixes a problem: replace `from..to` with `insert`. */
export interface QuickFix {
  /** What the button says ("Change to "explains""). */
  label: string;
  from: number;
  to: number;
  insert: string;
  /** The misspelt word the fix replaces (a fix whose word has since changed is not applied). */
  replaces: string;
}

const SUGGESTION = /; did you mean "([^"]+)"\?/;
const FIRST_QUOTED = /"([^"]+)"/;

/**
 * The fix the linter already suggests, when it does: a message ending in
 * `; did you mean "x"?` names the misspelt word first (`"explian" is not a
 * node or ending id…`, `technique "acknowlege"…`, `unknown field "tac"…`),
 * and the fix swaps that word for the suggestion in the underlined text.
 * No fix when the underlined text does not hold the misspelt word (the
 * text changed since the check).
 *
 * @example quickFixFor(problem, range, 'explian') // { label: 'Change to "explains"', from, to, insert: 'explains', replaces: 'explian' }
 */
export function quickFixFor(problem: Pick<Problem, 'message'>, range: ProblemRange, underlined: string): QuickFix | undefined {
  const suggestion = SUGGESTION.exec(problem.message)?.[1];
  const misspelt = FIRST_QUOTED.exec(problem.message)?.[1];
  if (suggestion === undefined || misspelt === undefined || misspelt === suggestion) return undefined;
  const unquoted = underlined.replace(/^(["'])(.*)\1$/, '$2');
  if (unquoted !== misspelt) return undefined;
  const from = range.from + (underlined.length - unquoted.length) / 2;
  return { label: `Change to "${suggestion}"`, from, to: from + misspelt.length, insert: suggestion, replaces: misspelt };
}
