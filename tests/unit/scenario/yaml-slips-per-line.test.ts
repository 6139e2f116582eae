import { describe, expect, it } from 'vitest';
import { syntaxProblems } from '../helpers.ts';

/**
 * One slip on one line of a scenario that uses most of the layouts a
 * trainer writes: a timed node with `onTimeout:`, `set:` and `techniques:`
 * blocks, a block of text, and lists written at their key's own column
 * (`replies:` then `- say:` right under it, `branch:` then `- if:`). Each
 * slip must give one message at the line to change, naming the line to
 * line it up with (yaml-errors.ts: which block a line belongs to, which
 * line of a block is the odd one out, keys that jumped left, missing
 * colons). yaml-layout-messages.test.ts does the same on a smaller
 * scenario whose lists are indented under their keys.
 */
const SCENARIO = [
  'id: x',
  'title: t',
  'customer:',
  '  name: Sam',
  '  mood: 40',
  'variables:',
  '  asked: false',
  'start: a',
  'nodes:',
  '  a:',
  '    customer: Hi',
  '    timeLimit: 10s',
  '    onTimeout:',
  '      mood: -5',
  '      goto: b',
  '    replies:',
  '    - say: Yes',
  '      goto: b',
  '      set:',
  '        asked: true',
  '      feedback: |',
  '        Good.',
  '        Well done.',
  '    - say: No',
  '      goto: e',
  '      techniques:',
  '        - acknowledge',
  '  b:',
  '    branch:',
  '    - if: asked',
  '      goto: e',
  '    - goto: a',
  'endings:',
  '  e:',
  '    outcome: lost',
  '    feedback: Bye.',
  '',
].join('\n');

