import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * Where the linter points for a name a condition reads but the scenario
 * never declares (normalise.ts, `wordAt`): at the name standing on its own,
 * not at the same letters inside a longer, declared name before it.
 */
const undeclared = (variables: string, condition: string): string[] =>
  checkScenario('t.yaml', `id: t
title: T
customer: { name: Kim }
variables: { ${variables} }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Yes., tact: 1, if: "${condition}", goto: done }
      - { say: No., tact: 0, goto: done }
endings:
  done: { outcome: satisfied }
`, catalogue).problems.map((p) => `${p.rule} ${p.line}:${p.column} ${p.message}`);

const MESSAGE = '"checked" is not a declared variable; add it under "variables:" with a default value';
/** Column 36 is where the condition's text starts on line 10 (after its opening quote). */
const at = (offset: number): string[] => [`undefined-variable 10:${36 + offset} ${MESSAGE}`];

describe('the position of an undeclared name', () => {
  it('is the name itself when it comes first', () => {
    expect(undeclared('done_before: false', 'checked or done_before')).toEqual(at(0));
  });

  it('passes over the name inside a longer name that ends with it', () => {
    expect(undeclared('rechecked: false', 'rechecked or checked')).toEqual(at('rechecked or '.length));
  });

  it('passes over the name inside a longer name that starts with it, at the start of the condition too', () => {
    expect(undeclared('checked_out: false', 'checked_out or checked')).toEqual(at('checked_out or '.length));
    expect(undeclared('checked2: false', 'checked2 and checked')).toEqual(at('checked2 and '.length));
  });
});
