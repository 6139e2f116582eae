import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, type Expression } from '../../../src/scenario/index.ts';
import { MAX_EXPRESSION_NESTING, MAX_EXPRESSION_OPERATORS, MAX_TEXT_LENGTH } from '../../../src/scenario/expression.ts';

const parse = (text: string): Expression => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.expression;
};
const run = (text: string, scope: Record<string, boolean | number | string> = {}) => evaluate(parse(text), scope);

describe('expressions', () => {
  it('compares numbers and mood', () => {
    expect(run('mood >= 50', { mood: 50 })).toBe(true);
    expect(run('mood < 50', { mood: 50 })).toBe(false);
    expect(run('offers != 2', { offers: 1 })).toBe(true);
  });

  it('combines with and, or, not and parentheses', () => {
    expect(run('asked and not angry', { asked: true, angry: false })).toBe(true);
    expect(run('not (asked or angry)', { asked: false, angry: true })).toBe(false);
    expect(run('a or b and c', { a: false, b: true, c: false })).toBe(false);
  });

  it('does arithmetic with the usual precedence', () => {
    expect(run('strikes + 1 * 2', { strikes: 1 })).toBe(3);
    expect(run('(strikes + 1) * 2', { strikes: 1 })).toBe(4);
    expect(run('-strikes + 10', { strikes: 3 })).toBe(7);
    expect(run('10 / 4')).toBe(2.5);
  });

  it('gives 0 for a division by zero instead of Infinity', () => {
    expect(run('5 / 0')).toBe(0);
  });

  it('compares and joins quoted strings', () => {
    expect(run("channel == 'phone'", { channel: 'phone' })).toBe(true);
    expect(run('channel == "email"', { channel: 'phone' })).toBe(false);
    expect(run("'case ' + ref", { ref: 42 })).toBe('case 42');
  });

  it('knows true and false', () => {
    expect(run('true and not false')).toBe(true);
  });

  it.each([
    ['offers >=', 'Expected expression'],
    ['a b', 'two values side by side'],
    ['f(x)', 'function calls'],
    ['a.b', '"." and "[ ]"'],
    ['a ? b : c', 'branch node'],
    ['a === b', ''],
    ['a && b', ''],
    ['', 'empty'],
  ])('rejects %j with a reason', (text, reason) => {
    const r = parseExpression(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(reason);
  });

  it('never reaches outside the scenario state', () => {
    // Names resolve only in the given scope; JavaScript globals are unknown names.
    expect(run('constructor', {})).toBe(false);
    expect(parseExpression('process.exit(1)').ok).toBe(false);
    expect(run('__proto__', {})).toBe(false);
    expect(parseExpression('this').ok).toBe(false);
  });

  it('rejects a number too large to count exactly, such as 1e999', () => {
    const r = parseExpression('score + 1e999');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('is too large');
      expect(r.error.offset).toBe(8);
    }
  });

  it('keeps arithmetic finite however large it grows', () => {
    expect(run('n * n', { n: 1e200 })).toBe(Number.MAX_SAFE_INTEGER);
    expect(run('0 - n * n', { n: 1e200 })).toBe(-Number.MAX_SAFE_INTEGER);
    expect(run('n / 3', { n: 9 })).toBe(3);
  });

  it('caps joined text, so a doubling loop cannot exhaust memory', () => {
    let s: string = 'ab';
    for (let i = 0; i < 40; i++) s = run('s + s', { s }) as string;
    expect(s.length).toBe(MAX_TEXT_LENGTH);
    expect(s.startsWith('abab')).toBe(true);
  });
});

describe('expressions too deep or too long to read', () => {
  /** Why the text was refused, and where: "message @ offset" (or "read"). */
  const refusal = (text: string): string => {
    const r = parseExpression(text);
    return r.ok ? 'read' : `${r.error.message} @ ${r.error.offset}`;
  };

  it.each([
    ['10,000 brackets', `${'('.repeat(10_000)}mood${')'.repeat(10_000)}`, 32],
    ['10,000 "not"s', `${'not '.repeat(10_000)}asked`, 128],
    ['10,000 minus signs', `${'- '.repeat(10_000)}1`, 64],
    ['10,000 square brackets', '['.repeat(10_000), 32],
    ['calls inside calls', 'f('.repeat(10_000), 65],
  ])('refuses %s as nested too deeply, at the level past the limit, instead of overflowing the call stack', (_, text, offset) => {
    expect(refusal(text)).toBe(`this expression is nested too deeply (more than ${MAX_EXPRESSION_NESTING} levels of brackets or "not"); write it as simpler conditions @ ${offset}`);
  });

  it('reads up to the limit, and counts brackets that close as closed', () => {
    expect(refusal(`${'('.repeat(MAX_EXPRESSION_NESTING)}mood${')'.repeat(MAX_EXPRESSION_NESTING)}`)).toBe('read');
    expect(refusal(`${'not '.repeat(MAX_EXPRESSION_NESTING)}asked`)).toBe('read');
    expect(refusal(Array.from({ length: 40 }, () => 'not (not (a > 1))').join(' or '))).toBe('read');
    expect(refusal("'(((((((((((((((((((((((((((((((((((((((((' == channel")).toBe('read');
  });

  it('refuses a chain of more operators than the limit, which would nest as deep once read', () => {
    expect(run(`n${' + n'.repeat(MAX_EXPRESSION_OPERATORS)}`, { n: 1 })).toBe(MAX_EXPRESSION_OPERATORS + 1);
    // The 201st "+" is the one past the limit: "n + n + …" puts the k-th at 4k - 2.
    expect(refusal(`n${' + n'.repeat(10_000)}`)).toBe(`this expression is too long (more than ${MAX_EXPRESSION_OPERATORS} operators); split it over several branch entries or variables @ ${4 * (MAX_EXPRESSION_OPERATORS + 1) - 2}`);
  });
});

describe('the expression grammar', () => {
  it('is our own: jsep keeps its usual operators for anyone else in the bundle', async () => {
    const { default: jsep } = await import('jsep');
    parseExpression('a and not b');
    expect(() => jsep('a && b || c ? 1 : 2')).not.toThrow();
    expect(parseExpression('a && b').ok).toBe(false);
  });
});
