import type { z } from 'zod';
import type { Problem } from './problem.ts';
import { closestMatch } from './suggest.ts';
import { problemAt, type ScenarioSourceFile, type SourcePath } from './source.ts';

/** Field names the format knows, for "did you mean" hints on unknown fields. */
const KNOWN_FIELDS = [
  'id', 'title', 'summary', 'brief', 'setting', 'objectives', 'tags', 'difficulty', 'locale', 'customer', 'name', 'avatar',
  'mood', 'patience', 'variables', 'scoring', 'weights', 'passMark', 'dimensions', 'label', 'start', 'nodes', 'endings',
  'emotion', 'timeLimit', 'onTimeout', 'replies', 'branch', 'say', 'goto', 'if', 'tact', 'score', 'set', 'techniques',
  'feedback', 'outcome',
];

/**
 * Turns zod's validation issues into problems a trainer can act on, each
 * pointing at the key or value at fault.
 */
export function schemaProblems(source: ScenarioSourceFile, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = describePath(path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const hint = suggest(key);
          problems.push(problemAt(source, [...path, key], 'error', 'unknown-field',
            `unknown field "${key}"${path.length ? ` in ${field}` : ''}${hint ? `; did you mean "${hint}"?` : '; remove it or check the spelling'}`, 'key'));
        }
        break;
      case 'invalid_type': {
        if (valueAt(source.data, path) === undefined) {
          const name = path[path.length - 1];
          problems.push(problemAt(source, path.slice(0, -1), 'error', 'missing-field',
            `required field "${String(name)}" is missing${path.length > 1 ? ` in ${describePath(path.slice(0, -1))}` : ''}`, path.length > 1 ? 'key' : 'value'));
        } else {
          problems.push(problemAt(source, path, 'error', 'wrong-type', `${field} must be ${article(issue.expected)}, not ${kindOf(valueAt(source.data, path))}`));
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        const value = valueAt(source.data, path);
        const isList = Array.isArray(value);
        const isText = typeof value === 'string';
        const limit = issue.code === 'too_small' ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum;
        const bound = issue.code === 'too_small' ? 'at least' : 'at most';
        const what = isList ? `${bound} ${String(limit)} item(s)` : isText ? 'not empty' : `${bound} ${String(limit)}`;
        problems.push(problemAt(source, path, 'error', 'out-of-range', `${field} must be ${what}${isList || isText ? '' : `, not ${String(value)}`}`));
        break;
      }
      case 'invalid_format':
        problems.push(problemAt(source, path, 'error', 'wrong-type', `${field} must be ${issue.message}, not "${String(valueAt(source.data, path))}"`));
        break;
      case 'invalid_value':
        problems.push(problemAt(source, path, 'error', 'out-of-range',
          `${field} must be one of ${issue.values.map((v) => String(v)).join(', ')}, not "${String(valueAt(source.data, path))}"`));
        break;
      case 'invalid_union': {
        const value = valueAt(source.data, path);
        const isDuration = ['timeLimit', 'patience'].includes(String(path[path.length - 1]));
        problems.push(problemAt(source, path, 'error', 'wrong-type', isDuration
          ? `${field} must be a duration such as 15, "15s", "1.5s", "500ms", "1m" or "none", not "${String(value)}"`
          : `${field} must be true/false, a number or text, not ${kindOf(value)}`));
        break;
      }
      case 'invalid_key':
        problems.push(problemAt(source, path, 'error', 'wrong-type', `${field} has a name that is not allowed: ${issue.message}`, 'key'));
        break;
      default:
        problems.push(problemAt(source, path, 'error', 'wrong-type', `${field}: ${issue.message}`));
    }
  }
  return problems;
}

/** Reads the value at a path in plain data. */
export function valueAt(data: unknown, path: SourcePath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** `nodes.opening.replies[2].tact` — how a trainer would name the place. */
export function describePath(path: SourcePath): string {
  if (path.length === 0) return 'the file';
  return `"${path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i === 0 ? p : `.${p}`)).join('')}"`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value}"`;
  // What is left is a parsed YAML scalar (number, boolean, nothing): never an object, so never "[object Object]".
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping',
    record: 'a mapping',
  };
  return words[expected] ?? expected;
}

function suggest(key: string): string | undefined {
  return closestMatch(key, KNOWN_FIELDS, 2);
}
