import type { Technique } from '../../scenario/techniques.ts';
import { fieldsOf, SCENARIO_SCHEMA, schemaAt, valuesOf, type JsonSchema, type PathStep } from '../schema/field-help.ts';
import { contextAt, type KeyContext, type ValueContext } from './cursor-context.ts';
import { documentNames, type DeclaredName, type DocumentNames } from './document-names.ts';
import type { DocLines } from './yaml-outline.ts';

/** A technique as completion and hover show it (the catalogue's entries, sent by the lint worker). */
export type TechniqueHelp = Pick<Technique, 'id' | 'label' | 'kind' | 'tip'>;

/** One suggestion: what the list shows, what it inserts, and the help beside it. */
export interface CompletionItem {
  label: string;
  /** The text inserted in place of the word typed so far. */
  apply: string;
  /** A few words shown after the label. */
  detail: string;
  /** The longer help shown beside the list. */
  info: string;
  type: 'property' | 'variable' | 'constant' | 'keyword' | 'enum';
}

/** Suggestions for the word that starts at `from`. */
export interface Completions {
  from: number;
  word: string;
  /** Typing a field name (key) or a value. */
  position: 'key' | 'value';
  items: CompletionItem[];
}

const BUILT_IN_SCORES = ['tact', 'speed', 'satisfaction'];
const EXPRESSION_WORDS = ['and', 'or', 'not', 'true', 'false'];

/**
 * What may be written at a place in a scenario file: field names from the
 * JSON Schema (with their descriptions), node and ending ids after `goto:`
 * and `start:`, technique ids in `techniques:`, declared variables in
 * expressions and under `set:`, dimensions under `score:`, and the values
 * of fields with a fixed list (outcome, emotion, order, true/false).
 *
 * @example completionsAt(doc, 12, 14, catalogue) // after "        goto: ex": the ids starting anywhere with what was typed
 */
export function completionsAt(doc: DocLines, lineNo: number, column: number, techniques: readonly TechniqueHelp[], schema: JsonSchema = SCENARIO_SCHEMA): Completions | undefined {
  const context = contextAt(doc, lineNo, column, schema);
  if (!context) return undefined;
  // Read only when a list needs them: the whole file is scanned for them.
  let found: DocumentNames | undefined;
  const names = (): DocumentNames => (found ??= documentNames(doc));
  const items = context.kind === 'key' ? keyItems(context, schema, names) : valueItems(context, schema, names, techniques);
  return { from: context.from, word: context.word, position: context.kind, items };
}

function keyItems(context: KeyContext, schema: JsonSchema, names: () => DocumentNames): CompletionItem[] {
  const mapping = schemaAt(schema, context.path);
  if (mapping?.properties) {
    return fieldsOf(mapping)
      .filter((f) => !context.siblings.has(f.name))
      .map((f) => ({
        label: f.name,
        apply: f.nested ? `${f.name}:` : `${f.name}: `,
        detail: f.required ? `${f.kind}, required` : f.kind,
        info: f.description || f.kind,
        type: 'property' as const,
      }));
  }
  const key = lastKey(context.path);
  const declared = (list: DeclaredName[], what: string): CompletionItem[] =>
    list.filter((n) => !context.siblings.has(n.name)).map((n) => ({ label: n.name, apply: `${n.name}: `, detail: what, info: n.hint || what, type: 'variable' as const }));
  if (key === 'set') return declared(names().variables, 'variable');
  if (key === 'score') return declared(names().dimensions, 'dimension');
  if (key === 'weights') {
    const builtIn = BUILT_IN_SCORES.map((name) => ({ name, line: 0, hint: 'built-in score' }));
    return declared([...builtIn, ...names().dimensions], 'score');
  }
  return [];
}

function valueItems(context: ValueContext, schema: JsonSchema, names: () => DocumentNames, techniques: readonly TechniqueHelp[]): CompletionItem[] {
  if (context.expression) {
    const variables = names().variables.map((v) => ({ label: v.name, apply: v.name, detail: 'variable', info: v.hint, type: 'variable' as const }));
    const mood = { label: 'mood', apply: 'mood', detail: 'built-in', info: "the customer's mood, 0 (furious) .. 100 (delighted)", type: 'variable' as const };
    const words = EXPRESSION_WORDS.map((w) => ({ label: w, apply: w, detail: 'keyword', info: w, type: 'keyword' as const }));
    return [...variables, mood, ...words];
  }
  if (context.key === 'goto' || context.key === 'start') {
    return [
      ...names().nodes.map((n) => ({ label: n.name, apply: n.name, detail: 'node', info: n.hint || `node on line ${n.line}`, type: 'constant' as const })),
      ...names().endings.map((n) => ({ label: n.name, apply: n.name, detail: 'ending', info: n.hint || `ending on line ${n.line}`, type: 'constant' as const })),
    ];
  }
  if (context.key === 'techniques') {
    return techniques.map((t) => ({ label: t.id, apply: t.id, detail: `${t.kind} practice`, info: t.tip ? `${t.label}: ${t.tip}` : t.label, type: 'constant' as const }));
  }
  return valuesOf(schemaAt(schema, context.path)).map((v) => ({ label: v, apply: v, detail: context.key, info: v, type: 'enum' as const }));
}

function lastKey(path: readonly PathStep[]): string | undefined {
  const step = path[path.length - 1];
  return step && 'key' in step ? step.key : undefined;
}
