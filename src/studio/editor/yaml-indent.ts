/**
 * Where Enter puts the cursor in a scenario file. CodeMirror's Enter
 * (`insertNewlineAndIndent` from @codemirror/commands) asks the language
 * for the new line's indentation; @codemirror/lang-yaml answers "the
 * column of the mapping's keys", so after `customer:` the next line would
 * start at the left margin, and trainers would have to indent every nested
 * field by hand. This indentation service answers for a new line only
 * (Enter): re-indenting existing lines is left to lang-yaml's rules.
 */
import { indentService, indentUnit } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { levelsOf, startsBlockText } from '../completion/yaml-outline.ts';

/** YAML indents with spaces; the studio uses two, like the shipped scenarios. */
export const INDENT = '  ';

/**
 * The column a new line starts at, after `before` (the text left of the
 * cursor): under a key with no value yet (or a `|` / `>` block of text),
 * one level deeper; after a `- key: value` item, at the item's key, so its
 * next field lines up; otherwise at the same indentation.
 *
 * @example indentAfter('customer:') // 2
 * @example indentAfter('      - say: Hello') // 8
 */
export function indentAfter(before: string): number {
  const levels = levelsOf(before);
  const last = levels[levels.length - 1];
  if (!last) return /^ */.exec(before)![0].length;
  if (last.kind === 'key' && (last.value === '' || startsBlockText(last.value))) return last.column + INDENT.length;
  return last.column;
}

/** Two-space indentation, and Enter indenting for what the line above opened. */
export function yamlIndentation(): Extension {
  return [
    indentUnit.of(INDENT),
    indentService.of((context, pos) => {
      // Only a line break being inserted at `pos` (Enter); inside `{ }` or `[ ]` lang-yaml's own rule lines things up.
      if (context.simulatedBreak !== pos) return undefined;
      const before = context.lineAt(pos, -1).text;
      if (/[[{,]\s*$/.test(before)) return undefined;
      return indentAfter(before);
    }),
  ];
}
