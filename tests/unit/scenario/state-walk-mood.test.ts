import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * The linter's walk over states (analysis.ts) when conditions read the
 * customer's mood: mood is then part of each state, next to the variables,
 * so an ending reached only at some mood, or only with some variable values
 * and some mood together, is found reachable, and one no play can reach is
 * still reported.
 */
const check = (text: string) => {
  const checked = checkScenario('t.yaml', text, catalogue);
  const a = checked.analysis!;
  return { problems: checked.problems.map((p) => `${p.severity} ${p.rule} ${p.line}:${p.column} ${p.message}`), exact: a.exact, states: a.states, endingsReached: [...a.endingsReached].sort() };
};

describe('mood in the state walk', () => {
  it('follows a mood raised by a reply into a branch that reads it', () => {
    expect(check(`id: t
title: T
customer: { name: Kim, mood: 40 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Sorry., tact: 1, mood: 30, goto: b }
      - { say: Tough., tact: 0, goto: b }
  b:
    branch:
      - { if: "mood > 60", goto: calm }
      - goto: angry
endings:
  calm: { outcome: satisfied }
  angry: { outcome: dissatisfied }
`)).toEqual({ problems: [], exact: true, states: 5, endingsReached: ['angry', 'calm'] });
  });

  it('tells apart every combination of a variable and the mood that a branch reads', () => {
    expect(check(`id: t
title: T
customer: { name: Kim, mood: 40 }
variables: { asked: false }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: What happened?, tact: 1, set: { asked: true }, goto: c }
      - { say: Go on., tact: 0, goto: c }
  c:
    customer: It's late.
    replies:
      - { say: I'm sorry., tact: 1, mood: 30, goto: b }
      - { say: Right., tact: 0, goto: b }
  b:
    branch:
      - { if: "asked and mood > 60", goto: calm }
      - { if: "asked", goto: heard }
      - { if: "mood > 60", goto: soothed }
      - goto: angry
endings:
  calm: { outcome: satisfied }
  heard: { outcome: satisfied }
  soothed: { outcome: satisfied }
  angry: { outcome: dissatisfied }
`)).toEqual({ problems: [], exact: true, states: 11, endingsReached: ['angry', 'calm', 'heard', 'soothed'] });
  });

  it('reads a "set" that copies the mood at the mood of each visit, not the first one', () => {
    expect(check(`id: t
title: T
customer: { name: Kim, mood: 50 }
variables: { calm: false, noted: false }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Sorry., tact: 1, mood: 20, goto: x }
      - { say: Tough., tact: 0, mood: -20, goto: x }
  x:
    customer: So?
    replies:
      - { say: I'll note it., tact: 1, set: { noted: true, calm: "mood > 50" }, goto: y }
  y:
    branch:
      - { if: "calm and noted", goto: good }
      - goto: bad
endings:
  good: { outcome: satisfied }
  bad: { outcome: dissatisfied }
`)).toMatchObject({ exact: true, endingsReached: ['bad', 'good'] });
  });

  it('reports an ending that only a mood the replies never reach would open', () => {
    const { problems, endingsReached } = check(`id: t
title: T
customer: { name: Kim, mood: 40 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Sorry., tact: 1, mood: 10, goto: b }
      - { say: Tough., tact: 0, mood: -10, goto: b }
  b:
    branch:
      - { if: "mood > 60", goto: calm }
      - goto: angry
endings:
  calm: { outcome: satisfied }
  angry: { outcome: dissatisfied }
`);
    expect(endingsReached).toEqual(['angry']);
    expect(problems).toEqual(['warning ending-never-reached 16:3 ending "calm" is linked, but no combination of choices makes the conditions on the way to it true']);
  });
});

describe('the budget of the state walk', () => {
  it('grows with the number of nodes: 8 states per node once that is over 5,000', () => {
    // 5,002 states: over the least budget of 5,000, but within 8 per node once 700 more nodes are written.
    const head = `id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
start: s
nodes:
  s:
    customer: Hi.
    replies:
      - { say: Go., tact: 1, goto: a }
      - { say: Stay., tact: 0, goto: a }
  a:
    customer: Again.
    replies:
      - { say: Up., tact: 1, set: { n: "n + 1" }, goto: b }
      - { say: Up too., tact: 0, set: { n: "n + 1" }, goto: b }
  b:
    branch:
      - { if: "n < 2500", goto: a }
      - goto: done
`;
    const more = Array.from({ length: 700 }, (_, i) => `  more${i}:\n    customer: Hi.\n    replies:\n      - { say: Bye., goto: done }\n`).join('');
    const endings = 'endings:\n  done: { outcome: satisfied }\n';
    expect(check(head + endings)).toMatchObject({ exact: false });
    expect(check(head + more + endings)).toMatchObject({ exact: true, states: 5002 });
  });
});
