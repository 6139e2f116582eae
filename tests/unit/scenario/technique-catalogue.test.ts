import { describe, expect, it } from 'vitest';
import { BUILT_IN_GOOD, BUILT_IN_POOR, buildCatalogue } from '../../../src/scenario/index.ts';

describe('the technique catalogue', () => {
  it('holds every built-in id with a label made from the id when no techniques file is given', () => {
    const { catalogue, problems } = buildCatalogue();
    expect(problems).toEqual([]);
    expect(catalogue.size).toBe(BUILT_IN_GOOD.length + BUILT_IN_POOR.length);
    expect(catalogue.get('ask-for-facts')).toEqual({ id: 'ask-for-facts', label: 'Ask for facts', kind: 'good', tip: '' });
    expect(catalogue.get('call-them-wrong')).toEqual({ id: 'call-them-wrong', label: 'Call them wrong', kind: 'poor', tip: '' });
    expect(catalogue.get('over-apologize')?.kind).toBe('poor');
    expect(catalogue.get('stay-calm')?.kind).toBe('good');
  });

  it('takes labels and tips from the file, adds new ids, and keeps built-ins the file does not mention', () => {
    const { catalogue, problems } = buildCatalogue(`
techniques:
  acknowledge: { label: Acknowledge the feeling, kind: good, tip: Name what they feel first. }
  mirror: { kind: good }
  shout: { label: Shout, kind: poor, critical: true, tip: Never raise your voice. }
  mumble: { label: Mumble, kind: poor, critical: false }
`);
    expect(problems).toEqual([]);
    expect(catalogue.get('acknowledge')).toEqual({ id: 'acknowledge', label: 'Acknowledge the feeling', kind: 'good', tip: 'Name what they feel first.' });
    expect(catalogue.get('mirror')).toEqual({ id: 'mirror', label: 'Mirror', kind: 'good', tip: '' });
    expect(catalogue.get('shout')).toEqual({ id: 'shout', label: 'Shout', kind: 'poor', tip: 'Never raise your voice.', critical: true });
    // critical: false leaves the entry without the flag at all.
    expect(catalogue.get('mumble')).toEqual({ id: 'mumble', label: 'Mumble', kind: 'poor', tip: '' });
    expect(catalogue.get('listen')).toEqual({ id: 'listen', label: 'Listen', kind: 'good', tip: '' });
  });

  it('reports a techniques file that is not YAML with its first line only, at line 1', () => {
    const { catalogue, problems } = buildCatalogue('techniques: [unclosed\n  more: x\n', 'custom/techniques.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'custom/techniques.yaml', line: 1, column: 1, severity: 'error', rule: 'techniques-file' });
    expect(problems[0]!.message).toMatch(/^cannot read the techniques file: \S.{10,}$/);
    expect(problems[0]!.message).not.toContain('\n');
    // The built-ins still work.
    expect(catalogue.has('acknowledge')).toBe(true);
  });

  it('asks for a "techniques:" mapping when the file has none, or a list instead', () => {
    const expected = 'expected a "techniques:" mapping of id → { label, kind, tip }';
    for (const text of ['', 'other: 1\n', 'techniques: [a, b]\n', 'techniques: 3\n', 'techniques:\n']) {
      const { problems } = buildCatalogue(text);
      expect(problems, text).toEqual([{ file: 'scenarios/techniques.yaml', line: 1, column: 1, severity: 'error', rule: 'techniques-file', message: expected }]);
    }
  });

  it('rejects an entry without a good or poor kind, and keeps reading the others', () => {
    const { catalogue, problems } = buildCatalogue(`
techniques:
  vague: { label: Vague }
  empty:
  odd: { kind: neutral }
  fine: { kind: good, label: Fine }
`);
    expect(problems.map((p) => p.message)).toEqual([
      'technique "vague" needs "kind: good" or "kind: poor"',
      'technique "empty" needs "kind: good" or "kind: poor"',
      'technique "odd" needs "kind: good" or "kind: poor"',
    ]);
    expect(problems.every((p) => p.rule === 'techniques-file' && p.severity === 'error' && p.line === 1)).toBe(true);
    expect(catalogue.has('vague')).toBe(false);
    expect(catalogue.has('odd')).toBe(false);
    expect(catalogue.get('fine')?.label).toBe('Fine');
  });

  it('does not add an entry whose critical is not a boolean', () => {
    const { catalogue, problems } = buildCatalogue('techniques:\n  shout: { label: Shout, kind: poor, critical: 1 }\n');
    expect(problems).toEqual([
      { file: 'scenarios/techniques.yaml', line: 1, column: 1, severity: 'error', rule: 'techniques-file', message: 'technique "shout": "critical" must be true or false' },
    ]);
    expect(catalogue.has('shout')).toBe(false);
  });
});
