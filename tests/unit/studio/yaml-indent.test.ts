import { indentLess, indentMore, insertNewlineAndIndent } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorSelection, EditorState, type StateCommand } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { newScenarioText } from '../../../src/studio/files/template.ts';
import { indentAfter, yamlIndentation } from '../../../src/studio/editor/yaml-indent.ts';

const TEMPLATE = newScenarioText('late-parcel');

/** The template in an editor state as the studio configures it, with the cursor at the end of the first line reading `line`. */
function stateAtEndOf(line: string, doc = TEMPLATE): EditorState {
  const at = doc.indexOf(`${line}\n`);
  if (at < 0) throw new Error(`no line ${JSON.stringify(line)} in the text`);
  const state = EditorState.create({ doc, selection: EditorSelection.cursor(at + line.length), extensions: [yamlIndentation(), yaml()] });
  ensureSyntaxTree(state, state.doc.length, 5_000);
  return state;
}

/** Runs one of CodeMirror's commands (as its key binding does) and returns the new state. */
function run(command: StateCommand, state: EditorState): EditorState {
  let next = state;
  expect(command({ state, dispatch: (tr) => (next = tr.state) })).toBe(true);
  return next;
}

/** The text of the cursor's line. */
const cursorLine = (state: EditorState): string => state.doc.lineAt(state.selection.main.head).text;

describe('Enter in a scenario file (CodeMirror insertNewlineAndIndent with the studio indentation)', () => {
  it('indents one level under a key with no value yet', () => {
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf('customer:')))).toBe('  ');
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf('    replies:')))).toBe('      ');
  });

  it('keeps the indentation after a field with a value', () => {
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf('  name: Sam')))).toBe('  ');
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf('title: A parcel that never came')))).toBe('');
  });

  it('lines the next field up with the key of a `- say:` item', () => {
    const say = "      - say: I'm sorry it hasn't reached you. Can we check the address together?";
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf(say)))).toBe('        ');
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf('      - if: mood >= 50')))).toBe('        ');
  });

  it('indents the lines of a block of text under `|`', () => {
    const doc = TEMPLATE.replace('feedback: Sam heard reasons, not a plan.', 'feedback: |');
    expect(cursorLine(run(insertNewlineAndIndent, stateAtEndOf('    feedback: |', doc)))).toBe('      ');
  });

  it('splits a line after `key:` with the rest one level deeper, as the key\'s value', () => {
    const state = stateAtEndOf('  name: Sam');
    const split = run(insertNewlineAndIndent, state.update({ selection: EditorSelection.cursor(state.selection.main.head - ' Sam'.length) }).state);
    expect(cursorLine(split)).toBe('    Sam');
    expect(split.doc.toString()).toContain('  name:\n    Sam\n');
  });
});

describe('Tab and Shift+Tab (CodeMirror indentMore / indentLess with the studio unit)', () => {
  it('moves the cursor line two spaces deeper, and back', () => {
    const deeper = run(indentMore, stateAtEndOf('  name: Sam'));
    expect(cursorLine(deeper)).toBe('    name: Sam');
    expect(cursorLine(run(indentLess, deeper))).toBe('  name: Sam');
  });
});

describe('indentAfter', () => {
  it('reads the structure the line opens, not just its spaces', () => {
    expect(indentAfter('nodes:')).toBe(2);
    expect(indentAfter('  opening:   # the first node')).toBe(4);
    expect(indentAfter('    - goto: unhappy')).toBe(6);
    expect(indentAfter('    text: >-')).toBe(6);
    expect(indentAfter('      plain words of a folded value')).toBe(6);
    expect(indentAfter('')).toBe(0);
  });
});
