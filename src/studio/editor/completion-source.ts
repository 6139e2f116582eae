import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { completionsAt, type TechniqueHelp } from '../completion/scenario-completions.ts';

/**
 * CodeMirror's view of the scenario completions: field names as the
 * trainer starts a line, and values after `goto:`, `techniques:`, `if:`…
 * A new empty line offers nothing until asked (Ctrl-Space) or typed into,
 * so the list does not pop up on every Enter.
 */
export function scenarioCompletionSource(techniques: () => readonly TechniqueHelp[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const found = completionsAt(context.state.doc, line.number, context.pos - line.from, techniques());
    if (!found || found.items.length === 0) return null;
    if (!context.explicit && found.word === '' && found.position === 'key') return null;
    return {
      from: found.from,
      options: found.items.map((item) => ({ label: item.label, apply: item.apply, detail: item.detail, info: item.info, type: item.type })),
      validFor: /^[\w-]*$/,
    };
  };
}
