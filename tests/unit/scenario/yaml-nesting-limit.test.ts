import { describe, expect, it } from 'vitest';
import { checkScenario, type Problem } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * The nesting limit of the careful YAML reader (source.ts): a file nested
 * more than 100 levels deep is refused before the reader recurses into it,
 * pointing at the line and column where the 101st level opens. The count
 * takes indented blocks (the top-level keys are level 1), "- " items opened
 * on one line, and "[" / "{" open outside quotes and comments.
 *
 * The limit is checked on the careful path only: the fast reader takes a
 * clean file whole, so each file here carries an anchor (`&title`), which
 * always sends a file the careful way (its aliases are counted there).
 */
const BASE = `id: late-delivery
title: &title Late delivery
customer:
  name: Priya
  mood: 35
start: opening
nodes:
  opening:
    customer: My parcel was due on Monday and it still hasn't come.
    replies:
      - say: I'm sorry it's late. Can I take the order number?
        tact: 2
        goto: resolved
endings:
  resolved:
    customer: Thanks, that's a relief.
    outcome: satisfied
`;
/** The line the text appended to BASE starts on. */
const NEXT = BASE.split('\n').length;

const MESSAGE = 'this is nested more than 100 levels deep ("[", "{", "- " items or indented blocks); a scenario needs only a few — look for a run of brackets or lines indented further and further';

/** The nesting problem for BASE followed by `extra`, or undefined when the file is deep enough to read. */
function nestingProblem(extra: string): Problem | undefined {
  const problems = checkScenario('deep.yaml', BASE + extra, catalogue).problems;
  const deep = problems.filter((p) => p.message.includes('nested more than'));
  expect(deep.length).toBeLessThanOrEqual(1);
  return deep[0];
}
const refusedAt = (line: number, column: number): Problem => ({ file: 'deep.yaml', line, column, severity: 'error', rule: 'yaml-syntax', message: MESSAGE });

/** `n` keys, each indented one space more than the one above. */
const keyStaircase = (n: number, indent = (i: number) => ' '.repeat(i)): string[] => Array.from({ length: n }, (_, i) => `${indent(i)}k${i}:`);

