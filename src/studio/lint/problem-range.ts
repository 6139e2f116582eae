import type { Problem } from '../../scenario/problem.ts';
import type { DocLines } from '../completion/yaml-outline.ts';

/** Where a problem sits in the editor's text: offsets of the span to underline. */
export interface ProblemRange {
  from: number;
  to: number;
}

/** Rules whose column points at one name inside an expression: only that name is underlined. */
const NAME_RULES = new Set(['undefined-variable', 'expression-syntax', 'not-precedence']);

/**
 * Turns a problem's line and column (1-based, as the CLI prints them) into
 * the span of text to underline: the key or value it points at, a quoted
 * string to its closing quote, a name inside an expression, or one
 * character when there is nothing to underline. A position beyond the text
 * (a problem found in an older version of it) is kept inside the text.
 *
 * @example problemRange({ line: 3, column: 11, rule: 'unknown-target', … }, doc) // the id after "goto: "
 */
export function problemRange(problem: Pick<Problem, 'line' | 'column' | 'rule'>, doc: DocLines): ProblemRange {
  const lineNo = Math.min(Math.max(1, problem.line), doc.lines);
  const line = doc.line(lineNo);
  const column = Math.min(Math.max(0, problem.column - 1), line.text.length);
  const from = line.from + column;
  const length = NAME_RULES.has(problem.rule) ? nameLength(line.text, column) : tokenLength(line.text, column);
  return { from, to: from + Math.max(length, Math.min(1, line.text.length - column)) };
}

function nameLength(text: string, at: number): number {
  return /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))?.[0].length ?? 0;
}

/**
 * The key or scalar starting at `at`: to its closing quote, or to a ": ",
 * a " #" or the line's end; inside a flow list or map (after "[", "{" or
 * ","), to the next ",", "]" or "}" too.
 */
function tokenLength(text: string, at: number): number {
  const rest = text.slice(at);
  const quoted = /^"(?:[^"\\]|\\.)*"|^'(?:[^']|'')*'/.exec(rest);
  if (quoted) return quoted[0].length;
  const flow = /[[{,]\s*$/.test(text.slice(0, at));
  const plain = flow ? FLOW_PLAIN.exec(rest) : BLOCK_PLAIN.exec(rest);
  return plain?.[0].length ?? 0;
}

const BLOCK_PLAIN = /^(?:[^\s#:]|#(?<! #)|:(?!\s|$)|[ \t]+(?![ \t]*(?:#|$)))*/;
const FLOW_PLAIN = /^(?:[^\s,\]}#:]|:(?!\s|$)|[ \t]+(?![ \t]*(?:#|$)))*/;
