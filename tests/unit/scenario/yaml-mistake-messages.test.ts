import { describe, expect, it } from 'vitest';
import { syntaxProblems } from '../helpers.ts';

/**
 * The exact message, line and column for each kind of YAML mistake the
 * syntax reader names (src/scenario/yaml-errors.ts), beyond the fixtures of
 * yaml-mistakes.test.ts: what the trainer reads is the whole message, so the
 * whole message is pinned.
 */
const HEAD = 'id: x\ntitle: t\ncustomer: { name: Sam }\nstart: a\nnodes:\n  a:\n';

describe('a value YAML reads as something else', () => {
  it.each([
    ['a backslash in double quotes', '    customer: "C:\\qpath"\n',
      'm.yaml:7:18: error: inside "double quotes" a backslash starts a special character such as \\n — write \\\\ for a backslash, or use single quotes [yaml-syntax]'],
    ['two anchors on one value', '    customer: &a &b x\n',
      'm.yaml:7:18: error: "&" and "*" at the start of a value mark YAML anchors and aliases — put the whole value in quotes [yaml-syntax]'],
    ['a value starting with a backtick', '    customer: `tick\n',
      'm.yaml:7:15: error: a value can\'t start with "`" — put the whole value in quotes: "`tick" [yaml-syntax]'],
    ['a value starting with "%"', '    customer: %x\n',
      'm.yaml:7:15: error: a value can\'t start with "%" — put the whole value in quotes: "%x" [yaml-syntax]'],
    ['a list started on the key\u2019s line', '    replies: - say: hi\n',
      'm.yaml:7:14: error: a "- " list can\'t start on the same line as its key — put each item on a line of its own below, or put the text in quotes: "- say: hi" [yaml-syntax]'],
    ['": " inside a value', '    customer: a\n    b c d: e: f\n',
      'm.yaml:8:12: error: this value contains ": ", which YAML reads as the start of another key — put the whole value in quotes: b c d: "e: f" [yaml-syntax]'],
  ])('%s', (_, body, message) => {
    expect(syntaxProblems(HEAD + body)).toEqual([message]);
  });
});

describe('text after a value that ended early', () => {
  it.each([
    ['a double quote inside double quotes', '    customer: "He said "hi" to me"\n',
      'm.yaml:7:25: error: a " inside "double quotes" ends the text early — write \\" for a quote inside, or use single quotes: \'He said "hi" to me\' [yaml-syntax]'],
    ['text after closing double quotes', '    customer: "abc" def\n',
      'm.yaml:7:21: error: there is text after the closing " — put the whole value in quotes: \'"abc" def\' [yaml-syntax]'],
    ['an apostrophe in single quotes', "    customer: 'abc' def\n",
      "m.yaml:7:21: error: the apostrophe ends the text in single quotes early — write it as two single quotes (''), or put the whole value in double quotes [yaml-syntax]"],
    ['a list followed by text', '    customer: [a, b] and more\n',
      'm.yaml:7:22: error: a value starting with "[" is read as a list — put the whole value in quotes: "[a, b] and more" [yaml-syntax]'],
    ['a set of keys followed by text', '    customer: {a: b} and more\n',
      'm.yaml:7:22: error: a value starting with "{" is read as a set of keys — put the whole value in quotes: "{a: b} and more" [yaml-syntax]'],
    ['an alias followed by text', '    customer: *a b c\n',
      'm.yaml:7:18: error: a value starting with "*" is read as a YAML alias — put the whole value in quotes: "*a b c" [yaml-syntax]'],
  ])('%s', (_, body, message) => {
    expect(syntaxProblems(HEAD + body)).toEqual([message]);
  });
});

describe('brackets, documents and nesting', () => {
  it('points at the "[" left open, not at a later one closed on its own line', () => {
    expect(syntaxProblems(`${HEAD}    customer: [a, b\n    replies: []\nendings: {}\n`)).toEqual([
      'm.yaml:7:15: error: this "[" is never closed — add "]" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]',
    ]);
  });

  it('points at a "{" never closed, saying it is a map', () => {
    expect(syntaxProblems(`${HEAD}    customer: { a: b\n    replies: []\nendings: {}\n`)).toEqual([
      'm.yaml:7:15: error: this "{" is never closed — add "}" at the end of the map, or put the whole value in quotes if it is text [yaml-syntax]',
    ]);
  });

  it('names a second document at its "---" line', () => {
    expect(syntaxProblems('id: x\n---\nid: y\n')).toEqual([
      'm.yaml:2:1: error: a scenario file holds one scenario, but a "---" line starts a second one here — remove it, or move what follows to a file of its own [yaml-syntax]',
    ]);
  });
});

describe('lines out of place', () => {
  it.each([
    ['a key without a colon, opening a block', '    replies\n      - say: a\n',
      'm.yaml:7:12: error: this line has no ":" after its key — write "replies:" [yaml-syntax]'],
    ['a last line without a colon', '    customer: x\n    replies\n',
      'm.yaml:8:12: error: this line has no ":" — write "replies: " and a value, or join it to the line above [yaml-syntax]'],
    ['keys under "- say hello"', '    replies:\n      - say hello\n        goto: b\n',
      'm.yaml:8:12: error: this line has no ":" after its key — write "say: hello" [yaml-syntax]'],
    ['a list item among keys', '    customer: x\n    - say: b\n',
      'm.yaml:8:5: error: this "- " list item is in the same block as "customer:" on line 7; a block holds either "key: value" lines or "- " items, not both — move "customer:" out, or put the items under a key of their own [yaml-syntax]'],
    ['the first of three list items one space over', '    replies:\n       - say: a\n      - say: b\n      - say: c\n',
      'm.yaml:8:8: error: this list item is indented 7 spaces but the ones below it use 6 — line it up with the "- " on line 9 [yaml-syntax]'],
    ['a line of block text less indented than its first line', '    customer: |\n      line one\n     line two\n',
      'm.yaml:9:6: error: this line is indented less than the first line of the text under "customer:" on line 7 — YAML takes the text\'s indentation from its first line, so line them up [yaml-syntax]'],
    ['a key under a list item, out of line', '    replies:\n      - say: a\n      goto: b\n',
      'm.yaml:9:7: error: this line is indented 6 spaces but the lines around it use 8 — line it up with "say:" on line 8 [yaml-syntax]'],
  ])('%s', (_, body, message) => {
    expect(syntaxProblems(HEAD + body)).toEqual([message]);
  });

  it('counts one more tab-indented line below in the singular', () => {
    expect(syntaxProblems(`${HEAD}    customer: hi\n\treplies: []\n\tx: 1\n`)).toEqual([
      'm.yaml:8:1: error: line 8 is indented with a tab; YAML needs spaces — replace the tab with spaces (1 more line below starts with a tab too) [yaml-syntax]',
    ]);
  });
});
