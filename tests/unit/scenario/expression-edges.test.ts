import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, type Expression, type Value } from '../../../src/scenario/index.ts';
import { MAX_NUMBER, MAX_TEXT_LENGTH } from '../../../src/scenario/expression.ts';

/**
 * Edge cases of the expression language a trainer can meet in `if:` and
 * `set:`: comparisons at their boundaries, text against numbers, what counts
 * as false, and where a refused expression points.
 */
const parse = (text: string): Expression => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.expression;
};
const run = (text: string, scope: Record<string, Value> = {}): Value => evaluate(parse(text), scope);
const refusal = (text: string) => {
  const r = parseExpression(text);
  return r.ok ? undefined : r.error;
};

describe('comparing numbers', () => {
  it.each([
    ['1 != 1', false], ['1 != 2', true],
    ['1 < 2', true], ['2 < 2', false], ['3 < 2', false],
    ['1 <= 2', true], ['2 <= 2', true], ['3 <= 2', false],
    ['1 > 2', false], ['2 > 2', false], ['3 > 2', true],
    ['1 >= 2', false], ['2 >= 2', true], ['3 >= 2', true],
  ])('%s is %s', (text, result) => {
    expect(run(text)).toBe(result);
  });
});

describe('comparing text', () => {
  it.each([
    ["'apple' < 'banana'", true], ["'banana' < 'apple'", false], ["'a' < 'a'", false],
    ["'a' <= 'a'", true], ["'b' <= 'a'", false],
    ["'banana' > 'apple'", true], ["'apple' > 'banana'", false], ["'a' > 'a'", false],
    ["'a' >= 'a'", true], ["'a' >= 'b'", false],
    // Text against text is compared as text, letter by letter, even when it holds digits.
    ["'10' < '9'", true],
  ])('%s is %s', (text, result) => {
    expect(run(text)).toBe(result);
  });

  it('compares text with a number as a number, text that is not a number counting as 0', () => {
    expect(run("'abc' < 1")).toBe(true);
    expect(run("1 > 'abc'")).toBe(true);
    expect(run("'10' > 9")).toBe(true);
  });
});

describe('true and false in arithmetic and comparisons', () => {
  it('counts true as 1 and false as 0', () => {
    expect(run('flag + 1', { flag: true })).toBe(2);
    expect(run('flag * 3', { flag: false })).toBe(0);
    expect(run('flag > 0', { flag: true })).toBe(true);
    expect(run('-flag', { flag: true })).toBe(-1);
  });
});

describe('what counts as false', () => {
  it('treats empty text, 0 and false as false, and anything else as true', () => {
    expect(run('not label', { label: '' })).toBe(true);
    expect(run('not label', { label: 'x' })).toBe(false);
    expect(run('label or 0', { label: '' })).toBe(false);
    expect(run('n and true', { n: 0 })).toBe(false);
    expect(run('n and true', { n: -1 })).toBe(true);
  });
});

describe('joining text', () => {
  it('joins when the right-hand side is text, too', () => {
    expect(run("n + ' items'", { n: 2 })).toBe('2 items');
  });

  it('never builds text longer than the limit, even from a left side already over it', () => {
    const long = `${'x'.repeat(MAX_TEXT_LENGTH)}y`;
    expect(run("note + '!'", { note: long })).toBe('x'.repeat(MAX_TEXT_LENGTH));
  });
});

describe('numbers at their limits', () => {
  it('accepts the largest exact number and refuses one past it', () => {
    expect(run(String(MAX_NUMBER))).toBe(MAX_NUMBER);
    expect(refusal(`${MAX_NUMBER}0`)?.message).toContain('is too large');
  });

  it('keeps an infinite value handed in from outside finite, and never gives NaN', () => {
    expect(run('n + 1', { n: Infinity })).toBe(MAX_NUMBER);
    expect(run('n - n', { n: Infinity })).toBe(0);
  });
});

describe('where a refused expression points', () => {
  it.each([
    ['   ', 'the expression is empty', 0],
    ['x + f(1)', 'function calls are not allowed in expressions', 5],
    ['tries + a.b', '"." and "[ ]" are not allowed; use a plain variable name', 9],
    ['tries + a[1]', '"." and "[ ]" are not allowed; use a plain variable name', 9],
    ['tries ? b : c', '"? :" is not allowed; use a branch node instead', 6],
    ['[1, 2]', 'this kind of expression (ArrayExpression) is not allowed', 0],
    ['asked  angry', 'two values side by side: join them with an operator such as "and" or "=="', 5],
    ['  n+1 2', 'two values side by side: join them with an operator such as "and" or "=="', 5],
    ['tries +', 'Expected expression after +', 7],
  ])('%j: %s (at %i)', (text, message, offset) => {
    expect(refusal(text)).toEqual({ message, offset });
  });
});
