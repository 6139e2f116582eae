import jsep from 'jsep';

/** A value a scenario variable (or an expression) can hold. */
export type Value = boolean | number | string;

/** The state an expression may read: the scenario's variables and `mood`. */
export type ExpressionScope = Readonly<Record<string, Value>>;

/**
 * A checked expression tree. Only the grammar in the spec is representable,
 * so evaluation can never reach anything but the scenario's own state.
 */
export type Expression =
  | { kind: 'literal'; value: Value }
  | { kind: 'name'; name: string }
  | { kind: 'unary'; op: 'not' | '-'; arg: Expression }
  | { kind: 'binary'; op: BinaryOp; left: Expression; right: Expression };

export type BinaryOp = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';

/**
 * The longest text an expression may build. A `set` that keeps doubling a
 * text in a loop would otherwise grow until the program runs out of memory.
 */
export const MAX_TEXT_LENGTH = 10_000;
/** Numbers stay within ±this (the largest whole number JavaScript counts exactly). */
export const MAX_NUMBER = Number.MAX_SAFE_INTEGER;

/**
 * How deeply an expression may nest: brackets, "not"s and minus signs in a
 * row. Reading and evaluating an expression recurse once per level, so a
 * condition of 10,000 brackets would overflow the call stack; no trainer
 * needs more than a handful.
 */
export const MAX_EXPRESSION_NESTING = 32;
/** How many operators an expression may hold: `a or b or c …` nests one level per operator once read. */
export const MAX_EXPRESSION_OPERATORS = 200;

/** Why an expression could not be read, and where in its text (0-based). */
export interface ExpressionError {
  message: string;
  offset: number;
}

/**
 * The spec's grammar: exactly these operators and literals, nothing else
 * (calls, members, `===`, ternaries fail to parse or are rejected below).
 */
const GRAMMAR = {
  binary: { or: 1, and: 2, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7, '+': 9, '-': 9, '*': 10, '/': 10 } as Record<string, number>,
  unary: { not: 1, '-': 1 } as Record<string, number>,
  literals: { true: true, false: false } as Record<string, boolean>,
};

/**
 * Runs jsep with our grammar and puts its own back afterwards. jsep keeps its
 * operator tables on one shared object; installing ours only for the length
 * of a parse means no other user of jsep in the same bundle sees a changed
 * language (and ours can't be changed by them).
 */
function parseWithGrammar(text: string): jsep.Expression {
  // The tables live on the Jsep class itself (the `jsep` function only copies references to them).
  const j = (jsep as unknown as { Jsep: unknown }).Jsep as {
    binary_ops: Record<string, number>; unary_ops: Record<string, number>; literals: Record<string, unknown>;
    right_associative: Set<string>; max_binop_len: number; max_unop_len: number;
  };
  const saved = { binary: j.binary_ops, unary: j.unary_ops, literals: j.literals, right: j.right_associative, maxBinary: j.max_binop_len, maxUnary: j.max_unop_len };
  j.binary_ops = GRAMMAR.binary;
  j.unary_ops = GRAMMAR.unary;
  j.literals = GRAMMAR.literals;
  j.right_associative = new Set();
  j.max_binop_len = 3;
  j.max_unop_len = 3;
  try {
    return jsep(text);
  } finally {
    j.binary_ops = saved.binary;
    j.unary_ops = saved.unary;
    j.literals = saved.literals;
    j.right_associative = saved.right;
    j.max_binop_len = saved.maxBinary;
    j.max_unop_len = saved.maxUnary;
  }
}

/**
 * Parses expression text (`mood >= 50 and not askedWhy`).
 *
 * @example parseExpression('strikes + 1') // { ok: true, expression: {...} }
 */
