import { describe, expect, it } from 'vitest';
import { checkScenario, formatProblem } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/** A field that takes a list, given one value instead: the message says "a list", at that value. */
const scenario = (replies: string, extra = ''): string => `id: lists
title: Lists
${extra}customer: { name: Ann }
start: ask
nodes:
  ask:
    customer: Hello.
    replies: ${replies}
endings:
  done: { outcome: satisfied }
`;
const problemsOf = (text: string): string[] => checkScenario('l.yaml', text, catalogue).problems.map(formatProblem);

describe('a list field given a single value', () => {
  it('says the replies must be a list, at the value', () => {
    expect(problemsOf(scenario('3'))).toEqual(['l.yaml:8:14: error: "nodes.ask.replies" must be a list, not number 3 [wrong-type]']);
  });

  it('says the objectives must be a list, at the value', () => {
    expect(problemsOf(scenario('[{ say: Yes., goto: done }]', 'objectives: Stay calm\n'))).toEqual([
      'l.yaml:3:13: error: "objectives" must be a list, not text "Stay calm" [wrong-type]',
    ]);
  });
});
