import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario, type Problem } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * YAML mistakes a trainer makes in a text editor, one fixture each under
 * tests/fixtures/lint/yaml/ (positions in expected.json): each must give
 * one message, in a trainer's words, saying what to change.
 */
const problemsIn = (text: string): Problem[] => checkScenario('x.yaml', text, catalogue).problems;
const fixture = (name: string): string => readFileSync(`tests/fixtures/lint/yaml/${name}.yaml`, 'utf8');
const only = (text: string): Problem => {
  const problems = problemsIn(text);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

/** Words from the YAML reader's own vocabulary, which mean nothing to a trainer. */
const JARGON = /mapping|scalar|implicit|compact|flow|token|indicator|block-seq|collection|node end/i;

describe('YAML mistakes, in a trainer\u2019s words', () => {
  it.each([
    ['tab-indent', 'line 12 is indented with a tab; YAML needs spaces — replace the tab with spaces'],
    ['one-space-short', 'this line is indented 7 spaces but the lines around it use 8 — line it up with "say:" on line 11'],
    ['one-space-over', 'this line is indented 9 spaces but the lines around it use 8 — line it up with "say:" on line 11'],
    ['first-line-of-block-off', 'this line is indented 3 spaces but the lines around it use 4 — line it up with "replies:" on line 10'],
    ['list-item-too-shallow', 'this list item is indented 4 spaces but the one above it uses 6 — line it up with the "- " on line 11'],
    ['list-item-among-keys', 'a block holds either "key: value" lines or "- " items, not both'],
    ['dash-without-space', 'put a space after "-" to start a list item — write "- say:"'],
    ['missing-colon', 'this line has no ":" after its key — write "goto: resolved"'],
    ['no-space-after-colon', 'put a space after ":" — write "goto: resolved"'],
    ['colon-in-value', 'put the whole value in quotes: customer: "Listen: my parcel was due on Monday."'],
    ['value-and-block', '"customer:" has a value on its line and an indented block under it (line 4)'],
    ['unclosed-double-quote', 'this quoted text is never closed — add the closing " at the end of the value'],
    ['unclosed-single-quote', 'add the closing \' at the end of the value'],
    ['apostrophe-in-single-quotes', 'the apostrophe ends the text in single quotes early — write it as two single quotes'],
    ['text-after-quote', 'there is text after the closing " — put the whole value in quotes: \'"Often" late this time of year.\''],
    ['unclosed-bracket', 'this "[" is never closed — add "]" at the end of the list'],
    ['reserved-first-character', 'a value can\'t start with "@" — put the whole value in quotes: "@courier will sort it out."'],
    ['second-document', 'a "---" line starts a second one here'],
    ['block-text-dedent', 'this line is indented less than the text under "feedback:" on line 16'],
  ])('%s gives one message saying what to change', (name, message) => {
    const problem = only(fixture(name));
    expect(problem.rule).toBe('yaml-syntax');
    expect(problem.message).toContain(message);
    expect(problem.message).not.toMatch(JARGON);
  });

  it('points at the tab itself, after any spaces before it', () => {
    const text = fixture('tab-indent').replace('\ttact: 2', '    \t  tact: 2');
    expect(only(text)).toMatchObject({ line: 12, column: 5 });
  });

  it('points at the first character of a line that is out of line, not at column 1', () => {
    expect(only(fixture('one-space-short'))).toMatchObject({ line: 12, column: 8 });
    expect(only('id: x\ntitle: t\ncustomer:\n    name: Sam\n   mood: 40\nstart: a\n')).toMatchObject({
      line: 5, column: 4, message: 'this line is indented 3 spaces but the lines around it use 4 — line it up with "name:" on line 4',
    });
  });

  it('blames the key that moved, not the later line the parser trips on', () => {
    // `outcome:` moved from 4 spaces to 2: the line after it still sits at 4.
    const text = fixture('tab-indent').replace('\ttact: 2', '        tact: 2').replace('    outcome: satisfied', '  outcome: satisfied\n    feedback: Good.');
    expect(only(text)).toMatchObject({ line: 21, column: 3, message: 'this line is indented 2 spaces but the lines around it use 4 — line it up with "customer:" on line 20' });
  });

  it('names every tab-indented line in one message, as an editor that types tabs types them everywhere', () => {
    const text = fixture('tab-indent').replace('        goto: resolved', '\tgoto: resolved').replace('        goto: annoyed', '\tgoto: annoyed');
    expect(only(text).message).toContain('(2 more lines below start with a tab too)');
  });

  it('leaves out the errors that follow from the first mistake, however far down they are', () => {
    const text = fixture('list-item-too-shallow');
    expect(problemsIn(text)).toHaveLength(1);
  });

  it('reports two separate mistakes separately', () => {
    const text = fixture('missing-colon').replace('customer: Thanks, that\'s a relief.', 'customer Thanks, that\'s a relief.');
    expect(problemsIn(text).map((p) => `${p.line}:${p.column}`)).toEqual(['14:13', '20:13']);
  });

  it('names a repeated key and the line it was first set on', () => {
    const text = fixture('tab-indent').replace('\ttact: 2', '        tact: 2\n        tact: 1');
    expect(only(text)).toMatchObject({ rule: 'duplicate-key', line: 13, message: '"tact" is already set on line 12 in the same block — keep one' });
  });

  it('gives one message at the changed line for any single slip in a clean file', () => {
    // Every line of a clean scenario, broken in each of the ways a hand in a text editor breaks it.
    const clean = readFileSync('docs/examples/cracked-blender.yaml', 'utf8').split('\n');
    const slips: [string, (line: string) => string][] = [
      ['a tab', (l) => l.replace(/^ +/, '\t')],
      ['one space less', (l) => l.replace(/^ /, '')],
      ['one space more', (l) => (/^ /.test(l) ? ` ${l}` : l)],
      ['no colon', (l) => l.replace(/^(\s*(?:- )?\w+): /, '$1 ')],
      ['no space after the colon', (l) => l.replace(/^(\s*(?:- )?\w+): /, '$1:')],
      ['no space after the dash', (l) => l.replace(/- /, '-')],
    ];
    let broken = 0;
    for (const [i, line] of clean.entries()) {
      for (const [slip, apply] of slips) {
        const changed = apply(line);
        if (changed === line) continue;
        const syntax = problemsIn([...clean.slice(0, i), changed, ...clean.slice(i + 1)].join('\n')).filter((p) => p.rule === 'yaml-syntax');
        if (syntax.length === 0) continue; // still YAML (the schema check then says what is wrong)
        broken++;
        const where = `${slip} on line ${i + 1}`;
        expect(syntax.map((p) => p.line), where).toEqual([i + 1]);
        expect(syntax[0]!.message, where).not.toMatch(JARGON);
      }
    }
    expect(broken).toBeGreaterThan(50);
  });

  it('refuses YAML nested deeper than 100 levels with a message, the same whatever the stack size', () => {
    const base = fixture('tab-indent').replace('\ttact: 2', '        tact: 2');
    const staircase = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n');
    for (const deep of [`tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, `tags:\n${staircase}x\n`]) {
      const problem = only(base + deep);
      expect(problem.rule).toBe('yaml-syntax');
      expect(problem.message).toContain('nested more than 100 levels deep');
    }
    // Deep but within the limit: read, and the schema says what is wrong.
    expect(only(`${base}tags: ${'['.repeat(90)}${']'.repeat(90)}\n`).rule).toBe('wrong-type');
  });

  it('gives a condition nested 10,000 deep a lint error, not a crash', () => {
    const text = fixture('tab-indent').replace('\ttact: 2', `        tact: 2\n        if: ${'not '.repeat(10_000)}mood`);
    const problem = only(text);
    expect(problem.rule).toBe('expression-syntax');
    expect(problem.message).toContain('this expression is nested too deeply');
  });
});
