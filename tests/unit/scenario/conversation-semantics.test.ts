import { describe, expect, it } from 'vitest';
import {
  applyEffect,
  clampMood,
  formatProblem,
  hasErrors,
  offeredReplies,
  parseExpression,
  routeBranch,
  sortProblems,
  type BranchNode,
  type Expression,
  type Problem,
} from '../../../src/scenario/index.ts';

const expr = (source: string): Expression => {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`bad test expression: ${source}`);
  return parsed.expression;
};

describe('branch routing', () => {
  const node: BranchNode = {
    kind: 'branch',
    id: 'route',
    routes: [
      { condition: expr('mood >= 70'), goto: 'happy' },
      { condition: expr('refunded'), goto: 'refund' },
    ],
  };

  it('takes the first route whose condition holds', () => {
    expect(routeBranch(node, { mood: 80, variables: { refunded: true } })).toBe('happy');
    expect(routeBranch(node, { mood: 50, variables: { refunded: true } })).toBe('refund');
  });

  it('falls back to the last route when no condition holds, so a hand-built model never hangs', () => {
    expect(routeBranch(node, { mood: 50, variables: { refunded: false } })).toBe('refund');
  });

  it('takes a route without a condition at once', () => {
    const open: BranchNode = { kind: 'branch', id: 'open', routes: [{ goto: 'first' }, { condition: expr('true'), goto: 'second' }] };
    expect(routeBranch(open, { mood: 0, variables: {} })).toBe('first');
  });
});

describe('effects', () => {
  it('keeps mood within 0..100 and rounds it', () => {
    expect([-5, 0, 49.4, 49.5, 100, 130].map(clampMood)).toEqual([0, 0, 49, 50, 100, 100]);
  });

  it('reads every set expression from the state before the change, and leaves the old state alone', () => {
    const before = { mood: 40, variables: { a: 1, b: 2 } };
    const after = applyEffect(
      { mood: 75, score: {}, goto: 'x', set: [{ name: 'a', expression: expr('b') }, { name: 'b', expression: expr('a') }, { name: 'calm', expression: expr('mood > 50') }] },
      before,
    );
    expect(after).toEqual({ mood: 100, variables: { a: 2, b: 1, calm: false } });
    expect(before).toEqual({ mood: 40, variables: { a: 1, b: 2 } });
  });

  it('offers the replies whose condition holds, in file order', () => {
    const reply = (index: number, condition?: string) => ({
      index, say: `r${index}`, tact: 0, techniques: [], critical: false, mood: 0, set: [], score: {}, goto: 'x',
      ...(condition === undefined ? {} : { condition: expr(condition) }),
    });
    const node = {
      kind: 'dialogue' as const, id: 'n', customer: 'Hi', timeLimitMs: null, order: 'fixed' as const,
      onTimeout: { mood: 0, set: [], score: {}, goto: 'n' },
      replies: [reply(1, 'mood > 50'), reply(2), reply(3, 'vip'), reply(4, 'mood > 10')],
    };
    expect(offeredReplies(node, { mood: 30, variables: { vip: true } }).map((r) => r.index)).toEqual([2, 3, 4]);
    expect(offeredReplies(node, { mood: 60, variables: { vip: false } }).map((r) => r.index)).toEqual([1, 2, 4]);
  });
});

describe('problems', () => {
  const problem = (over: Partial<Problem>): Problem => ({ file: 'a.yaml', line: 1, column: 1, severity: 'error', rule: 'r', message: 'm', ...over });

  it('print as file:line:col: severity: message [rule]', () => {
    expect(formatProblem(problem({ file: 'scenarios/x.yaml', line: 12, column: 11, severity: 'warning', rule: 'unknown-target', message: 'goto "x"' })))
      .toBe('scenarios/x.yaml:12:11: warning: goto "x" [unknown-target]');
  });

  it('block play only when one is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([problem({ severity: 'warning' })])).toBe(false);
    expect(hasErrors([problem({ severity: 'warning' }), problem({ severity: 'error' })])).toBe(true);
  });

  it('sort by file, then line, then column, then rule', () => {
    const sorted = sortProblems([
      problem({ file: 'b.yaml', line: 1 }),
      problem({ line: 3, column: 2 }),
      problem({ line: 3, column: 1, rule: 'z' }),
      problem({ line: 3, column: 1, rule: 'a' }),
      problem({ line: 2, column: 9 }),
    ]);
    expect(sorted.map((p) => `${p.file}:${p.line}:${p.column}:${p.rule}`)).toEqual([
      'a.yaml:2:9:r', 'a.yaml:3:1:a', 'a.yaml:3:1:z', 'a.yaml:3:2:r', 'b.yaml:1:1:r',
    ]);
  });
});