export function parseExpression(text: string): { ok: true; expression: Expression } | { ok: false; error: ExpressionError } {
  if (text.trim() === '') return { ok: false, error: { message: 'the expression is empty', offset: 0 } };
  const tooBig = tooComplex(text);
  if (tooBig) return { ok: false, error: tooBig };
  let tree: jsep.Expression;
  try {
    tree = parseWithGrammar(text);
  } catch (err) {
    const e = err as { description?: string; index?: number; message?: string };
    return { ok: false, error: { message: e.description ?? e.message ?? 'cannot read this expression', offset: e.index ?? 0 } };
  }
  try {
    return { ok: true, expression: convert(tree, text) };
  } catch (err) {
    if (err instanceof UnsupportedSyntax) return { ok: false, error: { message: err.message, offset: err.offset } };
    throw err;
  }
}

/** Tokens as jsep reads them, near enough to count nesting: quoted text, words, numbers, brackets, operators. */
const TOKEN = /\s+|"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[A-Za-z_$][\w$]*|\d*\.?\d+(?:e[+-]?\d+)?|[()[\]]|==|!=|<=|>=|[^\s\w$()[\]'"]/giy;
/** A token that is (or ends) a value: a name, number, quoted text or closing bracket; the words `and`, `or`, `not` are operators. */
const VALUE_END = /^(?!(?:and|or|not)$)[\w$.'")\]]/;

/**
 * Refuses an expression nested too deeply or too long to read without
 * risking the call stack (see MAX_EXPRESSION_NESTING), before the parser
 * sees it. At each token it counts the brackets open, the "not"s and minus
 * signs still waiting for their value, and every "?": the parser recurses
 * at most once for each.
 */
function tooComplex(text: string): ExpressionError | undefined {
  /** Per bracket open (and one for outside them all): the prefix operators waiting in it. */
  const waiting: number[] = [0];
  let nesting = 0;
  let operators = 0;
  let expectValue = true;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const token = match[0];
    if (/^\s/.test(token)) continue;
    if (expectValue && (token === 'not' || token === '-')) {
      waiting[waiting.length - 1]!++;
      nesting++;
    } else if (token === '(' || token === '[') {
      waiting.push(0);
      nesting++;
    } else if ((token === ')' || token === ']') && waiting.length > 1) {
      // The bracket closes, and with it the value the prefix operators before it were waiting for.
      nesting -= waiting.pop()! + 1 + waiting[waiting.length - 1]!;
      waiting[waiting.length - 1] = 0;
    } else if (VALUE_END.test(token)) {
      nesting -= waiting[waiting.length - 1]!;
      waiting[waiting.length - 1] = 0;
    } else if (token === '?') nesting++;
    const value = VALUE_END.test(token);
    if (!value && token !== '(' && token !== '[') operators++;
    expectValue = !value;
    if (nesting > MAX_EXPRESSION_NESTING) {
      return { message: `this expression is nested too deeply (more than ${MAX_EXPRESSION_NESTING} levels of brackets or "not"); write it as simpler conditions`, offset: match.index };
    }
    if (operators > MAX_EXPRESSION_OPERATORS) {
      return { message: `this expression is too long (more than ${MAX_EXPRESSION_OPERATORS} operators); split it over several branch entries or variables`, offset: match.index };
    }
  }
  return undefined;
}

class UnsupportedSyntax extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

function convert(node: jsep.Expression, text: string): Expression {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value === 'number' && !(Math.abs(value) <= MAX_NUMBER)) {
        throw new UnsupportedSyntax(`the number ${(node as jsep.Literal).raw} is too large; numbers must be between -${MAX_NUMBER} and ${MAX_NUMBER}`, Math.max(0, text.indexOf(String((node as jsep.Literal).raw))));
      }
      if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return { kind: 'literal', value };
      throw new UnsupportedSyntax('only numbers, quoted strings, true and false are allowed', 0);
    }
    case 'Identifier':
      return { kind: 'name', name: (node as jsep.Identifier).name };
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      return { kind: 'unary', op: u.operator as 'not' | '-', arg: convert(u.argument, text) };
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      return { kind: 'binary', op: b.operator as BinaryOp, left: convert(b.left, text), right: convert(b.right, text) };
    }
    case 'Compound':
      throw new UnsupportedSyntax('two values side by side: join them with an operator such as "and" or "=="', findGap(text));
    case 'CallExpression':
      throw new UnsupportedSyntax('function calls are not allowed in expressions', Math.max(0, text.indexOf('(')));
    case 'MemberExpression':
      throw new UnsupportedSyntax('"." and "[ ]" are not allowed; use a plain variable name', Math.max(0, text.search(/[.[]/)));
    case 'ConditionalExpression':
      throw new UnsupportedSyntax('"? :" is not allowed; use a branch node instead', Math.max(0, text.indexOf('?')));
    default:
      throw new UnsupportedSyntax(`this kind of expression (${node.type}) is not allowed`, 0);
  }
}

