import { describe, expect, it } from 'vitest';
import { replaceLine, syntaxProblems } from '../helpers.ts';
import { SMALL_SCENARIO } from './small-scenario.ts';

/**
 * After a first YAML mistake the reader's view of the rest of the file is
 * off, so later complaints are reported only when the lines themselves show
 * a mistake (yaml-errors.ts, `shown`). These pin that a real second mistake
 * of each kind still reaches the trainer, with its own message, and how the
 * suggestions quote what the trainer wrote (without trailing spaces).
 */
/** The clean scenario with one line replaced (by one line or several). */
const withLine = (line: number, text: string): string => replaceLine(SMALL_SCENARIO, line, text);

/** The first mistake: line 11 (`goto: e`) one space too deep. */
const FIRST = 'm.yaml:11:10: error: this line is indented 9 spaces but the lines around it use 8 — line it up with "say:" on line 10 [yaml-syntax]';
const withFirstMistakeAnd = (outcomeLines: string): string => withLine(11, '         goto: e').replace('    outcome: lost', outcomeLines);

describe('a second mistake further down, after a first one', () => {
  it.each([
    ['a value starting with "@"', '    outcome: @lost',
      'm.yaml:19:14: error: a value can\'t start with "@" — put the whole value in quotes: "@lost" [yaml-syntax]'],
    ['a "[" never closed', '    outcome: [lost\n    feedback: x',
      'm.yaml:19:14: error: this "[" is never closed — add "]" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]'],
    ['a quote never closed', '    outcome: "lost\n    feedback: x',
      'm.yaml:19:14: error: this quoted text is never closed — add the closing " at the end of the value [yaml-syntax]'],
  ])('is reported as well: %s', (_, lines, second) => {
    expect(syntaxProblems(withFirstMistakeAnd(lines))).toEqual([FIRST, second]);
  });

  it('names a tab-indented line two lines below a mistake, as well as the mistake', () => {
    expect(syntaxProblems(withLine(11, '         goto: e\n        feedback: |\n\t  Good.'))).toEqual([
      FIRST,
      'm.yaml:13:1: error: line 13 is indented with a tab; YAML needs spaces — replace the tab with spaces [yaml-syntax]',
    ]);
  });
});

describe('list items', () => {
  it('blames a list item one space short right after a block of text as a list item, not as text', () => {
    expect(syntaxProblems(withLine(15, '     - No'))).toEqual([
      'm.yaml:15:6: error: this list item is indented 5 spaces but the one above it uses 6 — line it up with the "- " on line 10 [yaml-syntax]',
    ]);
  });

  it('reads "- goto e" as a key without its colon, pointing after the key', () => {
    expect(syntaxProblems(withLine(15, '      - goto e'))).toEqual([
      'm.yaml:15:13: error: this line has no ":" after its key — write "goto: e" [yaml-syntax]',
    ]);
  });
});

describe('the text quoted in a suggestion', () => {
  it('leaves out the spaces after a value that starts with "@"', () => {
    expect(syntaxProblems(withLine(3, 'objectives:\n  - @bob   \ncustomer:'))).toEqual([
      'm.yaml:4:5: error: a value can\'t start with "@" — put the whole value in quotes: "@bob" [yaml-syntax]',
    ]);
  });

  it('leaves out the spaces after a "- " list started on its key\u2019s line', () => {
    expect(syntaxProblems(withLine(8, '    customer: - Hi there   '))).toEqual([
      'm.yaml:8:15: error: a "- " list can\'t start on the same line as its key — put each item on a line of its own below, or put the text in quotes: "- Hi there" [yaml-syntax]',
    ]);
  });
});
