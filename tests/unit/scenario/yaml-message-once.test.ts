import { describe, expect, it } from 'vitest';
import { checkScenario, formatProblem } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

// Two slips the fourth mutation round found (reports/r4), now fixed in yaml-errors.ts.
const SCENARIO = ['id: x', 'title: t', 'customer:', '  name: Sam', '  mood: 40', 'variables:', '  asked: false', 'start: a', 'nodes:', '  a:',
  '    customer: Hi', '    timeLimit: 10s', '    onTimeout:', '      mood: -5', '      goto: b', '    replies:', '    - say: Yes', '      goto: b',
  '      set:', '        asked: true', '      feedback: |', '        Good.', '        Well done.', '    - say: No', '      goto: e', '      techniques:',
  '        - acknowledge', '  b:', '    branch:', '    - if: asked', '      goto: e', '    - goto: a', 'endings:', '  e:', '    outcome: lost',
  '    feedback: Bye.', ''];
const withLines = (changes: Record<number, string>): string => SCENARIO.map((l, i) => changes[i + 1] ?? l).join('\n');
const syntax = (text: string): string[] => checkScenario('m.yaml', text, catalogue).problems.filter((p) => p.rule === 'yaml-syntax').map(formatProblem);

describe('a YAML slip, in a trainer\'s words', () => {
  it('gives each message once', () => {
    const problems = syntax(withLines({ 16: '   replies:', 17: '   - say: Yes' }));
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems).size).toBe(problems.length);
  });

  it('asks for "branch:" when the "- " items under it sit at its own column', () => {
    expect(syntax(withLines({ 29: '    branch' }))).toEqual(['m.yaml:29:11: error: this line has no ":" after its key — write "branch:" [yaml-syntax]']);
  });
});
