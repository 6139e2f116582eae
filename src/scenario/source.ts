import { load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { sortProblems, type Problem } from './problem.ts';
import { YAML_12_CORE_SCHEMA } from './yaml-core-schema.ts';
import { firstLine, syntaxProblems } from './yaml-errors.ts';

/** A path into the YAML document: map keys and sequence indexes. */
export type SourcePath = readonly (string | number)[];

/**
 * A scenario file read into memory, keeping the YAML tree so every problem
 * can point at the line and column of the key or value at fault.
 */
export interface ScenarioSourceFile {
  file: string;
  text: string;
  /** The YAML tree with positions (parsed on first use when the fast path read the data). */
  readonly document: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain data. */
  data: unknown;
}

/** Aliases beyond this are refused: a YAML "billion laughs" must fail fast. */
const MAX_ALIASES = 200;

/**
 * Parses YAML text, keeping positions. Never throws: unreadable input comes
 * back as problems (empty file, binary data, syntax errors in a trainer's
 * words, nesting too deep to read, alias bombs, duplicate keys).
 */
export function readSource(file: string, text: string): { source?: ScenarioSourceFile; problems: Problem[] } {
  const at = (line: number, column: number, rule: string, message: string): Problem => ({
    file, line, column, severity: 'error', rule, message,
  });
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    return { problems: [at(1, 1, 'not-text', 'this is not a text file; save the scenario as UTF-8 YAML')] };
  }
  if (text.trim() === '') {
    return { problems: [at(1, 1, 'empty-file', 'the file is empty; start with "id:", "title:", "customer:", "start:", "nodes:" and "endings:"')] };
  }
  const fast = readFast(file, text);
  if (fast) return { source: fast, problems: [] };
  const deep = tooDeep(text);
  if (deep) {
    return { problems: [at(deep.line, deep.column, 'yaml-syntax', `this is nested more than ${MAX_NESTING} levels deep ("[", "{", "- " items or indented blocks); a scenario needs only a few — look for a run of brackets or lines indented further and further`)] };
  }
  const { document: yamlDocument, lines } = parseWithPositions(text);
  const problems: Problem[] = [];
  for (const found of syntaxProblems(text, yamlDocument.errors, lines)) problems.push(at(found.line, found.column, 'yaml-syntax', found.message));
  // After a syntax error keys can land in the wrong block and look repeated: duplicates are only told apart in a file that reads.
  const duplicates = problems.length === 0 ? duplicateKeys(yamlDocument) : [];
  for (const { offset, first } of duplicates) {
    const pos = lines.linePos(offset);
    const key = /^[^:\n]*/.exec(text.slice(offset))![0].trim();
    problems.push(at(pos.line, pos.col, 'duplicate-key', `"${key}" is already set on line ${lines.linePos(first).line} in the same block — keep one`));
  }
  if (problems.length > 0) return { problems: sortProblems(problems) };
  let data: unknown;
  try {
    data = yamlDocument.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { problems: [at(1, 1, 'yaml-aliases', `too many YAML aliases (*name) expand here; write the content out instead (${firstLine(String((error as Error).message))})`)] };
  }
  if (data === null || data === undefined) {
    return { problems: [at(1, 1, 'empty-file', 'the file has no content; start with "id:", "title:", "customer:", "start:", "nodes:" and "endings:"')] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const pos = yamlDocument.contents ? lines.linePos(yamlDocument.contents.range[0]) : { line: 1, col: 1 };
    return { problems: [at(pos.line, pos.col, 'not-a-mapping', 'a scenario file must be a mapping of fields such as "id:", "title:" and "nodes:"')] };
  }
  return { source: { file, text, document: yamlDocument, lines, data }, problems };
}

/**
 * Levels of nesting a file may have: hand-written scenarios use under ten.
 * The YAML readers recurse once per level (the one that keeps positions
 * gives up near a thousand, and what runs on its tree recurses too), so a
 * deeper file is refused up front, the same way whatever the stack size.
 */
const MAX_NESTING = 100;

/**
 * Where a file first nests deeper than MAX_NESTING, if it does. Counts the
 * indented blocks open (by indentation, as YAML reads them), "- " items
 * opened on the same line, and brackets open outside quotes.
 */
function tooDeep(text: string): { line: number; column: number } | undefined {
  const blocks: number[] = [];
  let brackets = 0;
  const lines = text.split('\n');
  for (const [n, line] of lines.entries()) {
    const [, spaces, dashes] = /^( *)((?:- +)*)/.exec(line)!;
    const indent = spaces!.length;
    const rest = line.slice(indent).trim();
    if (brackets === 0 && rest !== '' && !rest.startsWith('#')) {
      while (blocks.length > 0 && blocks[blocks.length - 1]! >= indent) blocks.pop();
      blocks.push(indent);
    }
    const items = dashes!.split('-').length - 1;
    if (blocks.length + items + brackets > MAX_NESTING) return { line: n + 1, column: indent + 1 };
    let quote = '';
    for (let i = indent; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) break;
      else if (c === '[' || c === '{') {
        if (blocks.length + items + ++brackets > MAX_NESTING) return { line: n + 1, column: i + 1 };
      } else if ((c === ']' || c === '}') && brackets > 0) brackets--;
    }
  }
  return undefined;
}