/** The scenario (or `from`) with one line replaced. */
const withLine = (line: number, text: string, from = SCENARIO): string => {
  const lines = from.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

describe('the scenario as written', () => {
  it('reads without a syntax problem', () => {
    expect(syntaxProblems(SCENARIO)).toEqual([]);
  });
});

describe('one slip, one message at the line to change', () => {
  it.each<[string, number, string, string]>([
    ['a top-level key without its colon', 1, 'id x',
      'm.yaml:1:3: error: this line has no ":" after its key — write "id: x" [yaml-syntax]'],
    ['the second top-level key one space in', 2, ' title: t',
      'm.yaml:2:2: error: this line is indented 1 space but the lines around it use 0 — line it up with "id:" on line 1 [yaml-syntax]'],
    ['a top-level key that opens a block, one space in', 6, ' variables:',
      'm.yaml:6:2: error: this line is indented 1 space but the lines around it use 0 — line it up with "customer:" on line 3 [yaml-syntax]'],
    ['a node id moved to the left margin', 10, 'a:',
      'm.yaml:10:1: error: this line is indented 0 spaces but the lines around it use 2 — line it up with "b:" on line 28 [yaml-syntax]'],
    ['a node id one space short', 28, ' b:',
      'm.yaml:28:2: error: this line is indented 1 space but the lines around it use 2 — line it up with "a:" on line 10 [yaml-syntax]'],
    ['a node id one space over', 28, '   b:',
      'm.yaml:28:4: error: this line is indented 3 spaces but the lines around it use 2 — line it up with "a:" on line 10 [yaml-syntax]'],
    ['a key among a node\u2019s keys one space short', 12, '   timeLimit: 10s',
      'm.yaml:12:4: error: this line is indented 3 spaces but the lines around it use 4 — line it up with "customer:" on line 11 [yaml-syntax]'],
    ['a key that opens a block, one space short', 13, '   onTimeout:',
      'm.yaml:13:4: error: this line is indented 3 spaces but the lines around it use 4 — line it up with "timeLimit:" on line 12 [yaml-syntax]'],
    ['a key that opens a block, without its colon', 13, '    onTimeout',
      'm.yaml:13:14: error: this line has no ":" after its key — write "onTimeout:" [yaml-syntax]'],
    ['the first key of a block one space over', 14, '       mood: -5',
      'm.yaml:14:8: error: this line is indented 7 spaces but the lines around it use 6 — line it up with "goto:" on line 15 [yaml-syntax]'],
    ['a "- " item at its key\u2019s column, one space short', 17, '   - say: Yes',
      'm.yaml:17:4: error: this line is indented 3 spaces but the lines around it use 4 — line it up with "replies:" on line 16 [yaml-syntax]'],
    ['a key of a list item one space short', 18, '     goto: b',
      'm.yaml:18:6: error: this line is indented 5 spaces but the lines around it use 6 — line it up with "say:" on line 17 [yaml-syntax]'],
    ['"set:" without its colon', 19, '      set',
      'm.yaml:19:10: error: this line has no ":" after its key — write "set:" [yaml-syntax]'],
    ['a line of block text indented with a tab', 22, '\tGood.',
      'm.yaml:22:1: error: line 22 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]'],
    ['"- say No" for "- say: No"', 24, '    - say No',
      'm.yaml:24:10: error: this line has no ":" after its key — write "say: No" [yaml-syntax]'],
    ['a key two spaces too deep under a key that has a value', 26, '        techniques:',
      'm.yaml:26:9: error: this line is indented 8 spaces but the lines around it use 6 — line it up with "goto:" on line 25 [yaml-syntax]'],
    ['the first "- if:" of a branch one space short', 30, '   - if: asked',
      'm.yaml:30:4: error: this line is indented 3 spaces but the lines around it use 4 — line it up with "branch:" on line 29 [yaml-syntax]'],
    ['the first "- if:" of a branch one space over', 30, '     - if: asked',
      'm.yaml:30:6: error: this list item is indented 5 spaces but the lines under it fit one at 4 — move the "- " to 4 spaces, so "if:" lines up with "goto:" on line 31 [yaml-syntax]'],
    ['the last "- goto:" of a branch one space short', 32, '   - goto: a',
      'm.yaml:32:4: error: this list item is indented 3 spaces but the one above it uses 4 — line it up with the "- " on line 30 [yaml-syntax]'],
    ['the last "- goto:" of a branch one space over', 32, '     - goto: a',
      'm.yaml:32:6: error: this list item is indented 5 spaces but the one above it uses 4 — line it up with the "- " on line 30 [yaml-syntax]'],
    ['the last key of the file two spaces over', 36, '      feedback: Bye.',
      'm.yaml:36:7: error: this line is indented 6 spaces but the lines around it use 4 — line it up with "outcome:" on line 35 [yaml-syntax]'],
  ])('%s', (_name, line, text, message) => {
    expect(syntaxProblems(withLine(line, text))).toEqual([message]);
  });

  it('blames a key moved under a key that has a value on its line, with a list under it', () => {
    const text = ['id: x', 'title: t', 'customer:', '  name: Sam', 'start: a', 'nodes:', '  a:', '    customer: Hi', '      replies:',
      '      - say: Yes', '        goto: e', 'endings:', '  e:', '    outcome: lost', ''].join('\n');
    expect(syntaxProblems(text)).toEqual([
      'm.yaml:9:7: error: this line is indented 6 spaces but the lines around it use 4 — line it up with "customer:" on line 8 [yaml-syntax]',
    ]);
  });
});

// Two slips the fourth mutation round found (docs/quality.md), fixed in yaml-errors.ts.
describe('a YAML slip, in a trainer\'s words', () => {
  it('gives each message once', () => {
    const problems = syntaxProblems(withLine(16, '   replies:', withLine(17, '   - say: Yes')));
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems).size).toBe(problems.length);
  });

  it('asks for "branch:" when the "- " items under it sit at its own column', () => {
    expect(syntaxProblems(withLine(29, '    branch'))).toEqual(['m.yaml:29:11: error: this line has no ":" after its key — write "branch:" [yaml-syntax]']);
  });
});