/** Offset of the first space between two adjacent values, for Compound errors. */
function findGap(text: string): number {
  const m = /\S\s+\S/.exec(text.trim());
  return m ? text.indexOf(text.trim()) + m.index + 1 : 0;
}

/** Every variable name an expression reads, in order of appearance. */
export function namesIn(expression: Expression): string[] {
  switch (expression.kind) {
    case 'literal':
      return [];
    case 'name':
      return [expression.name];
    case 'unary':
      return namesIn(expression.arg);
    case 'binary':
      return [...namesIn(expression.left), ...namesIn(expression.right)];
  }
}

/**
 * Evaluates a checked expression against the scenario's state.
 *
 * Rules a trainer can rely on: `and`/`or`/`not` treat 0, "" and false as
 * false; `+` joins text when either side is text; dividing by zero gives 0
 * (never Infinity, which would poison mood and scores); numbers are kept
 * within ±MAX_NUMBER and joined text within MAX_TEXT_LENGTH characters, so
 * no loop in a scenario can grow a value without bound.
 */
export function evaluate(expression: Expression, scope: ExpressionScope): Value {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'name': {
      // Own properties only: "constructor" or "__proto__" must never reach JavaScript objects.
      // The linter rejects unknown names; at run time a missing one is false.
      return Object.hasOwn(scope, expression.name) ? scope[expression.name]! : false;
    }
    case 'unary': {
      const arg = evaluate(expression.arg, scope);
      return expression.op === 'not' ? !truthy(arg) : bounded(-toNumber(arg));
    }
    case 'binary':
      return evaluateBinary(expression.op, expression.left, expression.right, scope);
  }
}

function evaluateBinary(op: BinaryOp, leftExpr: Expression, rightExpr: Expression, scope: ExpressionScope): Value {
  if (op === 'and') return truthy(evaluate(leftExpr, scope)) && truthy(evaluate(rightExpr, scope));
  if (op === 'or') return truthy(evaluate(leftExpr, scope)) || truthy(evaluate(rightExpr, scope));
  const left = evaluate(leftExpr, scope);
  const right = evaluate(rightExpr, scope);
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return compare(left, right) < 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>':
      return compare(left, right) > 0;
    case '>=':
      return compare(left, right) >= 0;
    case '+':
      return typeof left === 'string' || typeof right === 'string' ? joinText(left, right) : bounded(toNumber(left) + toNumber(right));
    case '-':
      return bounded(toNumber(left) - toNumber(right));
    case '*':
      return bounded(toNumber(left) * toNumber(right));
    case '/': {
      const divisor = toNumber(right);
      return divisor === 0 ? 0 : bounded(toNumber(left) / divisor);
    }
  }
}

/** Joins two values as text, cut at MAX_TEXT_LENGTH before the join is built. */
function joinText(left: Value, right: Value): string {
  const a = String(left).slice(0, MAX_TEXT_LENGTH);
  return a + String(right).slice(0, MAX_TEXT_LENGTH - a.length);
}

/** Keeps a number finite and within ±MAX_NUMBER. */
function bounded(n: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.max(-MAX_NUMBER, Math.min(MAX_NUMBER, n));
}

function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return toNumber(a) - toNumber(b);
}

/** Truthiness as a trainer would read it: false, 0 and "" are false. */
export function truthy(value: Value): boolean {
  return value !== false && value !== 0 && value !== '';
}

function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}
