import { namesIn, parseExpression, type Expression, type Value } from './expression.ts';
import { parseDuration } from './duration.ts';
import type { Assignment, Effect, Ending, Reply, Scenario, ScenarioNode } from './model.ts';
import type { Problem } from './problem.ts';
import { ID_PATTERN, type ScenarioSource } from './schema.ts';
import { problemAt, scalarTextStart, type ScenarioSourceFile, type SourcePath } from './source.ts';
import { closestMatch } from './suggest.ts';
import type { TechniqueCatalogue } from './techniques.ts';

const BUILT_IN_DIMENSIONS = ['tact', 'speed', 'satisfaction'];
const DEFAULT_WEIGHTS = { tact: 0.4, speed: 0.2, satisfaction: 0.4 };

/**
 * Applies defaults and checks everything that needs more than the schema:
 * ids, `goto` targets, variables, expressions, techniques and dimensions.
 * Returns the scenario model when there is no error.
 */
export function normalise(
  source: ScenarioSourceFile,
  data: ScenarioSource,
  catalogue: TechniqueCatalogue,
): { scenario?: Scenario; problems: Problem[] } {
  const problems: Problem[] = [];
  const error = (path: SourcePath, rule: string, message: string, part: 'key' | 'value' = 'value', offset = 0): void => {
    problems.push(problemAt(source, path, 'error', rule, message, part, offset));
  };

  const variables: Record<string, Value> = { ...(data.variables ?? {}) };
  if (Object.hasOwn(variables, 'mood')) error(['variables', 'mood'], 'reserved-name', '"mood" is built in; remove this variable and use the customer\u2019s mood', 'key');
  const known = new Set([...Object.keys(variables), 'mood']);

  const dimensions = data.scoring?.dimensions ?? {};
  for (const name of Object.keys(dimensions)) {
    if (BUILT_IN_DIMENSIONS.includes(name)) error(['scoring', 'dimensions', name], 'reserved-name', `"${name}" is a built-in score; pick another name for this dimension`, 'key');
  }
  const weights: Record<string, number> = { ...(data.scoring?.weights ?? DEFAULT_WEIGHTS) };
  for (const name of Object.keys(weights)) {
    // Own keys only (here and below): a name like "constructor" is in every object's prototype, never declared.
    if (!BUILT_IN_DIMENSIONS.includes(name) && !Object.hasOwn(dimensions, name)) {
      error(['scoring', 'weights', name], 'undefined-dimension', `weight for "${name}", which is not tact, speed, satisfaction or a dimension under scoring.dimensions`, 'key');
    }
  }
  if (Object.values(weights).every((w) => w === 0)) error(['scoring', 'weights'], 'out-of-range', 'at least one weight must be above 0');

  // Each distinct text is parsed and looked over once: scenarios repeat their conditions (`if: checkedReceipt`)
  // many times. The trees are never changed, so replies can share one; problems are still reported at every use.
  const readings = new Map<string, ExpressionReading>();
  /** Parses an expression at a path, reporting syntax errors and unknown names. */
  const expression = (text: string, path: SourcePath): Expression | undefined => {
    let reading = readings.get(text);
    if (!reading) readings.set(text, (reading = readExpression(text)));
    const { parsed, trap, names } = reading;
    // scalarTextStart (where the text starts inside its YAML scalar, after a quote) is only
    // looked up when there is a problem, since it needs the position-keeping parse.
    if (!parsed.ok) {
      error(path, 'expression-syntax', `cannot read expression "${text}": ${parsed.error.message}`, 'value', scalarTextStart(source, path) + parsed.error.offset);
      return undefined;
    }
    if (trap) {
      problems.push(problemAt(source, path, 'warning', 'not-precedence',
        `"not" applies only to the value right after it, so this compares (not ${trap.operand}) ${trap.op} …, which is almost never meant; write "not (${trap.operand} ${trap.op} …)"`, 'value', scalarTextStart(source, path) + Math.max(0, text.indexOf('not'))));
    }
    for (const name of names) {
      if (!known.has(name)) {
        const offset = wordAt(text, name);
        error(path, 'undefined-variable', `"${name}" is not a declared variable; add it under "variables:" with a default value`, 'value', scalarTextStart(source, path) + offset);
      }
    }
    return parsed.expression;
  };

  const ids = new Set<string>();
  for (const [group, map] of [['nodes', data.nodes], ['endings', data.endings]] as const) {
    for (const id of Object.keys(map)) {
      if (!ID_PATTERN.test(id)) error([group, id], 'bad-id', `id "${id}" must use only letters, digits, "-" and "_" (no spaces or dots)`, 'key');
      if (ids.has(id)) error([group, id], 'duplicate-id', `"${id}" is used both as a node and as an ending; ids share one namespace, rename one`, 'key');
      ids.add(id);
    }
  }
  if (Object.keys(data.endings).length === 0) error(['endings'], 'missing-field', 'a scenario needs at least one ending under "endings:"');
  if (Object.keys(data.nodes).length === 0) error(['nodes'], 'missing-field', 'a scenario needs at least one node under "nodes:"');

  /** Checks a `goto` (or `start`): the field `key` under `at` (the path is only built for a problem). */
  const target = (id: string, at: SourcePath, key: string | number): void => {
    if (!ids.has(id)) error([...at, key], 'unknown-target', `"${id}" is not a node or ending id${closest(id, ids)}`);
  };
  target(data.start, [], 'start');

  const effect = (raw: { mood?: number; set?: Record<string, Value>; score?: Record<string, number> }, path: SourcePath, gotoId: string): Effect => {
    const set: Assignment[] = [];
    for (const [name, value] of raw.set ? Object.entries(raw.set) : []) {
      if (name === 'mood') {
        error([...path, 'set', name], 'set-mood', 'use "mood: +N" on the reply to change mood, not "set"', 'key');
        continue;
      }
      if (!Object.hasOwn(variables, name)) {
        error([...path, 'set', name], 'undefined-variable', `"${name}" is not a declared variable; add it under "variables:" with a default value`, 'key');
        continue;
      }
      const parsed = typeof value === 'string' ? expression(value, [...path, 'set', name]) : { kind: 'literal' as const, value };
      if (parsed) set.push({ name, expression: parsed });
    }
    for (const name of raw.score ? Object.keys(raw.score) : []) {
      if (!Object.hasOwn(dimensions, name)) error([...path, 'score', name], 'undefined-dimension', `"${name}" is not a dimension; declare it under scoring.dimensions with a label`, 'key');
    }
    return { mood: raw.mood ?? 0, set, score: raw.score ? { ...raw.score } : {}, goto: gotoId };
  };

  const patienceMs = parseDuration(data.customer.patience ?? 'none') ?? null;
  const nodes: Record<string, ScenarioNode> = {};
  for (const [id, raw] of Object.entries(data.nodes)) {
    const path = ['nodes', id];
    if (raw.branch) {
      for (const field of ['customer', 'replies', 'timeLimit', 'onTimeout', 'emotion', 'order'] as const) {
        if (raw[field] !== undefined) error([...path, field], 'mixed-node', `a branch node has no "${field}"; move it to a dialogue node or remove "branch"`, 'key');
      }
      const routes = raw.branch.map((entry, i) => {
        target(entry.goto, [...path, 'branch', i], 'goto');
        if (entry.if === undefined && i < raw.branch!.length - 1) {
          error([...path, 'branch', i], 'branch-fallback', 'the entry without "if" is the fallback and must be last; move it to the end');
        }
        return { condition: entry.if === undefined ? undefined : expression(entry.if, [...path, 'branch', i, 'if']), goto: entry.goto };
      });
      if (raw.branch[raw.branch.length - 1]?.if !== undefined) {
        error([...path, 'branch'], 'branch-fallback', 'this branch has no fallback: add a last entry with only "goto:" for when no "if" is true');
      }
      nodes[id] = { kind: 'branch', id, routes };
      continue;
    }
    if (raw.customer === undefined) error(path, 'missing-field', `node "${id}" needs a "customer:" line and "replies:" (or "branch:" for a branch node)`, 'key');
    if (raw.replies === undefined) error(path, 'missing-field', `node "${id}" needs "replies:" (1 to 9 of them)`, 'key');
    const timeLimitMs = raw.timeLimit === undefined ? patienceMs : (parseDuration(raw.timeLimit) ?? null);
    const onTimeoutRaw = raw.onTimeout;
    if (onTimeoutRaw?.goto) target(onTimeoutRaw.goto, [...path, 'onTimeout'], 'goto');
    const onTimeout = onTimeoutRaw
      ? effect(onTimeoutRaw, [...path, 'onTimeout'], onTimeoutRaw.goto ?? id)
      : { mood: -10, set: [], score: {}, goto: id };
    const replies: Reply[] = (raw.replies ?? []).map((r, i) => {
      const rp = [...path, 'replies', i];
      target(r.goto, rp, 'goto');
      const techniques = r.techniques ?? [];
      for (let t = 0; t < techniques.length; t++) {
        const technique = techniques[t]!;
        if (!catalogue.has(technique)) {
          error([...rp, 'techniques', t], 'undefined-technique', `technique "${technique}" is not in the catalogue${closest(technique, catalogue.keys())}; add it to scenarios/techniques.yaml or fix the spelling`);
        }
      }
      // Written out rather than spread: V8 builds `{ ...effect, index, … }` slowly (it adds keys to a copied shape).
      const { mood, set, score, goto } = effect(r, rp, r.goto);
      return {
        mood,
        set,
        score,
        goto,
        index: i + 1,
        say: r.say,
        condition: r.if === undefined ? undefined : expression(r.if, [...rp, 'if']),
        tact: r.tact ?? 0,
        techniques: r.techniques ?? [],
        feedback: r.feedback,
        critical: r.critical === true || (r.techniques ?? []).some((t) => catalogue.get(t)?.critical === true),
      };
    });
    nodes[id] = { kind: 'dialogue', id, customer: raw.customer ?? '', emotion: raw.emotion, timeLimitMs, onTimeout, replies, order: raw.order ?? 'shuffled' };
  }

  const endings: Record<string, Ending> = {};
  for (const [id, raw] of Object.entries(data.endings)) {
    endings[id] = { kind: 'ending', id, customer: raw.customer ?? '', emotion: raw.emotion, outcome: raw.outcome, feedback: raw.feedback };
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    scenario: {
      id: data.id,
      file: source.file,
      title: data.title,
      summary: data.summary ?? '',
      brief: data.brief ?? '',
      setting: data.setting ?? '',
      objectives: data.objectives ?? [],
      tags: data.tags ?? [],
      difficulty: data.difficulty ?? 2,
      locale: data.locale ?? 'en',
      customer: { name: data.customer.name, avatar: data.customer.avatar ?? data.customer.name, mood: data.customer.mood ?? 50, patienceMs },
      variables,
      scoring: { weights, passMark: data.scoring?.passMark ?? 70, dimensions },
      start: data.start,
      nodes,
      endings,
    },
  };
}