/** Anchors and aliases (`&name`, `*name`) go the careful way, where their expansion is counted. */
const ANCHOR_OR_ALIAS = /[&*][^\s,\]}]/;

/**
 * The fast path for the common case, a clean file: js-yaml reads the data
 * about ten times faster than the position-keeping parser, and positions are
 * only needed when there is something to report. Both read scalars by YAML
 * 1.2's core schema (see yaml-core-schema.ts), so they agree. The YAML tree is then
 * parsed on first use. Anything unusual (a syntax error, a duplicate key, an
 * anchor, data that is not a mapping) returns undefined and takes the careful
 * path, which reports it with its position.
 */
function readFast(file: string, text: string): ScenarioSourceFile | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  let data: unknown;
  try {
    data = loadYaml(text, { schema: YAML_12_CORE_SCHEMA, filename: file });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  let tree: ReturnType<typeof parseWithPositions> | undefined;
  const parsed = (): ReturnType<typeof parseWithPositions> => (tree ??= parseWithPositions(text));
  return {
    file,
    text,
    data,
    get document() {
      return parsed().document;
    },
    get lines() {
      return parsed().lines;
    },
  };
}

/**
 * The position-keeping parse, the same for both paths. Duplicate keys are
 * found by `duplicateKeyOffsets` in linear time: the parser's own check
 * (`uniqueKeys`) compares every key with every other, which is quadratic in
 * a map of thousands of nodes.
 */
function parseWithPositions(text: string): { document: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  return { lines, document: parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, strict: true }) };
}


/** Keys that repeat an earlier key in the same mapping: where the repeat is, and where the key was first set. */
function duplicateKeys(document: Document.Parsed): { offset: number; first: number }[] {
  const found: { offset: number; first: number }[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        const offset = (pair.key as YamlNode | null)?.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else found.push({ offset, first });
      }
    },
  });
  return found;
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair with a given key in a mapping, through an index built once per mapping (maps can hold thousands of nodes). */
function pairFor(map: YAMLMap, key: string | number): Pair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (isPair(pair) && isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    pairIndexes.set(map, index);
  }
  return index.get(String(key));
}

/**
 * Finds the line and column of a path in the document. `part: 'key'` points
 * at the key (for unknown or duplicate fields), `'value'` at its value. When
 * the path does not exist (a missing field) the nearest existing parent is used.
 */
export function locate(source: ScenarioSourceFile, path: SourcePath, part: 'key' | 'value' = 'value'): { line: number; column: number } {
  let node: unknown = source.document.contents;
  let best: number = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairFor(node, segment);
      if (!pair) break;
      const keyNode = pair.key as YamlNode;
      if (last && part === 'key') {
        best = keyNode.range?.[0] ?? best;
        break;
      }
      const valueNode = pair.value as YamlNode | null;
      best = valueNode?.range?.[0] ?? keyNode.range?.[0] ?? best;
      node = valueNode;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      break;
    }
  }
  const pos = source.lines.linePos(best);
  return { line: pos.line, column: pos.col };
}

/** A problem at a path in a source file. */
export function problemAt(
  source: ScenarioSourceFile,
  path: SourcePath,
  severity: Problem['severity'],
  rule: string,
  message: string,
  part: 'key' | 'value' = 'value',
  offset = 0,
): Problem {
  const { line, column } = locate(source, path, part);
  // An offset counts characters of the value's text, which only matches the file when the value
  // sits on its own one line; otherwise (a block "|" or a value folded over lines) point at its start.
  const within = offset > 0 && part === 'value' && oneLineScalar(source, path) ? offset : 0;
  return { file: source.file, line, column: column + within, severity, rule, message };
}

/** The YAML node at a path, if the path leads to one. */
function nodeAt(source: ScenarioSourceFile, path: SourcePath): unknown {
  let node: unknown = source.document.contents;
  for (const segment of path) {
    if (isMap(node)) node = pairFor(node, segment)?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

/** True when the value at a path is a plain or quoted scalar written on a single line. */
function oneLineScalar(source: ScenarioSourceFile, path: SourcePath): boolean {
  const node = nodeAt(source, path);
  if (!isScalar(node) || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || !node.range) return false;
  return source.lines.linePos(node.range[0]).line === source.lines.linePos(Math.max(node.range[0], node.range[1] - 1)).line;
}

/**
 * Column offset of a position inside a scalar's text (for an error inside an
 * expression), accounting for a quote character before the text.
 */
export function scalarTextStart(source: ScenarioSourceFile, path: SourcePath): number {
  const node = nodeAt(source, path);
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) return 1;
  return 0;
}
