import { describe, expect, it } from 'vitest';
import { syntaxProblems } from '../helpers.ts';

/**
 * Which "[" a trainer is sent to when a list is never closed
 * (yaml-errors.ts, `unclosedBracket`): the last one the line opens and does
 * not close, counting brackets as YAML reads them — not inside quoted text,
 * not in a comment, and with an apostrophe inside a word taken as a letter.
 */
const CLEAN = [
  'id: x',
  'title: t',
  'customer:',
  '  name: Sam',
  'start: a',
  'nodes:',
  '  a:',
  '    customer: Hi',
  '    replies:',
  '      - say: Yes',
  '        goto: e',
  'endings:',
  '  e:',
  '    outcome: lost',
  '',
].join('\n');

/** The clean scenario with line 8 (`customer: Hi`) replaced by `text`. */
const withCustomerLine = (text: string): string => CLEAN.replace('    customer: Hi', text);
const neverClosedAt = (position: string): string[] =>
  [`m.yaml:${position}: error: this "[" is never closed — add "]" at the end of the list, or put the whole value in quotes if it is text [yaml-syntax]`];

describe('the "[" named when a list is never closed', () => {
  it('is the inner one when a list inside a list is left open after a quoted item', () => {
    expect(syntaxProblems(withCustomerLine("    customer: ['a', [b, c\n    replies: []"))).toEqual(neverClosedAt('8:21'));
  });

  it('is the list\u2019s own "[" when a quoted item holds a "[" (after "[", or after ", ")', () => {
    expect(syntaxProblems(withCustomerLine("    customer: ['a[b', c\n    replies: []"))).toEqual(neverClosedAt('8:15'));
    expect(syntaxProblems(withCustomerLine("    customer: [a, 'b[c'\n    replies: []"))).toEqual(neverClosedAt('8:15'));
  });

  it('takes an apostrophe inside a word as a letter, so a "[" after it still counts', () => {
    expect(syntaxProblems(withCustomerLine("    customer: [don't, [b, c\n    replies: []"))).toEqual(neverClosedAt('8:23'));
  });

  it('passes over a "[" in a comment below the list: at the left margin, or right after " #"', () => {
    expect(syntaxProblems(withCustomerLine('    customer: [a, b\n# a note [x\n    replies: []'))).toEqual(neverClosedAt('8:15'));
    expect(syntaxProblems(withCustomerLine('    customer: [a, b\n    emotion: x #[see\n    replies: []'))).toEqual(neverClosedAt('8:15'));
  });
});
