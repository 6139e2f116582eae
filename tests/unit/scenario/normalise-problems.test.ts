import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * What a trainer reads when a scenario breaks a rule the schema alone can't
 * check (reserved names, ids, goto targets, variables, expressions, branch
 * fallbacks): the exact message, and the line and column it points at.
 */
const problems = (text: string): string[] =>
  checkScenario('t.yaml', text, catalogue).problems.map((p) => `${p.severity} ${p.rule} ${p.line}:${p.column} ${p.message}`);

describe('reserved names and scoring', () => {
  it('refuses a variable named mood, pointing at its key', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
variables: { tries: 0, mood: 3 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., goto: done }
endings:
  done: { outcome: satisfied }
`)).toEqual(['error reserved-name 4:24 "mood" is built in; remove this variable and use the customer\u2019s mood']);
  });

  it('refuses an extra dimension named after a built-in score, and accepts the others', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
scoring:
  dimensions:
    policy: { label: Policy }
    tact: { label: Tact }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., goto: done }
endings:
  done: { outcome: satisfied }
`)).toEqual(['error reserved-name 7:5 "tact" is a built-in score; pick another name for this dimension']);
  });

  it('needs one weight above 0, and a weight only for a known score', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
scoring:
  weights: { tact: 0, speed: 0, satisfaction: 0, policy: 0 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., goto: done }
endings:
  done: { outcome: satisfied }
`)).toEqual([
      'error out-of-range 5:12 at least one weight must be above 0',
      'error undefined-dimension 5:50 weight for "policy", which is not tact, speed, satisfaction or a dimension under scoring.dimensions',
    ]);
  });

  it('accepts a weight for a declared dimension and weights of which one is above 0', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
scoring:
  weights: { tact: 0, speed: 0, satisfaction: 0, policy: 1 }
  dimensions: { policy: { label: Policy } }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., score: { policy: 1 }, goto: done }
endings:
  done: { outcome: satisfied }
`)).toEqual([]);
  });
});

describe('nodes, endings and ids', () => {
  it('needs at least one ending', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., goto: a }
endings: {}
`)).toEqual(['error missing-field 10:10 a scenario needs at least one ending under "endings:"']);
  });

  it('needs at least one node', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
start: done
nodes: {}
endings:
  done: { outcome: satisfied }
`)).toEqual(['error missing-field 5:8 a scenario needs at least one node under "nodes:"']);
  });

  it('reports bad ids, ids used twice, and unknown targets (suggesting a near id only when there is one)', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., goto: done }
  done:
    customer: Again.
    replies:
      - { say: Bye., goto: zzzzzzzz }
  bad.id:
    customer: Hi.
    replies:
      - { say: Bye., goto: dome }
endings:
  done: { outcome: satisfied }
`)).toEqual([
      'error unknown-target 13:28 "zzzzzzzz" is not a node or ending id',
      'error bad-id 14:3 id "bad.id" must use only letters, digits, "-" and "_" (no spaces or dots)',
      'error unknown-target 17:28 "dome" is not a node or ending id; did you mean "done"?',
      'error duplicate-id 19:3 "done" is used both as a node and as an ending; ids share one namespace, rename one',
    ]);
  });

  it('tells a branch node from a dialogue node, and names what a dialogue node lacks', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    order: fixed
    branch:
      - goto: done
  b:
    replies:
      - { say: Bye., goto: done }
  c:
    customer: Only a line.
endings:
  done: { outcome: satisfied }
`)).toEqual([
      'error mixed-node 7:5 a branch node has no "customer"; move it to a dialogue node or remove "branch"',
      'error mixed-node 8:5 a branch node has no "order"; move it to a dialogue node or remove "branch"',
      'error missing-field 11:3 node "b" needs a "customer:" line and "replies:" (or "branch:" for a branch node)',
      'error missing-field 14:3 node "c" needs "replies:" (1 to 9 of them)',
    ]);
  });
});