/** What normalise learns once about an expression's text, wherever it is written. */
interface ExpressionReading {
  parsed: ReturnType<typeof parseExpression>;
  /** A `not` before a comparison (a warning). */
  trap?: { operand: string; op: string };
  /** The names it reads, each once. */
  names: string[];
}

function readExpression(text: string): ExpressionReading {
  const parsed = parseExpression(text);
  if (!parsed.ok) return { parsed, names: [] };
  return { parsed, trap: notBeforeComparison(parsed.expression), names: [...new Set(namesIn(parsed.expression))] };
}

/**
 * Finds `not x > 5`: `not` binds to `x` alone, so it reads as `(not x) > 5`,
 * a comparison of true/false with a number that is always the same. Looks
 * at the tree depth first, left before right, with its own stack.
 */
function notBeforeComparison(expression: Expression): { operand: string; op: string } | undefined {
  const stack = [expression];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'unary') stack.push(e.arg);
    if (e.kind !== 'binary') continue;
    const comparison = ['==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/'].includes(e.op);
    const left = e.left;
    if (comparison && left.kind === 'unary' && left.op === 'not') {
      return { operand: left.arg.kind === 'name' ? left.arg.name : left.arg.kind === 'literal' ? String(left.arg.value) : '…', op: e.op };
    }
    stack.push(e.right, e.left);
  }
  return undefined;
}

/** "; did you mean …?" for a misspelt id, or nothing. */
function closest(id: string, candidates: Iterable<string>): string {
  const best = closestMatch(id, candidates);
  return best === undefined ? '' : `; did you mean "${best}"?`;
}

/**
 * Where `name` first appears in `text` as a whole word (not inside a longer
 * name), or 0. A plain search rather than a regular expression built from
 * the name, which a very long name would make too big to compile.
 */
function wordAt(text: string, name: string): number {
  const part = (c: string | undefined): boolean => c !== undefined && /[\w$]/.test(c);
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!part(text[at - 1]) && !part(text[at + name.length])) return at;
  }
  return 0;
}
