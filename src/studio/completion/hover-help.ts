import { kindOf, SCENARIO_SCHEMA, schemaAt, type JsonSchema } from '../schema/field-help.ts';
import { documentNames } from './document-names.ts';
import type { TechniqueHelp } from './scenario-completions.ts';
import { ancestorsOf, levelsOf, pathOf, type DocLines, type Level } from './yaml-outline.ts';

/** Help for the word under the pointer: a field's meaning, a technique's tip, where a `goto` leads. */
export interface HoverHelp {
  /** Offsets of the word the help is about. */
  from: number;
  to: number;
  title: string;
  body: string;
}

/**
 * The help for the word at `column` (0-based) of line `lineNo`: a field
 * name shows its description from the JSON Schema; a `goto` or `start`
 * value shows the node or ending it leads to (or that there is none); a
 * technique id shows the catalogue's label and tip.
 */
export function hoverHelpAt(doc: DocLines, lineNo: number, column: number, techniques: readonly TechniqueHelp[], schema: JsonSchema = SCENARIO_SCHEMA): HoverHelp | undefined {
  const line = doc.line(lineNo);
  const levels = levelsOf(line.text);
  const keyIndex = levels.findIndex((l) => l.kind === 'key' && column >= l.column && column < l.column + l.name!.length);
  if (keyIndex >= 0) {
    const key = levels[keyIndex]!;
    const first = levels[0]!;
    const ancestry = ancestorsOf(doc, lineNo, first.column, first.kind);
    const path = [...pathOf(ancestry.levels), ...pathOf(levels.slice(0, keyIndex + 1))];
    const field = schemaAt(schema, path);
    if (!field) return undefined;
    const parent = schemaAt(schema, path.slice(0, -1));
    const required = parent?.required?.includes(key.name!) ? ' (required)' : '';
    return { from: line.from + key.column, to: line.from + key.column + key.name!.length, title: `${key.name}${required}`, body: field.description ?? kindOf(field) };
  }
  const word = wordAt(line.text, column);
  if (!word) return undefined;
  const owner = ownerKey(doc, lineNo, levels);
  const at = { from: line.from + word.start, to: line.from + word.start + word.text.length };
  if (owner === 'goto' || owner === 'start') {
    const names = documentNames(doc);
    const node = names.nodes.find((n) => n.name === word.text);
    const ending = names.endings.find((n) => n.name === word.text);
    const found = node ?? ending;
    if (!found) return { ...at, title: word.text, body: 'No node or ending has this id.' };
    return { ...at, title: `${node ? 'Node' : 'Ending'} ${word.text} (line ${found.line})`, body: found.hint };
  }
  if (owner === 'techniques') {
    const technique = techniques.find((t) => t.id === word.text);
    if (!technique) return { ...at, title: word.text, body: 'Not in the technique catalogue.' };
    return { ...at, title: `${technique.label} (${technique.kind} practice)`, body: technique.tip };
  }
  return undefined;
}

/** The id-like word (letters, digits, "-", "_") around a column. */
function wordAt(text: string, column: number): { start: number; text: string } | undefined {
  let start = column;
  while (start > 0 && /[\w-]/.test(text[start - 1]!)) start--;
  let end = column;
  while (end < text.length && /[\w-]/.test(text[end]!)) end++;
  return end > start ? { start, text: text.slice(start, end) } : undefined;
}

/** The key whose value holds a line's value: its own key, or, for a `- item` line, the key of the list. */
function ownerKey(doc: DocLines, lineNo: number, levels: readonly Level[]): string | undefined {
  const key = levels.find((l) => l.kind === 'key');
  if (key) return key.name;
  const first = levels[0];
  if (first?.kind !== 'item') return undefined;
  const above = ancestorsOf(doc, lineNo, first.column, first.kind).levels;
  const owner = above[above.length - 1];
  return owner?.kind === 'key' ? owner.name : undefined;
}