describe('the nesting limit of 100 levels', () => {
  it('reads "[" opened 99 deep under a top-level key and refuses the 100th at its column', () => {
    expect(nestingProblem(`tags: ${'['.repeat(99)}${']'.repeat(99)}\n`)).toBeUndefined();
    expect(nestingProblem(`tags: ${'['.repeat(100)}${']'.repeat(100)}\n`)).toEqual(refusedAt(NEXT, 'tags: '.length + 100));
  });

  it('counts "{" as "[" is counted', () => {
    const open = (n: number): string => `tags: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`;
    expect(nestingProblem(open(99))).toBeUndefined();
    expect(nestingProblem(open(100))).toEqual(refusedAt(NEXT, 'tags: '.length + 4 * 99 + 1));
  });

  it('counts a bracket once it is closed no more: text between the brackets does not close them', () => {
    const list = (n: number): string => `tags: ${'[a, '.repeat(n)}z${']'.repeat(n)}\n`;
    expect(nestingProblem(list(99))).toBeUndefined();
    expect(nestingProblem(list(100))).toEqual(refusedAt(NEXT, 'tags: '.length + 4 * 99 + 1));
  });

  it('lets closed brackets go: a long flat list of small mappings or lists is not deep', () => {
    expect(nestingProblem(`tags: [${Array.from({ length: 120 }, () => '{a: 1}').join(', ')}]\n`)).toBeUndefined();
    expect(nestingProblem(`tags: [${Array.from({ length: 120 }, () => '[a]').join(', ')}]\n`)).toBeUndefined();
  });

  it('refuses keys indented further and further on the line of the 101st level', () => {
    expect(nestingProblem(`${keyStaircase(100).join('\n')} x\n`)).toBeUndefined();
    expect(nestingProblem(`${keyStaircase(101).join('\n')} x\n`)).toEqual(refusedAt(NEXT + 100, 101));
  });

  it('counts "- " items opened on one line, with one space or more after each "-"', () => {
    expect(nestingProblem(`tags:\n${'- '.repeat(99)}x\n`)).toBeUndefined();
    expect(nestingProblem(`tags:\n${'- '.repeat(100)}x\n`)).toEqual(refusedAt(NEXT + 1, 1));
    expect(nestingProblem(`tags:\n${'-  '.repeat(99)}x\n`)).toBeUndefined();
    expect(nestingProblem(`tags:\n${'-  '.repeat(100)}x\n`)).toEqual(refusedAt(NEXT + 1, 1));
  });

  it('adds "- " items and brackets on the same line to the blocks around them', () => {
    // Level 1 is "tags:", 50 items, then brackets: the 50th "[" is level 101.
    expect(nestingProblem(`tags:\n${'- '.repeat(50)}${'['.repeat(49)}${']'.repeat(49)}\n`)).toBeUndefined();
    expect(nestingProblem(`tags:\n${'- '.repeat(50)}${'['.repeat(50)}${']'.repeat(50)}\n`)).toEqual(refusedAt(NEXT + 1, 100 + 50));
    // 60 indented blocks, then 40 brackets: the 41st is level 101.
    const stairs = keyStaircase(60);
    expect(nestingProblem(`${stairs.join('\n')} ${'['.repeat(40)}${']'.repeat(40)}\n`)).toBeUndefined();
    expect(nestingProblem(`${stairs.join('\n')} ${'['.repeat(41)}${']'.repeat(41)}\n`)).toEqual(refusedAt(NEXT + 59, 59 + 'k59: '.length + 41));
  });

  it('counts the blocks and the "- " item a bracket sits in: 60 blocks, one item and 40 brackets are too deep, 41 brackets alone are not', () => {
    expect(nestingProblem(`tags: ${'['.repeat(41)}${']'.repeat(41)}\n`)).toBeUndefined();
    const stairs = keyStaircase(59);
    expect(nestingProblem(`${stairs.join('\n')}\n${' '.repeat(59)}- ${'['.repeat(40)}${']'.repeat(40)}\n`)).toEqual(refusedAt(NEXT + 59, 59 + '- '.length + 40));
  });

  it('does not count a block that ends: a line back at an outer key closes the blocks below it', () => {
    // Two staircases of 60 one after the other are 60 deep, not 120.
    const stairs = `${keyStaircase(60).join('\n')} x\n`;
    expect(nestingProblem(stairs + stairs.replace(/k/g, 'j'))).toBeUndefined();
  });

  it('takes lines at the same indentation as one level: a file with 120 nodes is not deep', () => {
    const many = Array.from({ length: 120 }, (_, i) => `  n${i}:\n    customer: Hello.\n    replies:\n      - say: Hi.\n        goto: resolved`).join('\n');
    expect(nestingProblem(`more:\n${many}\n`)).toBeUndefined();
  });

  it('does not let blank lines, comment lines or Windows line ends break a run of deeper and deeper lines', () => {
    const stairs = keyStaircase(101);
    const refusal = refusedAt(NEXT + 101, 101);
    const withLine = (line: string): string => `${[...stairs.slice(0, 50), line, ...stairs.slice(50)].join('\n')} x\n`;
    expect(nestingProblem(withLine(''))).toEqual(refusal);
    expect(nestingProblem(withLine('  # a comment, indented'))).toEqual(refusal);
    expect(nestingProblem(withLine('# a comment'))).toEqual(refusal);
    expect(nestingProblem(withLine('  \t'))).toEqual(refusal);
    const windows = `${[...stairs.slice(0, 50), '', ...stairs.slice(50)].join('\r\n')} x\r\n`;
    expect(nestingProblem(windows)).toEqual(refusal);
  });

  it('does not count the lines inside a "[" list written over several lines as blocks', () => {
    const stairs = keyStaircase(99);
    // 99 blocks and one "[" make 100; the items below, indented further, stay inside the "[".
    const items = Array.from({ length: 3 }, (_, i) => `${' '.repeat(100 + i)}item${i},`).join('\n');
    expect(nestingProblem(`${stairs.join('\n')} [\n${items}\n${' '.repeat(100)}]\n`)).toBeUndefined();
  });

  it('ignores "[" and "{" inside quoted text, in both kinds of quote', () => {
    const texts = ['"[[[ note {{{"', "'[[[ note {{{'", '"a[b"', "'a{b'", '"it\'s [x"', "'say \"[\" here'"];
    for (const text of texts) {
      expect(nestingProblem(`tags: ${'['.repeat(99)}${text}${']'.repeat(99)}\n`), text).toBeUndefined();
    }
  });

  it('counts brackets again after the quoted text closes', () => {
    expect(nestingProblem(`tags: ["x", ${'['.repeat(99)}${']'.repeat(99)}]\n`)).toEqual(refusedAt(NEXT, 'tags: ["x", '.length + 99));
    expect(nestingProblem(`tags: ['x', ${'['.repeat(99)}${']'.repeat(99)}]\n`)).toEqual(refusedAt(NEXT, "tags: ['x', ".length + 99));
  });

  it('ignores brackets in comments: after " #", and on a comment line at the left margin', () => {
    expect(nestingProblem(`tags: ${'['.repeat(99)}${']'.repeat(99)} # ${'['.repeat(10)}\n`)).toBeUndefined();
    expect(nestingProblem(`tags: ${'['.repeat(99)}${']'.repeat(99)} #${'['.repeat(10)}\n`)).toBeUndefined();
    expect(nestingProblem(`#${'['.repeat(120)}\ntags: []\n`)).toBeUndefined();
    expect(nestingProblem(`# ${'['.repeat(120)}\ntags: []\n`)).toBeUndefined();
  });

  it('counts a "#" inside a word as text, not as the start of a comment', () => {
    expect(nestingProblem(`tags: [a#b, ${'['.repeat(99)}${']'.repeat(99)}]\n`)).toEqual(refusedAt(NEXT, 'tags: [a#b, '.length + 99));
  });

  it('does not let a stray "]" in plain text hide deeper nesting further down', () => {
    const stray = 'summary: Order 12] was late\n';
    expect(nestingProblem(`${stray}tags: ${'['.repeat(100)}${']'.repeat(100)}\n`)).toEqual(refusedAt(NEXT + 1, 'tags: '.length + 100));
    expect(nestingProblem(`${stray}${keyStaircase(101).join('\n')} x\n`)).toEqual(refusedAt(NEXT + 101, 101));
  });
});
