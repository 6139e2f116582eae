import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * The range the linter gives an extra dimension (analysis.ts, `sumRanges`)
 * is over whole conversations: from the start to any of the endings, never
 * a conversation cut short at a node that is not an ending.
 */
const ranges = (text: string) => checkScenario('t.yaml', text, catalogue).analysis!.dimensionRanges;

describe('the range of an extra dimension', () => {
  it('takes the least and the most over every ending, whichever the walk found last', () => {
    expect(ranges(`id: t
title: T
customer: { name: Kim }
scoring: { dimensions: { policy: { label: Policy } } }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: A little., tact: 1, score: { policy: 1 }, goto: low }
      - { say: A lot., tact: 0, score: { policy: 5 }, goto: high }
endings:
  low: { outcome: satisfied }
  high: { outcome: satisfied }
`)).toEqual({ policy: { min: 1, max: 5 } });
  });

  it('does not count the empty start of a conversation as a conversation', () => {
    expect(ranges(`id: t
title: T
customer: { name: Kim }
scoring: { dimensions: { policy: { label: Policy } } }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Penalty., tact: 1, score: { policy: -3 }, goto: b }
      - { say: Worse., tact: 0, score: { policy: -6 }, goto: b }
  b:
    customer: Well.
    replies:
      - { say: Sorry., tact: 1, goto: low }
      - { say: Fine., tact: 0, goto: lower }
endings:
  low: { outcome: satisfied }
  lower: { outcome: dissatisfied }
`)).toEqual({ policy: { min: -6, max: -3 } });
  });
});
