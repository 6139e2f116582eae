import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * Every JavaScript object inherits names such as "constructor" and
 * "toString". A scenario that sets, scores or weighs one of them without
 * declaring it must get the same error as for any other undeclared name:
 * the linter looks names up among the file's own declarations only.
 */
// (`__proto__` is left out: the schema, zod, drops that key from a mapping before the linter sees it.)
const inherited = fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[A-Za-z_]\w*$/.test(n) && n !== '__proto__'));

const yaml = (set: string, score: string, weights: string): string => `
id: inherited
title: Inherited names
customer: { name: Kim }
variables: { asked: false }
scoring:
  weights: { tact: 1${weights} }
  dimensions: { empathy: { label: Empathy } }
start: ask
nodes:
  ask:
    customer: Well?
    replies:
      - { say: One., tact: 1, set: { asked: true${set} }, score: { empathy: 1${score} }, goto: done }
      - { say: Two., tact: 0, goto: done }
endings:
  done: { customer: Bye., outcome: neutral }
`;

const rules = (text: string): string[] => checkScenario('inherited.yaml', text, catalogue).problems.filter((p) => p.severity === 'error').map((p) => p.rule);

describe('a name every object inherits', () => {
  it('is clean when not used (the file itself is valid)', () => {
    expect(rules(yaml('', '', ''))).toEqual([]);
  });

  it('is an undeclared variable when set', () => {
    fc.assert(fc.property(inherited, (name) => {
      expect(rules(yaml(`, ${name}: 1`, '', ''))).toEqual(['undefined-variable']);
    }));
  });

  it('is an undeclared dimension when scored or weighed', () => {
    fc.assert(fc.property(inherited, (name) => {
      expect(rules(yaml('', `, ${name}: 1`, ''))).toEqual(['undefined-dimension']);
      expect(rules(yaml('', '', `, ${name}: 1`))).toEqual(['undefined-dimension']);
    }));
  });
});
