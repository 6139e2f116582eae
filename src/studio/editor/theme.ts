import { EditorView } from '@codemirror/view';

/**
 * The editor's look, in the game's palette (the page's custom properties
 * reach into the editor's shadow root). CodeMirror adds these rules as a
 * constructed style sheet of that shadow root, which the page's
 * Content-Security-Policy (`style-src 'self'`) allows: see create-editor.ts.
 */
export const studioTheme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--paper)', color: 'var(--ink)', fontSize: '15px' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace", lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { padding: '8px 0' },
  '.cm-gutters': { backgroundColor: 'var(--paper-2)', color: 'var(--ink-soft)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'var(--ink-wash)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cream)', color: 'var(--ink)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--brand-tint-line)' },
  '.cm-cursor': { borderLeftColor: 'var(--ink)', borderLeftWidth: '2px' },
  '.cm-tooltip': { backgroundColor: 'var(--paper)', color: 'var(--ink)', border: '1px solid var(--line-strong)', borderRadius: '8px', boxShadow: 'var(--shadow)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--brand)', color: 'var(--white)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.85', fontStyle: 'normal', marginLeft: '1em' },
  '.cm-completionInfo': { maxWidth: '340px', padding: '6px 10px' },
  '.cm-studio-help': { maxWidth: '380px', padding: '6px 10px', fontFamily: 'var(--font)', fontSize: '14px' },
  '.cm-studio-help p': { margin: '4px 0 0' },
  '.cm-diagnostic': { fontFamily: 'var(--font)', fontSize: '14px', maxWidth: '520px' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--bad)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--brand)', color: 'var(--white)', borderRadius: '6px', padding: '2px 8px', font: 'inherit' },
  '.cm-diagnosticSource': { color: 'var(--ink-soft)', opacity: '1' },
  // The find/replace panel (Ctrl+F): the page's font and sizes, fields and buttons large enough to read and to hit.
  '.cm-panels': { backgroundColor: 'var(--paper-2)', color: 'var(--ink)', fontFamily: 'var(--font)' },
  '.cm-panels-top': { borderBottom: '1px solid var(--line-strong)' },
  '.cm-panel.cm-search': { padding: '6px 36px 6px 8px', fontSize: '14px' },
  '.cm-panel.cm-search label': { fontSize: '14px' },
  '.cm-textfield': { fontSize: '14px', backgroundColor: 'var(--white)', color: 'var(--ink)', border: '1px solid var(--ink-faint)', borderRadius: '6px', padding: '3px 8px' },
  '.cm-button': { fontSize: '14px', backgroundImage: 'none', backgroundColor: 'var(--paper)', color: 'var(--ink)', border: '1px solid var(--ink-faint)', borderRadius: '6px', padding: '3px 10px' },
  '.cm-panel.cm-search [name=close]': { fontSize: '20px', padding: '0 6px', color: 'var(--ink)', top: '4px' },
  '.cm-panels input:focus-visible, .cm-panels button:focus-visible': { outline: '3px solid var(--focus)', outlineOffset: '1px' },
  '.cm-searchMatch': { backgroundColor: 'var(--notice-line)', outline: '1px solid var(--amber)' },
  '.cm-searchMatch-selected': { backgroundColor: 'var(--accent-tint)', outline: '2px solid var(--accent)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--brand-tint)' },
});
