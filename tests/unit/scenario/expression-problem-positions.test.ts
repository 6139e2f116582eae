import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * Where a problem inside a condition points. On a value written on one line
 * the column is that of the word at fault; a value written over several
 * lines (folded plain text, quotes over two lines, a "|" or ">-" block) has
 * columns that no longer match its text, so the problem points at the
 * value's start instead of some unrelated spot on its first line.
 */
const problems = (text: string): string[] =>
  checkScenario('t.yaml', text, catalogue).problems.map((p) => `${p.severity} ${p.rule} ${p.line}:${p.column} ${p.message}`);

const withCondition = (condition: string): string => `id: t
title: T
customer: { name: Kim }
variables: { asked: false }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - say: Bye.
        if: ${condition}
        goto: done
endings:
  done: { outcome: satisfied }
`;
const UNDECLARED = 'error undefined-variable %s "checked" is not a declared variable; add it under "variables:" with a default value';
const at = (position: string): string[] => [UNDECLARED.replace('%s', position)];

describe('where a problem in a condition points', () => {
  it('points at the undeclared name on a one-line value, after the quote when quoted', () => {
    expect(problems(withCondition('asked and checked'))).toEqual(at('11:23'));
    expect(problems(withCondition('"asked and checked"'))).toEqual(at('11:24'));
  });

  it.each([
    ['plain text folded onto the next line', 'asked and\n          checked'],
    ['double quotes over two lines', '"asked and\n          checked"'],
    ['single quotes over two lines', "'asked and\n          checked'"],
    ['a "|" block', '|\n          asked and checked'],
    ['a ">-" block', '>-\n          asked and checked'],
  ])('points at the start of a condition written as %s', (_, condition) => {
    expect(problems(withCondition(condition))).toEqual(at('11:13'));
  });
});

describe('a key set twice', () => {
  it('names the key without the spaces before its colon', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - say: Bye.
        goto: done
        goto : done
endings:
  done: { outcome: satisfied }
`)).toEqual(['error duplicate-key 11:9 "goto" is already set on line 10 in the same block — keep one']);
  });
});