describe('effects: set, score, techniques and timeouts', () => {
  it('points at each faulty key or value inside a reply and its onTimeout', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim, patience: 10s }
variables: { tries: 0 }
start: a
nodes:
  a:
    customer: Hi.
    onTimeout: { goto: nowhere, set: { tries: "tries +" } }
    replies:
      - say: Bye.
        set: { mood: 5, nope: 1 }
        score: { policy: 2 }
        techniques: [acknowledge, apologise-sincerly]
        goto: done
endings:
  done: { outcome: satisfied }
`)).toEqual([
      'error unknown-target 9:24 "nowhere" is not a node or ending id',
      'error expression-syntax 9:55 cannot read expression "tries +": Expected expression after +',
      'error set-mood 12:16 use "mood: +N" on the reply to change mood, not "set"',
      'error undefined-variable 12:25 "nope" is not a declared variable; add it under "variables:" with a default value',
      'error undefined-dimension 13:18 "policy" is not a dimension; declare it under scoring.dimensions with a label',
      'error undefined-technique 14:35 technique "apologise-sincerly" is not in the catalogue; add it to scenarios/techniques.yaml or fix the spelling',
    ]);
  });

  it('suggests the nearest technique for a misspelt one', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., techniques: [acknowlege], goto: done }
endings:
  done: { outcome: satisfied }
`)).toEqual(['error undefined-technique 9:35 technique "acknowlege" is not in the catalogue; did you mean "acknowledge"?; add it to scenarios/techniques.yaml or fix the spelling']);
  });
});

describe('branch nodes', () => {
  it('wants the fallback last, reads each route\u2019s condition and target, and needs a fallback', () => {
    expect(problems(`id: t
title: T
customer: { name: Kim }
variables: { tries: 0 }
start: a
nodes:
  a:
    branch:
      - goto: done
      - { if: "tries >", goto: done }
      - goto: doen
  b:
    branch:
      - { if: "tries > 1", goto: done }
endings:
  done: { outcome: satisfied }
`)).toEqual([
      'error branch-fallback 9:9 the entry without "if" is the fallback and must be last; move it to the end',
      'error expression-syntax 10:23 cannot read expression "tries >": Expected expression after >',
      'error unknown-target 11:15 "doen" is not a node or ending id; did you mean "done"?',
      'error branch-fallback 14:7 this branch has no fallback: add a last entry with only "goto:" for when no "if" is true',
    ]);
  });
});

describe('conditions', () => {
  const withConditions = (...conditions: string[]): string => `id: t
title: T
customer: { name: Kim }
variables: { tries: 0 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
${conditions.map((c, i) => `      - { say: Reply ${i + 1}., if: ${c}, goto: done }`).join('\n')}
      - { say: Fallback., tact: 1, goto: done }
endings:
  done: { outcome: satisfied }
`;

  it('warns where "not" binds to the value right after it, naming that value', () => {
    expect(problems(withConditions(
      '"tries > 0 and not tries == 1"',
      "'not 0 > tries'",
      'not -tries < 1',
      '"not (not tries != 1)"',
    ))).toEqual([
      'warning not-precedence 10:45 "not" applies only to the value right after it, so this compares (not tries) == …, which is almost never meant; write "not (tries == …)"',
      'warning not-precedence 11:31 "not" applies only to the value right after it, so this compares (not 0) > …, which is almost never meant; write "not (0 > …)"',
      'warning not-precedence 12:30 "not" applies only to the value right after it, so this compares (not …) < …, which is almost never meant; write "not (… < …)"',
      'warning not-precedence 13:31 "not" applies only to the value right after it, so this compares (not tries) != …, which is almost never meant; write "not (tries != …)"',
    ]);
  });

  it.each(['<=', '>=', '+', '-', '*', '/'])('warns about "not x %s …" too', (op) => {
    expect(problems(withConditions(`"not tries ${op} 1"`)).map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual(['warning not-precedence 10:31']);
  });

  it('does not warn about "not" before "and", or about a minus sign before a comparison', () => {
    expect(problems(withConditions('"not tries and -tries > 1"'))).toEqual([]);
  });

  it('points at an undeclared name where it appears, and at the start for a name the pattern cannot find', () => {
    expect(problems(withConditions('"tries >= 1 and wanted"', '"$cost > 1"'))).toEqual([
      'error undefined-variable 10:46 "wanted" is not a declared variable; add it under "variables:" with a default value',
      'error undefined-variable 11:31 "$cost" is not a declared variable; add it under "variables:" with a default value',
    ]);
  });
});
