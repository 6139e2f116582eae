import { describe, expect, it } from 'vitest';
import { completionsAt, type TechniqueHelp } from '../../../src/studio/completion/scenario-completions.ts';
import { documentNames } from '../../../src/studio/completion/document-names.ts';
import { linesOf } from '../../../src/studio/completion/yaml-outline.ts';

const FILE = `id: cracked-blender
title: The blender
customer:
  name: Dana
  mood: 30
variables:
  askedWhatHappened: false
  offers: 0
scoring:
  dimensions:
    policy: { label: Stays within policy }
start: opening
nodes:
  opening:
    customer: This thing broke after four days.
    replies:
      - say: What happened?
        tact: 2
        set: { askedWhatHappened: true }
        goto: explains
  explains:
    customer: I was making a smoothie.
    replies:
      - say: Sorry.
        goto: repaired
endings:
  repaired:
    customer: Okay, thanks.
    outcome: satisfied
`;

const TECHNIQUES: TechniqueHelp[] = [
  { id: 'acknowledge', label: 'Acknowledge', kind: 'good', tip: 'Name the feeling.' },
  { id: 'accuse', label: 'Accuse', kind: 'poor', tip: '' },
];

/** The completions with the cursor where `|` is in `line` (which replaces line `lineNo` of FILE). */
function at(lineNo: number, line: string, file = FILE) {
  const lines = file.split('\n');
  const column = line.indexOf('|');
  lines[lineNo - 1] = line.replace('|', '');
  return completionsAt(linesOf(lines.join('\n')), lineNo, column, TECHNIQUES);
}
const labels = (c: ReturnType<typeof at>): string[] => c?.items.map((i) => i.label) ?? [];

describe('completion in a scenario file', () => {
  it('offers the top-level fields the file does not have yet, with the schema description', () => {
    const c = at(2, 'dif|');
    expect(c?.position).toBe('key');
    expect(labels(c)).toContain('difficulty');
    expect(labels(c)).not.toContain('customer');
    expect(c?.items.find((i) => i.label === 'difficulty')?.info).toBe('1 (gentle) .. 5 (very hard), default 2.');
    expect(c?.word).toBe('dif');
  });

  it('offers the fields of a reply inside a list item, without the ones already written', () => {
    const c = at(18, '        t|');
    expect(labels(c)).toEqual(expect.arrayContaining(['tact', 'techniques', 'feedback', 'if', 'critical']));
    expect(labels(c)).not.toContain('say');
    expect(labels(c)).not.toContain('goto');
    expect(c?.items.find((i) => i.label === 'tact')?.apply).toBe('tact: ');
  });

  it('offers a node field on a new line inside a node', () => {
    const file = FILE.replace('  explains:\n', '  explains:\n\n');
    const c = at(22, '    em|', file);
    expect(labels(c)).toEqual(expect.arrayContaining(['emotion', 'timeLimit', 'onTimeout', 'branch']));
    expect(labels(c)).not.toContain('customer');
    expect(labels(c)).not.toContain('replies');
    expect(c?.items.find((i) => i.label === 'onTimeout')?.apply).toBe('onTimeout:');
  });

  it('offers node and ending ids after goto, with the customer line as help', () => {
    const c = at(20, '        goto: ex|');
    expect(c?.position).toBe('value');
    expect(labels(c)).toEqual(['opening', 'explains', 'repaired']);
    expect(c?.items[1]).toMatchObject({ detail: 'node', info: 'I was making a smoothie.' });
    expect(c?.items[2]).toMatchObject({ detail: 'ending', info: 'Okay, thanks.' });
    expect(c?.from).toBe(FILE.split('\n').slice(0, 19).join('\n').length + 1 + '        goto: '.length);
  });

  it('offers ids after start at the top level', () => {
    expect(labels(at(12, 'start: |'))).toEqual(['opening', 'explains', 'repaired']);
  });

  it('offers technique ids in a flow list and in a block list', () => {
    const flow = at(18, '        techniques: [acknowledge, ac|]');
    expect(labels(flow)).toEqual(['acknowledge', 'accuse']);
    expect(flow?.word).toBe('ac');
    expect(flow?.items[0]?.info).toBe('Acknowledge: Name the feeling.');
    const block = `${FILE.split('\n').slice(0, 18).join('\n')}\n        techniques:\n          - ac\n`;
    const c = completionsAt(linesOf(block), 20, '          - ac'.length, TECHNIQUES);
    expect(c?.position).toBe('value');
    expect(labels(c)).toEqual(['acknowledge', 'accuse']);
  });

  it('offers declared variables, mood and the expression words in an if', () => {
    const c = at(18, '        if: mood > 20 and ask|');
    expect(c?.word).toBe('ask');
    expect(labels(c)).toEqual(['askedWhatHappened', 'offers', 'mood', 'and', 'or', 'not', 'true', 'false']);
  });

  it('offers declared variables as keys under set, and expressions as their values', () => {
    const file = FILE.replace('        set: { askedWhatHappened: true }\n', '        set:\n          askedWhatHappened: true\n          \n');
    const keys = at(21, '          o|', file);
    expect(labels(keys)).toEqual(['offers']);
    const value = at(21, '          offers: off|', file);
    expect(value?.position).toBe('value');
    expect(labels(value)).toContain('offers');
  });

  it('offers declared dimensions under score', () => {
    expect(labels(at(18, '        score: { p|'))).toEqual([]);
    const file = FILE.replace('        tact: 2\n', '        tact: 2\n        score:\n          \n');
    expect(labels(at(20, '          p|', file))).toEqual(['policy']);
  });

  it('offers the fixed values of outcome and emotion', () => {
    expect(labels(at(31, '    outcome: |'))).toEqual(['satisfied', 'neutral', 'dissatisfied', 'escalated', 'lost']);
    expect(labels(at(15, '    emotion: |'))).toEqual(['angry', 'annoyed', 'neutral', 'pleased', 'delighted']);
  });

  it('offers nothing in prose, in comments or inside a block of text', () => {
    expect(labels(at(15, '    customer: This thing br|'))).toEqual([]);
    expect(at(15, '    # a comment abo|')).toBeUndefined();
    const block = FILE.replace('    customer: This thing broke after four days.', '    customer: |\n      This thing broke\n      go');
    expect(completionsAt(linesOf(block), 17, 8, TECHNIQUES)).toBeUndefined();
  });
});

describe('the names a file declares', () => {
  it('reads nodes, endings, variables and dimensions by indentation, with hints', () => {
    const names = documentNames(linesOf(FILE));
    expect(names.nodes.map((n) => [n.name, n.line, n.hint])).toEqual([
      ['opening', 14, 'This thing broke after four days.'],
      ['explains', 21, 'I was making a smoothie.'],
    ]);
    expect(names.endings.map((n) => n.name)).toEqual(['repaired']);
    expect(names.variables.map((n) => [n.name, n.hint])).toEqual([['askedWhatHappened', 'default false'], ['offers', 'default 0']]);
    expect(names.dimensions.map((n) => n.name)).toEqual(['policy']);
  });
});
