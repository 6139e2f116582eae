import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario, scenarioGraph, type Scenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * `tactful graph` output, pinned line by line: trainers paste it into
 * Mermaid or Graphviz, so every shape, label and escape matters.
 *
 * The fixture has a timed dialogue node whose line runs past eight words
 * (with a run of spaces and double quotes), a branch with two conditions and
 * a fallback, an untimed node whose line is exactly eight words, replies of
 * positive, zero and negative tact (one with a condition), and a line with
 * double quotes and a backslash.
 */
// Read inside each test (not while the file loads), so the mutation run sees which test reaches which code.
const scenario = (): Scenario => {
  const checked = checkScenario('refund-desk.yaml', readFileSync('tests/fixtures/graph/refund-desk.yaml', 'utf8'), catalogue);
  if (!checked.scenario) throw new Error(checked.problems.map((p) => p.message).join('\n'));
  return checked.scenario;
};

describe('graph export as Mermaid', () => {
  const lines = (): string[] => scenarioGraph(scenario(), 'mermaid').split('\n');

  it('is a top-down flowchart that starts at the start node and ends with a newline', () => {
    expect(lines().slice(0, 2)).toEqual(['flowchart TD', '  start((start)) --> n0']);
    expect(lines().at(-1)).toBe('');
  });

  it('draws dialogue nodes as boxes, branches as diamonds and endings as rounded boxes, with safe ids', () => {
    expect(lines().slice(2, 7)).toEqual([
      '  n0["greet: I bought this #quot;blender#quot; C:\\\\shop last week and…"]',
      '  n1{"route"}',
      '  n2["calm: Eight words exactly in this line right here."]',
      '  n3(["won (satisfied)"])',
      '  n4(["lost (lost)"])',
    ]);
  });

  it('labels replies with number and signed tact, conditions with "if", branch routes in order, and timeouts', () => {
    expect(lines().slice(7, -1)).toEqual([
      '  n0 -->|"1 (tact +2)"| n1',
      '  n0 -->|"2 (tact -3)"| n4',
      '  n0 -->|"3 (tact +0) if"| n0',
      '  n0 -->|"timeout"| n0',
      '  n1 -->|"if 1"| n4',
      '  n1 -->|"if 2"| n3',
      '  n1 -->|"else"| n2',
      '  n2 -->|"1 (tact +1)"| n3',
    ]);
  });
});

describe('graph export as Graphviz dot', () => {
  it('writes the whole digraph, escaping quotes and backslashes', () => {
    expect(scenarioGraph(scenario(), 'dot')).toBe([
      'digraph "refund-desk" {',
      '  rankdir=TB;',
      '  node [fontname="sans-serif"];',
      '  __start [shape=point]; __start -> "greet";',
      '  "greet" [shape=box, label="greet: I bought this \\"blender\\" C:\\\\\\\\shop last week and…"];',
      '  "route" [shape=diamond, label="route"];',
      '  "calm" [shape=box, label="calm: Eight words exactly in this line right here."];',
      '  "won" [shape=doubleoctagon, label="won (satisfied)"];',
      '  "lost" [shape=doubleoctagon, label="lost (lost)"];',
      '  "greet" -> "route" [label="1 (tact +2)"];',
      '  "greet" -> "lost" [label="2 (tact -3)"];',
      '  "greet" -> "greet" [label="3 (tact +0) if"];',
      '  "greet" -> "greet" [label="timeout"];',
      '  "route" -> "lost" [label="if 1"];',
      '  "route" -> "won" [label="if 2"];',
      '  "route" -> "calm" [label="else"];',
      '  "calm" -> "won" [label="1 (tact +1)"];',
      '}',
      '',
    ].join('\n'));
  });
});
