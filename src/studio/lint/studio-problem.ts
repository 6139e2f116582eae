import type { Problem } from '../../scenario/problem.ts';
import type { DocLines } from '../completion/yaml-outline.ts';
import { problemRange } from './problem-range.ts';
import { quickFixFor, type QuickFix } from './quick-fix.ts';

/** A problem as the studio shows it: the CLI's problem, the span it underlines, and its fix when there is an obvious one. */
export interface StudioProblem {
  problem: Problem;
  from: number;
  to: number;
  fix?: QuickFix;
}

/** Text the studio can read lines and spans of (CodeMirror's `Text` is one). */
export interface DocText extends DocLines {
  sliceString(from: number, to: number): string;
}

/**
 * Places the worker's problems in the text they were found in: the span
 * each underlines and the fix the linter's message suggests.
 */
export function placeProblems(problems: readonly Problem[], doc: DocText): StudioProblem[] {
  return problems.map((problem) => {
    const { from, to } = problemRange(problem, doc);
    const fix = quickFixFor(problem, { from, to }, doc.sliceString(from, to));
    return fix ? { problem, from, to, fix } : { problem, from, to };
  });
}

/** Moves problems found in an older text to the same places in the current one (`map` is the edits since, e.g. CodeMirror's ChangeSet.mapPos). */
export function moveProblems(problems: readonly StudioProblem[], map: (pos: number, assoc: -1 | 1) => number): StudioProblem[] {
  return problems.map((p) => {
    const from = map(p.from, 1);
    const to = Math.max(from, map(p.to, -1));
    if (!p.fix) return { ...p, from, to };
    const fixFrom = map(p.fix.from, 1);
    const fixTo = Math.max(fixFrom, map(p.fix.to, -1));
    // A fix whose word was edited since the check no longer applies.
    const intact = fixTo - fixFrom === p.fix.to - p.fix.from;
    return intact ? { ...p, from, to, fix: { ...p.fix, from: fixFrom, to: fixTo } } : { problem: p.problem, from, to };
  });
}
