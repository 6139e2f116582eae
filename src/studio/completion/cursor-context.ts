import { schemaAt, type JsonSchema, type PathStep } from '../schema/field-help.ts';
import { ancestorsOf, levelsOf, pathOf, siblingKeys, type DocLines, type Level } from './yaml-outline.ts';

/** Typing a field name in the mapping at `path`. */
export interface KeyContext {
  kind: 'key';
  /** The mapping's path. */
  path: PathStep[];
  /** Offset in the document where the word being typed starts. */
  from: number;
  word: string;
  /** Fields the mapping already has. */
  siblings: Set<string>;
}

/** Typing the value at `path` (the value of `key`, or an item of its list). */
export interface ValueContext {
  kind: 'value';
  path: PathStep[];
  /** The field whose value this is. */
  key: string;
  from: number;
  word: string;
  /** True in an expression (`if:`, a value under `set:`): the word is a name inside it. */
  expression: boolean;
}

/** Where the cursor is, in the format's terms; undefined in prose, comments and places completion cannot help. */
export type CursorContext = KeyContext | ValueContext;

const ID_WORD = /^["']?([A-Za-z0-9_-]*)$/;
const NAME_AT_END = /[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads the place at `column` (0-based) of line `lineNo` (1-based) from the
 * text before it and the indentation of the lines above.
 *
 * @example contextAt(linesOf('start: op'), 1, 9, SCENARIO_SCHEMA) // { kind: 'value', key: 'start', word: 'op', … }
 */
export function contextAt(doc: DocLines, lineNo: number, column: number, schema: JsonSchema): CursorContext | undefined {
  const line = doc.line(lineNo);
  const prefix = line.text.slice(0, column);
  if (inComment(prefix) || prefix.endsWith(':')) return undefined;
  const levels = levelsOf(prefix);
  const last = levels[levels.length - 1];
  const first = levels[0] ?? { kind: 'key' as const, column: /^ */.exec(prefix)![0].length };
  const ancestry = ancestorsOf(doc, lineNo, first.column, first.kind);
  if (ancestry.inText) return undefined;
  const outer = pathOf(ancestry.levels);
  if (last?.kind === 'key') return valueContext(line.from, [...outer, ...pathOf(levels)], last, prefix.slice(last.valueColumn));
  const wordColumn = last ? skipSpaces(prefix, last.column + 1) : first.column;
  const word = prefix.slice(wordColumn);
  if (!/^[A-Za-z0-9_"'-]*$/.test(word)) return undefined;
  const path = [...outer, ...pathOf(levels)];
  const container = schemaAt(schema, path);
  // A `- ` item of a list of plain values (techniques in block style) is a value, not a field.
  if (last?.kind === 'item' && container && container.type !== 'object') {
    const key = lastKey(path);
    return key === undefined ? undefined : idValue(line.from + wordColumn, path, key, word);
  }
  return { kind: 'key', path, from: line.from + wordColumn, word, siblings: siblingKeys(doc, lineNo, wordColumn) };
}

function valueContext(lineFrom: number, path: PathStep[], key: Level, typed: string): ValueContext | undefined {
  let start = key.valueColumn!;
  let text = typed;
  if (text.startsWith('[')) {
    // A flow list (`techniques: [acknowledge, as`): the word after the last "[" or ",".
    if (text.includes(']')) return undefined;
    const cut = Math.max(text.lastIndexOf('['), text.lastIndexOf(',')) + 1;
    start += skipSpaces(text, cut);
    text = text.slice(skipSpaces(text, cut));
    path = [...path, { item: true }];
  } else if (text.startsWith('{') || text.startsWith('|') || text.startsWith('>')) {
    return undefined;
  }
  const expression = key.name === 'if' || isSetValue(path);
  if (expression) {
    const word = NAME_AT_END.exec(text)?.[0] ?? '';
    if (word === '' && /[A-Za-z0-9_.]$/.test(text)) return undefined;
    return { kind: 'value', path, key: key.name!, from: lineFrom + start + text.length - word.length, word, expression };
  }
  return idValue(lineFrom + start, path, key.name!, text);
}

function idValue(from: number, path: PathStep[], key: string, text: string): ValueContext | undefined {
  const id = ID_WORD.exec(text);
  if (!id) return undefined;
  const quote = text.length - id[1]!.length;
  return { kind: 'value', path, key, from: from + quote, word: id[1]!, expression: false };
}

/** A value under `set:` is an expression (`offers + 1`); the key above it names the variable. */
function isSetValue(path: readonly PathStep[]): boolean {
  const parent = path[path.length - 2];
  return parent !== undefined && 'key' in parent && parent.key === 'set';
}

function lastKey(path: readonly PathStep[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]!;
    if ('key' in step) return step.key;
  }
  return undefined;
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

/** True when the text before the cursor ends inside a comment (a `#` outside quotes, at the start or after a space). */
function inComment(prefix: string): boolean {
  let quote = '';
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || prefix[i - 1] === ' ')) return true;
  }
  return false;
}
