import { autocompletion } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import type { TechniqueHelp } from '../completion/scenario-completions.ts';
import { scenarioCompletionSource } from './completion-source.ts';
import { scenarioHoverHelp } from './hover-tooltip.ts';
import { studioTheme } from './theme.ts';
import { INDENT, yamlIndentation } from './yaml-indent.ts';

/** The studio's editor: a CodeMirror view with a way to load a file and to switch editing off (phones). */
export interface StudioEditor {
  view: EditorView;
  /** Shows another file, with a fresh undo history. */
  load(text: string): void;
  setReadOnly(readOnly: boolean): void;
}

/** What the editor needs from the rest of the studio. */
export interface EditorOptions {
  host: HTMLElement;
  text: string;
  readOnly: boolean;
  /** The accessible name of the text area. */
  label: string;
  /** The catalogue, for completion and hover (it arrives from the lint worker). */
  techniques: () => readonly TechniqueHelp[];
  /** More extensions (the live lint, the draft keeper). */
  extensions: Extension[];
}

/**
 * Creates the editor inside a shadow root of `host`. CodeMirror styles
 * itself by adding `<style>` elements to the document, which the built
 * page's Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline')
 * refuses; inside a shadow root it uses a constructed style sheet
 * (adoptedStyleSheets) instead, which the policy does not restrict. That
 * keeps the studio under the game's own policy, with no nonce.
 */
export function createEditor(options: EditorOptions): StudioEditor {
  const shadow = options.host.attachShadow({ mode: 'open' });
  const editable = new Compartment();
  const editing = (readOnly: boolean): Extension => [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
  const stateFor = (text: string, readOnly: boolean): EditorState =>
    EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        EditorState.tabSize.of(INDENT.length),
        yamlIndentation(),
        yaml(),
        history(),
        // Find and replace (Ctrl+F), in a panel above the text: the browser's own find sees only the lines on screen.
        search({ top: true }),
        highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle),
        bracketMatching(),
        autocompletion({ override: [scenarioCompletionSource(options.techniques)], icons: false }),
        scenarioHoverHelp(options.techniques),
        lintGutter(),
        // CodeMirror's standard keys (Enter indents through yamlIndentation, Ctrl+End and Page Down move through the
        // whole file, not just the lines drawn), undo/redo, find/replace and problems. Tab indents: Escape then Tab,
        // or Ctrl+M (tab-focus mode, in defaultKeymap), lets a keyboard user leave the editor.
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
        studioTheme,
        // tabindex: the text stays reachable by Tab when it is read-only (a phone), where it is not contenteditable.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        editable.of(editing(readOnly)),
        ...options.extensions,
      ],
    });
  let readOnly = options.readOnly;
  const view = new EditorView({ state: stateFor(options.text, readOnly), parent: shadow });
  return {
    view,
    load(text) {
      view.setState(stateFor(text, readOnly));
    },
    setReadOnly(value) {
      readOnly = value;
      view.dispatch({ effects: editable.reconfigure(editing(value)) });
    },
  };
}
