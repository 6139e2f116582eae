import { load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from './problem.ts';
import { YAML_12_CORE_SCHEMA } from './yaml-core-schema.ts';

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
 * back as problems (empty file, binary data, syntax errors, alias bombs,
 * duplicate keys).
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
  const { document: yamlDocument, lines } = parseWithPositions(text);
  const problems: Problem[] = [];
  for (const offset of duplicateKeyOffsets(yamlDocument)) {
    const pos = lines.linePos(offset);
    problems.push(at(pos.line, pos.col, 'duplicate-key', 'this key appears twice in the same block; keep one'));
  }
  for (const error of yamlDocument.errors) {
    if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
      // The parser notices at the end of the file; the trainer needs the opening quote.
      const quote = error.message.includes('"') ? '"' : "'";
      const pos = lines.linePos(Math.max(0, text.lastIndexOf(quote, error.pos[0] - 1)));
      problems.push(at(pos.line, pos.col, 'yaml-syntax', `this quoted text is never closed; add the closing ${quote} at the end of the value`));
      continue;
    }
    const pos = lines.linePos(error.pos[0]);
    problems.push(at(pos.line, pos.col, 'yaml-syntax', `YAML syntax: ${firstLine(error.message)}`));
  }
  if (problems.length > 0) return { problems };
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Offsets of keys that repeat an earlier key in the same mapping. */
function duplicateKeyOffsets(document: Document.Parsed): number[] {
  const offsets: number[] = [];
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        if (seen.has(key)) offsets.push((pair.key as YamlNode | null)?.range?.[0] ?? 0);
        seen.add(key);
      }
    },
  });
  return offsets;
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
  return { file: source.file, line, column: column + offset, severity, rule, message };
}

/**
 * Column offset of a position inside a scalar's text (for an error inside an
 * expression), accounting for a quote character before the text.
 */
export function scalarTextStart(source: ScenarioSourceFile, path: SourcePath): number {
  let node: unknown = source.document.contents;
  for (const segment of path) {
    if (isMap(node)) {
      node = pairFor(node, segment)?.value;
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return 0;
  }
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) return 1;
  return 0;
}
