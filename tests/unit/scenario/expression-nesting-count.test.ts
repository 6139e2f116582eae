import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, type Value } from '../../../src/scenario/index.ts';
import { MAX_EXPRESSION_NESTING, MAX_EXPRESSION_OPERATORS } from '../../../src/scenario/expression.ts';

/**
 * The nesting and length limits count what the parser will recurse on, and
 * nothing else: a long but flat condition (many "not x" or "(x)" joined by
 * "or") is read, however many parts it has, while brackets, "not"s and
 * "? :" nested past the limit are refused, wherever they appear.
 */
const TOO_DEEP = `this expression is nested too deeply (more than ${MAX_EXPRESSION_NESTING} levels of brackets or "not"); write it as simpler conditions`;
const TOO_LONG = `this expression is too long (more than ${MAX_EXPRESSION_OPERATORS} operators); split it over several branch entries or variables`;

/** "read", or why the text was refused. */
const outcome = (text: string): string => {
  const r = parseExpression(text);
  return r.ok ? 'read' : r.error.message;
};
/** The value of an expression that must read. */
const value = (text: string, scope: Record<string, Value> = {}): Value => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.error.message);
  return evaluate(r.expression, scope);
};
const joined = (part: (i: number) => string, count = 40): string => Array.from({ length: count }, (_, i) => part(i)).join(' or ');
const deep = (depth: number): string => `${'('.repeat(depth)}mood${')'.repeat(depth)}`;

describe('a long but flat condition', () => {
  it('is read, however many "not x" parts it joins', () => {
    expect(outcome(joined((i) => `not asked${i}`))).toBe('read');
  });

  it('is read when each "not" is followed by quoted text with a space in it', () => {
    expect(outcome(joined(() => "not 'on hold'"))).toBe('read');
  });

  it('is read, however many bracketed parts it joins', () => {
    expect(outcome(joined((i) => `(n > ${i})`))).toBe('read');
    expect(outcome(joined((i) => `not (n > ${i})`))).toBe('read');
  });

  it('does not count brackets as operators: 150 bracketed sums are read', () => {
    const text = Array.from({ length: 150 }, () => '(n)').join(' + ');
    expect(outcome(text)).toBe('read');
    expect(value(text, { n: 1 })).toBe(150);
  });

  it('still refuses one operator past the limit', () => {
    expect(outcome(Array.from({ length: MAX_EXPRESSION_OPERATORS + 2 }, () => 'n').join(' + '))).toBe(TOO_LONG);
  });
});

describe('brackets nested past the limit', () => {
  it.each([
    ['after a "not x"', `not asked or ${deep(40)}`],
    ['after "not" in quoted text', `not 'on hold' or ${deep(40)}`],
    ['after a closed bracket', `(asked) or ${deep(40)}`],
    ['after a "not (x)"', `not (asked) or ${deep(40)}`],
  ])('are refused %s', (_, text) => {
    expect(outcome(text)).toBe(TOO_DEEP);
  });

  it('are refused after a stray closing bracket, too', () => {
    expect(outcome(`asked) or ${deep(40)}`)).toBe(TOO_DEEP);
    expect(outcome(`not (asked)) or ${deep(40)}`)).toBe(TOO_DEEP);
  });
});

describe('"? :" nested past the limit', () => {
  it('is refused as too deep before the parser recurses, not only as a forbidden "? :"', () => {
    const chain = `${Array.from({ length: 40 }, (_, i) => `a${i} ? 1 : `).join('')}0`;
    expect(outcome(chain)).toBe(TOO_DEEP);
    expect(outcome('a ? 1 : 0')).toBe('"? :" is not allowed; use a branch node instead');
  });
});

describe('"!=" on numbers', () => {
  it('is true whichever side is larger', () => {
    expect(value('2 != 1')).toBe(true);
    expect(value('1 != 2')).toBe(true);
    expect(value('2 != 2')).toBe(false);
  });
});
