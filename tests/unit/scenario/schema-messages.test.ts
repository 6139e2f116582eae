import { describe, expect, it } from 'vitest';
import { checkScenario, formatProblem } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/** A valid scenario; each case edits one thing in it. */
const valid = `id: msg
title: Messages
customer: { name: Ann }
start: ask
nodes:
  ask:
    customer: Hello.
    replies:
      - { say: Yes., goto: done }
endings:
  done: { outcome: satisfied }
`;
const reply = '{ say: Yes., goto: done }';
const problemsOf = (text: string) => checkScenario('m.yaml', text, catalogue).problems.map(formatProblem);

describe('format problems say what is wrong, where, and what would be right', () => {
  it('unknown fields, with a suggestion when one is close', () => {
    expect(problemsOf(`${valid}colour: red\n`)).toEqual(['m.yaml:12:1: error: unknown field "colour"; remove it or check the spelling [unknown-field]']);
    expect(problemsOf(valid.replace('{ name: Ann }', '{ name: Ann, moood: 3 }'))).toEqual([
      'm.yaml:3:24: error: unknown field "moood" in "customer"; did you mean "mood"? [unknown-field]',
    ]);
  });

  it('missing fields, at the top level and inside a list entry', () => {
    expect(problemsOf(valid.replace('title: Messages\n', ''))).toEqual(['m.yaml:1:1: error: required field "title" is missing [missing-field]']);
    expect(problemsOf(valid.replace('{ name: Ann }', '{ avatar: a }'))).toEqual([
      'm.yaml:3:1: error: required field "name" is missing in "customer" [missing-field]',
    ]);
    expect(problemsOf(valid.replace(reply, '{ say: Yes. }'))).toEqual([
      'm.yaml:9:9: error: required field "goto" is missing in "nodes.ask.replies[1]" [missing-field]',
    ]);
  });

  it('wrong types, naming what was expected and what was found', () => {
    expect(problemsOf(valid.replace('title: Messages', 'title: [a]'))).toEqual(['m.yaml:2:8: error: "title" must be text, not a list [wrong-type]']);
    expect(problemsOf(valid.replace('title: Messages', 'title: { a: 1 }'))).toEqual(['m.yaml:2:8: error: "title" must be text, not a mapping [wrong-type]']);
    expect(problemsOf(valid.replace('title: Messages', 'title:'))).toEqual(['m.yaml:2:7: error: "title" must be text, not empty [wrong-type]']);
    expect(problemsOf(valid.replace('customer: { name: Ann }', 'customer: 3'))).toEqual(['m.yaml:3:11: error: "customer" must be a mapping, not number 3 [wrong-type]']);
    expect(problemsOf(valid.replace(reply, '{ say: Yes., goto: done, tact: "x" }'))).toEqual([
      'm.yaml:9:40: error: "nodes.ask.replies[1].tact" must be a number, not text "x" [wrong-type]',
    ]);
    expect(problemsOf(valid.replace(reply, '{ say: Yes., goto: done, tact: 1.5 }'))).toEqual([
      'm.yaml:9:40: error: "nodes.ask.replies[1].tact" must be a whole number, not number 1.5 [wrong-type]',
    ]);
    expect(problemsOf(valid.replace(reply, '{ say: Yes., goto: done, critical: 1 }'))).toEqual([
      'm.yaml:9:44: error: "nodes.ask.replies[1].critical" must be true or false, not number 1 [wrong-type]',
    ]);
  });

  it('values out of range, for numbers, text and lists', () => {
    expect(problemsOf(valid.replace(reply, '{ say: Yes., goto: done, tact: 5 }'))).toEqual([
      'm.yaml:9:40: error: "nodes.ask.replies[1].tact" must be at most 3, not 5 [out-of-range]',
    ]);
    expect(problemsOf(valid.replace(reply, '{ say: Yes., goto: done, mood: -300 }'))).toEqual([
      'm.yaml:9:40: error: "nodes.ask.replies[1].mood" must be at least -100, not -300 [out-of-range]',
    ]);
    expect(problemsOf(valid.replace(reply, '{ say: "", goto: done }'))).toEqual(['m.yaml:9:16: error: "nodes.ask.replies[1].say" must be not empty [out-of-range]']);
    expect(problemsOf(valid.replace(`    replies:\n      - ${reply}`, '    replies: []'))).toEqual([
      'm.yaml:8:14: error: "nodes.ask.replies" must be at least 1 item(s) [out-of-range]',
    ]);
    expect(problemsOf(valid.replace('outcome: satisfied', 'outcome: happy'))).toEqual([
      'm.yaml:11:20: error: "endings.done.outcome" must be one of satisfied, neutral, dissatisfied, escalated, lost, not "happy" [out-of-range]',
    ]);
  });

  it('badly formed ids, durations and variable values', () => {
    expect(problemsOf(valid.replace('id: msg', 'id: Not_Kebab'))).toEqual(['m.yaml:1:5: error: "id" must be kebab-case, e.g. cracked-blender, not "Not_Kebab" [wrong-type]']);
    expect(problemsOf(valid.replace('goto: done', 'goto: "bad id"'))).toEqual([
      'm.yaml:9:28: error: "nodes.ask.replies[1].goto" must be an id made of letters, digits, "-" and "_", not "bad id" [wrong-type]',
    ]);
    expect(problemsOf(valid.replace('{ name: Ann }', '{ name: Ann, patience: soon }'))).toEqual([
      'm.yaml:3:34: error: "customer.patience" must be a duration such as 15s, 1.5s, 500ms, 1m or none, not "soon" [wrong-type]',
    ]);
    expect(problemsOf(valid.replace('{ name: Ann }', '{ name: Ann, patience: true }'))).toEqual([
      'm.yaml:3:34: error: "customer.patience" must be a duration such as 15, "15s", "1.5s", "500ms", "1m" or "none", not "true" [wrong-type]',
    ]);
    expect(problemsOf(valid.replace('    order: fixed\n', '').replace('    customer: Hello.\n', '    customer: Hello.\n    timeLimit: true\n'))).toEqual([
      'm.yaml:8:16: error: "nodes.ask.timeLimit" must be a duration such as 15, "15s", "1.5s", "500ms", "1m" or "none", not "true" [wrong-type]',
    ]);
    expect(problemsOf(`${valid}variables: 3\n`)).toEqual(['m.yaml:12:12: error: "variables" must be a mapping, not number 3 [wrong-type]']);
    expect(problemsOf(`${valid}variables: { v: [1] }\n`)).toEqual(['m.yaml:12:17: error: "variables.v" must be true/false, a number or text, not a list [wrong-type]']);
  });

  it('a file that is not a mapping at all', () => {
    expect(problemsOf('- a\n- b\n')).toEqual(['m.yaml:1:1: error: a scenario file must be a mapping of fields such as "id:", "title:" and "nodes:" [not-a-mapping]']);
  });
});
