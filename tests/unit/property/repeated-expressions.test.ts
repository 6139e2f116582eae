import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * normalise parses each distinct expression text once and shares the tree
 * between the replies that repeat it: every use must still be checked and
 * reported at its own place.
 */
describe('an expression written at several places', () => {
  const yaml = (condition: string): string => `
id: repeated
title: Repeated
customer: { name: Kim }
variables: { asked: false }
start: ask
nodes:
  ask:
    customer: Well?
    replies:
      - { say: One., tact: 1, if: "${condition}", goto: next }
      - { say: Two., tact: 0, goto: next }
  next:
    customer: And?
    replies:
      - { say: Three., tact: 1, goto: done }
      - { say: Four., tact: 0, if: "${condition}", goto: done }
endings:
  done: { customer: Bye., outcome: neutral }
`;
  const problems = (condition: string): string[] =>
    checkScenario('repeated.yaml', yaml(condition), catalogue).problems.map((p) => `${p.severity} ${p.rule} ${p.line}:${p.column}`);

  it('reports an undeclared name at each place', () => {
    expect(problems('asked and wanted')).toEqual(['error undefined-variable 11:46', 'error undefined-variable 17:47']);
  });

  it('reports a syntax error at each place', () => {
    expect(problems('asked and')).toEqual(['error expression-syntax 11:41', 'error expression-syntax 17:42']);
  });

  it('warns about "not" before a comparison at each place', () => {
    expect(problems('not asked == true')).toEqual(['warning not-precedence 11:36', 'warning not-precedence 17:37']);
  });

  it('gives each reply the condition as written', () => {
    const { scenario } = checkScenario('repeated.yaml', yaml('asked'), catalogue);
    const conditions = Object.values(scenario!.nodes).flatMap((n) => (n.kind === 'dialogue' ? n.replies.map((r) => r.condition) : []));
    expect(conditions).toEqual([{ kind: 'name', name: 'asked' }, undefined, undefined, { kind: 'name', name: 'asked' }]);
  });
});
