import { beforeEach, describe, expect, it } from 'vitest';
import { checkScenario, type DialogueNode, type Scenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * What the game receives for fields a trainer leaves out (the defaults the
 * spec promises), and that a field the trainer does write is kept as written.
 */
const read = (text: string): Scenario => {
  const checked = checkScenario('t.yaml', text, catalogue);
  if (!checked.scenario) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  return checked.scenario;
};

// Each test reads its scenario itself (not while the file loads), so the mutation run sees which test reaches which code.
const bare = (): Scenario => read(`id: bare
title: Bare
customer: { name: Kim }
start: ask
nodes:
  ask:
    customer: Hello?
    replies:
      - { say: Hi., goto: done }
endings:
  done: { outcome: neutral }
`);

describe('defaults for fields left out', () => {
  let scenario: Scenario;
  let ask: DialogueNode;
  beforeEach(() => {
    scenario = bare();
    ask = scenario.nodes.ask as DialogueNode;
  });

  it('fills in the scenario\u2019s texts, lists, difficulty and locale', () => {
    expect({ summary: scenario.summary, brief: scenario.brief, setting: scenario.setting, objectives: scenario.objectives, tags: scenario.tags, difficulty: scenario.difficulty, locale: scenario.locale })
      .toEqual({ summary: '', brief: '', setting: '', objectives: [], tags: [], difficulty: 2, locale: 'en' });
  });

  it('draws the customer from their name, at mood 50, with no time limit', () => {
    expect(scenario.customer).toEqual({ name: 'Kim', avatar: 'Kim', mood: 50, patienceMs: null });
  });

  it('scores with the standard weights and a pass mark of 70', () => {
    expect(scenario.scoring).toEqual({ weights: { tact: 0.4, speed: 0.2, satisfaction: 0.4 }, passMark: 70, dimensions: {} });
    expect(scenario.variables).toEqual({});
  });

  it('shuffles replies, leaves the node untimed and on a timeout takes 10 mood and asks again', () => {
    expect({ order: ask.order, timeLimitMs: ask.timeLimitMs, onTimeout: ask.onTimeout }).toEqual({
      order: 'shuffled', timeLimitMs: null, onTimeout: { mood: -10, set: [], score: {}, goto: 'ask' },
    });
  });

  it('gives a reply tact 0, no techniques, no condition and no mood change, and does not make it critical', () => {
    expect(ask.replies).toEqual([{
      mood: 0, set: [], score: {}, goto: 'done', index: 1, say: 'Hi.', condition: undefined, tact: 0, techniques: [], feedback: undefined, critical: false,
    }]);
  });

  it('gives an ending without a last line an empty one', () => {
    expect(scenario.endings.done).toEqual({ kind: 'ending', id: 'done', customer: '', emotion: undefined, outcome: 'neutral', feedback: undefined });
  });
});

const full = (): Scenario => read(`id: full
title: Full
summary: A summary.
brief: A brief.
setting: A shop.
objectives: [Listen]
tags: [returns]
difficulty: 4
locale: en-GB
customer: { name: Kim, avatar: kim-2, mood: 30, patience: 12s }
variables: { tries: 0, label: none }
scoring:
  weights: { tact: 1 }
  passMark: 55
  dimensions: { policy: { label: Policy } }
start: ask
nodes:
  ask:
    customer: Hello?
    timeLimit: 30s
    order: fixed
    onTimeout: { mood: -5, set: { tries: 1 }, score: { policy: -1 }, goto: done }
    replies:
      - say: Hi.
        tact: 2
        mood: 5
        set: { tries: "tries + 1", label: "'asked'" }
        score: { policy: 3 }
        techniques: [acknowledge]
        feedback: Good.
        goto: check
      - { say: You are lying., tact: -3, techniques: [call-them-liar], goto: done }
  check:
    customer: And?
    timeLimit: none
    replies:
      - { say: Done., if: "tries > 0", critical: true, goto: done }
      - { say: Bye., goto: done }
endings:
  done: { customer: Bye., emotion: pleased, outcome: satisfied, feedback: Well done. }
`);

describe('fields written out are kept', () => {
  let scenario: Scenario;
  let ask: DialogueNode;
  let check: DialogueNode;
  beforeEach(() => {
    scenario = full();
    ask = scenario.nodes.ask as DialogueNode;
    check = scenario.nodes.check as DialogueNode;
  });

  it('keeps the scenario\u2019s texts, lists, difficulty and locale', () => {
    expect({ summary: scenario.summary, brief: scenario.brief, setting: scenario.setting, objectives: scenario.objectives, tags: scenario.tags, difficulty: scenario.difficulty, locale: scenario.locale })
      .toEqual({ summary: 'A summary.', brief: 'A brief.', setting: 'A shop.', objectives: ['Listen'], tags: ['returns'], difficulty: 4, locale: 'en-GB' });
  });

  it('keeps the customer\u2019s avatar, mood and patience (in milliseconds)', () => {
    expect(scenario.customer).toEqual({ name: 'Kim', avatar: 'kim-2', mood: 30, patienceMs: 12_000 });
  });

  it('keeps weights as written (without adding the standard ones) and the pass mark', () => {
    expect(scenario.scoring).toEqual({ weights: { tact: 1 }, passMark: 55, dimensions: { policy: { label: 'Policy' } } });
  });

  it('lets a node\u2019s time limit override the customer\u2019s patience, "none" included', () => {
    expect([ask.timeLimitMs, check.timeLimitMs]).toEqual([30_000, null]);
    expect(ask.order).toBe('fixed');
  });

  it('reads a written onTimeout, a YAML number in "set" as a value', () => {
    expect(ask.onTimeout).toEqual({ mood: -5, set: [{ name: 'tries', expression: { kind: 'literal', value: 1 } }], score: { policy: -1 }, goto: 'done' });
  });

  it('reads a text in "set" as an expression', () => {
    expect(ask.replies[0]!.set).toEqual([
      { name: 'tries', expression: { kind: 'binary', op: '+', left: { kind: 'name', name: 'tries' }, right: { kind: 'literal', value: 1 } } },
      { name: 'label', expression: { kind: 'literal', value: 'asked' } },
    ]);
  });

  it('keeps a reply\u2019s tact, mood, score, techniques and feedback', () => {
    expect({ ...ask.replies[0]!, set: 'checked above' }).toEqual({
      mood: 5, set: 'checked above', score: { policy: 3 }, goto: 'check', index: 1, say: 'Hi.', condition: undefined, tact: 2, techniques: ['acknowledge'], feedback: 'Good.', critical: false,
    });
  });

  it('makes a reply critical when it says so, or when it uses a technique the catalogue marks critical', () => {
    expect(ask.replies.map((r) => r.critical)).toEqual([false, true]);
    expect(check.replies.map((r) => [r.index, r.critical, r.condition?.kind])).toEqual([[1, true, 'binary'], [2, false, undefined]]);
  });

  it('keeps an ending\u2019s line, face and feedback', () => {
    expect(scenario.endings.done).toEqual({ kind: 'ending', id: 'done', customer: 'Bye.', emotion: 'pleased', outcome: 'satisfied', feedback: 'Well done.' });
  });
});
