import type { PathStep } from '../schema/field-help.ts';

/**
 * The lines of a document, 1-based: CodeMirror's `Text` is one, and so is
 * `linesOf(string)`. Completion and hover read only the lines they need, so
 * a 5,000-node file is never copied into a string on each keystroke.
 */
export interface DocLines {
  readonly lines: number;
  line(n: number): { readonly from: number; readonly text: string };
}

/** A string as DocLines (for tests and the worker). */
export function linesOf(text: string): DocLines {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  return { lines: lines.length, line: (n) => ({ from: starts[n - 1]!, text: lines[n - 1]! }) };
}

/** One structural level a line opens: a sequence item (`- `) or a mapping key (`name:`). */
export interface Level {
  kind: 'item' | 'key';
  /** 0-based column where the dash or the key starts. */
  column: number;
  /** The key's name (for a key). */
  name?: string;
  /** The text after `key:` (for a key), without a trailing comment. */
  value?: string;
  /** 0-based column where that value starts. */
  valueColumn?: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-[\]{},:][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

/**
 * The levels a line opens, left to right: each `- ` and then the key, if any.
 * Blank and comment-only lines open none. A line of plain text (a block
 * scalar's content, a value folded over lines) opens none either.
 *
 * @example levelsOf('    - say: Hello') // [{ kind: 'item', column: 4 }, { kind: 'key', column: 6, name: 'say', value: 'Hello', … }]
 */
export function levelsOf(line: string): Level[] {
  const levels: Level[] = [];
  let at = /^ */.exec(line)![0].length;
  if (at === line.length || line[at] === '#') return levels;
  while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ')) {
    levels.push({ kind: 'item', column: at });
    at += 1;
    while (line[at] === ' ') at++;
  }
  const key = KEY.exec(line.slice(at));
  if (key) {
    const afterColon = at + key[0].length;
    const spaces = /^ */.exec(line.slice(afterColon))![0].length;
    const valueColumn = afterColon + spaces;
    levels.push({ kind: 'key', column: at, name: unquote(key[1]!.trimEnd()), value: withoutComment(line.slice(valueColumn)), valueColumn });
  }
  return levels;
}

/** True when a key's value starts a block of text (`|`, `>-`…) whose lines below are prose, not fields. */
export function startsBlockText(value: string | undefined): boolean {
  return value !== undefined && /^[|>][0-9+-]*$/.test(value.trim());
}

function unquote(key: string): string {
  if (key.startsWith('"') && key.endsWith('"')) return key.slice(1, -1);
  if (key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}

function withoutComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || value[i - 1] === ' ')) return value.slice(0, i).trimEnd();
  }
  return value.trimEnd();
}

/** Whether `level` encloses something at `column` of kind `kind` (a key encloses an item at its own column: `replies:` / `- say:`). */
function encloses(level: Level, column: number, kind: Level['kind']): boolean {
  return level.column < column || (level.column === column && kind === 'item' && level.kind === 'key');
}

/** The levels above a place, outermost first, or 'text' when the place is inside a block of prose. */
export interface Ancestry {
  levels: Level[];
  /** The line each level is on (1-based), parallel to `levels`. */
  lines: number[];
  inText: boolean;
}

/**
 * The levels enclosing something at `column` on line `lineNo` (found by
 * indentation, walking up): the path of keys and items to it.
 */
export function ancestorsOf(doc: DocLines, lineNo: number, column: number, kind: Level['kind']): Ancestry {
  const levels: Level[] = [];
  const lines: number[] = [];
  let inText = false;
  for (let n = lineNo - 1; n >= 1 && !(column === 0 && kind === 'key'); n--) {
    const found = levelsOf(doc.line(n).text);
    for (let i = found.length - 1; i >= 0; i--) {
      const level = found[i]!;
      if (!encloses(level, column, kind)) continue;
      // The first key found above a place, with a block scalar as its value, holds prose: nothing to complete there.
      if (levels.length === 0 && level.kind === 'key' && startsBlockText(level.value)) inText = true;
      levels.unshift(level);
      lines.unshift(n);
      column = level.column;
      kind = level.kind;
    }
  }
  return { levels, lines, inText };
}

/** The path of keys and items that a list of levels spells. */
export function pathOf(levels: readonly Level[]): PathStep[] {
  return levels.map((l) => (l.kind === 'item' ? { item: true as const } : { key: l.name! }));
}

/**
 * The keys already written in the mapping that holds a key at `column` on
 * line `lineNo` (its siblings above and below, not the line itself).
 */
export function siblingKeys(doc: DocLines, lineNo: number, column: number): Set<string> {
  const keys = new Set<string>();
  /** Reads one line; false once the mapping has ended. Going up, the line that opens the item still belongs to it. */
  const visit = (n: number, up: boolean): boolean => {
    const levels = levelsOf(doc.line(n).text);
    if (levels.length === 0) return true;
    const first = levels[0]!;
    const leftOf = first.column < column || (first.kind === 'item' && first.column === column);
    if (leftOf && !(up && first.kind === 'item')) return false;
    for (const l of levels) if (l.kind === 'key' && l.column === column) keys.add(l.name!);
    return !leftOf;
  };
  const here = levelsOf(doc.line(lineNo).text);
  // The line's own item (`- say:`) opens the mapping: the lines above belong to earlier items.
  const opensItem = here.some((l) => l.kind === 'item' && l.column < column);
  if (!opensItem) for (let n = lineNo - 1; n >= 1 && visit(n, true); n--);
  for (let n = lineNo + 1; n <= doc.lines && visit(n, false); n++);
  return keys;
}
