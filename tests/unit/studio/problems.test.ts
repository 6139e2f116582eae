import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { auditScenario } from '../../../src/audit/index.ts';
import { loadScenario } from '../../../src/engine/index.ts';
import { buildCatalogue, checkScenario, type Problem } from '../../../src/scenario/index.ts';
import { newScenarioText } from '../../../src/studio/files/template.ts';
import { problemRange } from '../../../src/studio/lint/problem-range.ts';
import { quickFixFor } from '../../../src/studio/lint/quick-fix.ts';
import { moveProblems, placeProblems } from '../../../src/studio/lint/studio-problem.ts';
import { problemSummary } from '../../../src/studio/problems/problem-summary.ts';

const { catalogue } = buildCatalogue();
const doc = (text: string): Text => Text.of(text.split('\n'));
/** The CLI's problems for a text, placed in it as the studio places them. */
function placed(text: string) {
  const problems = checkScenario('scenarios/x.yaml', text, catalogue).problems;
  return { problems, placed: placeProblems(problems, doc(text)), text };
}
const underlined = (text: string, p: { from: number; to: number }): string => text.slice(p.from, p.to);

describe('where a problem is underlined', () => {
  it('underlines a misspelt goto, and the fix puts the suggested id in its place', () => {
    const { placed: [first], text } = placed(newScenarioText('late-parcel').replace('goto: address', 'goto: adress'));
    expect(first!.problem.rule).toBe('unknown-target');
    expect(underlined(text, first!)).toBe('adress');
    expect(first!.fix).toMatchObject({ label: 'Change to "address"', insert: 'address', replaces: 'adress' });
    const fixed = text.slice(0, first!.fix!.from) + first!.fix!.insert + text.slice(first!.fix!.to);
    expect(checkScenario('scenarios/x.yaml', fixed, catalogue).problems).toEqual([]);
  });

  it('underlines a misspelt technique inside a flow list, and offers its fix', () => {
    const { placed: [first], text } = placed(newScenarioText('late-parcel').replace('[acknowledge, ask-for-facts]', '[acknowledge, ask-for-fcts]'));
    expect(underlined(text, first!)).toBe('ask-for-fcts');
    expect(first!.fix?.insert).toBe('ask-for-facts');
  });

  it('underlines an unknown field at its key, and offers the field it resembles', () => {
    const { placed: [first], text } = placed(newScenarioText('late-parcel').replace('        tact: 2\n        mood: +10', '        tacct: 2\n        mood: +10'));
    expect(first!.problem.rule).toBe('unknown-field');
    expect(underlined(text, first!)).toBe('tacct');
    expect(first!.fix?.insert).toBe('tact');
  });

  it('underlines only the unknown name inside an expression, and has no fix without a suggestion', () => {
    const { placed: [first], text } = placed(newScenarioText('late-parcel').replace('if: mood >= 50', 'if: mood >= 50 and patient'));
    expect(first!.problem.rule).toBe('undefined-variable');
    expect(underlined(text, first!)).toBe('patient');
    expect(first!.fix).toBeUndefined();
  });

  it('underlines a whole plain value, spaces and commas included, and a quoted one to its closing quote', () => {
    const text = 'say: Hello, there # note\ngoto: "a b"\n';
    expect(underlined(text, problemRange({ line: 1, column: 6, rule: 'x' }, doc(text)))).toBe('Hello, there');
    expect(underlined(text, problemRange({ line: 2, column: 7, rule: 'x' }, doc(text)))).toBe('"a b"');
  });

  it('keeps a problem from an older, longer text inside the current one', () => {
    const text = 'a: b\n';
    expect(problemRange({ line: 9, column: 40, rule: 'x' }, doc(text))).toEqual({ from: 5, to: 5 });
  });
});

describe('the quick fix', () => {
  const problem = (message: string): Pick<Problem, 'message'> => ({ message });

  it('replaces the misspelt word inside quotes, not the quotes', () => {
    const fix = quickFixFor(problem('"adress" is not a node or ending id; did you mean "address"?'), { from: 10, to: 18 }, '"adress"');
    expect(fix).toMatchObject({ from: 11, to: 17, insert: 'address' });
  });

  it('is not offered when the underlined text is no longer the misspelt word', () => {
    expect(quickFixFor(problem('"adress" is not a node or ending id; did you mean "address"?'), { from: 0, to: 5 }, 'adres')).toBeUndefined();
  });

  it('is not offered for a problem without a suggestion', () => {
    expect(quickFixFor(problem('"x" is not a declared variable; add it under "variables:" with a default value'), { from: 0, to: 1 }, 'x')).toBeUndefined();
  });
});

describe('problems found in an older text', () => {
  it('move with the edits made since, and lose their fix when its word was edited', () => {
    const { placed: list } = placed(newScenarioText('late-parcel').replace('goto: address', 'goto: adress'));
    const at = list[0]!.from;
    // Two characters typed at the top of the file: everything moves by two.
    const moved = moveProblems(list, (pos) => pos + 2);
    expect(moved[0]).toMatchObject({ from: at + 2, to: list[0]!.to + 2, fix: { from: list[0]!.fix!.from + 2 } });
    // A character typed inside the word: the fix would now replace the wrong text.
    const inside = moveProblems(list, (pos, assoc) => (pos > at + 2 || (pos === at + 2 && assoc > 0) ? pos + 1 : pos));
    expect(inside[0]!.fix).toBeUndefined();
  });
});

describe('the problems summary', () => {
  it('counts errors and warnings in words a trainer reads', () => {
    expect(problemSummary([])).toBe('No problems: the scenario passes tactful lint.');
    expect(problemSummary([{ severity: 'error' }])).toBe('1 error: the game will not play it until the errors are fixed.');
    expect(problemSummary([{ severity: 'warning' }, { severity: 'warning' }])).toBe('2 warnings.');
  });
});

describe('the template', () => {
  it('is lint-clean: no errors and no warnings', () => {
    expect(checkScenario('scenarios/late-parcel.yaml', newScenarioText('late-parcel'), catalogue).problems).toEqual([]);
  });

  it('passes the audit: no rule of thumb wins it, and its scores rank the conversations', () => {
    const loaded = loadScenario('scenarios/late-parcel.yaml', newScenarioText('late-parcel'), catalogue);
    const audit = auditScenario(loaded.compiled!, catalogue);
    expect(audit.findings).toEqual([]);
    // Not by luck of a single route: several replies at each decision, and the best is never the first or the longest.
    expect(audit.routes.routes).toBe(16);
  });
});
