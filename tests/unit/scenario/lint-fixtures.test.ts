import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * Every broken scenario under tests/fixtures/lint/ with the problems it must
 * produce ("severity rule line:col"), one fixture per rule.
 */
const expected = JSON.parse(readFileSync('tests/fixtures/lint/expected.json', 'utf8')) as Record<string, string[]>;

const lint = (path: string, text = readFileSync(`tests/fixtures/lint/${path}`, 'utf8')) =>
  checkScenario(path, text, catalogue).problems.map((p) => `${p.severity} ${p.rule} ${p.line}:${p.column}`);

describe('lint fixtures', () => {
  for (const [path, problems] of Object.entries(expected)) {
    it(`${path} reports ${problems.join(', ') || 'nothing'}`, () => {
      expect(lint(path)).toEqual(problems);
    });
  }

  it('covers every rule the linter has', () => {
    const rules = new Set(Object.values(expected).flat().map((p) => p.split(' ')[1]));
    for (const rule of [
      'yaml-syntax', 'duplicate-key', 'empty-file', 'not-a-mapping', 'yaml-aliases', 'unknown-field', 'missing-field', 'wrong-type',
      'out-of-range', 'duplicate-id', 'unknown-target', 'undefined-variable', 'undefined-technique', 'undefined-dimension',
      'expression-syntax', 'branch-fallback', 'dead-end', 'set-mood', 'reserved-name', 'mixed-node', 'bad-id',
      'unreachable', 'same-tact', 'ending-never-reached', 'line-too-long',
    ]) expect(rules).toContain(rule);
  });
});

describe('unreadable input', () => {
  it('says binary garbage is not a text file', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 256 }, (_, i) => (i * 37) % 256));
    expect(lint('garbage.yaml', garbage)).toEqual(['error not-text 1:1']);
  });

  it('fails fast on a YAML alias bomb', () => {
    const started = performance.now();
    expect(lint('input/alias-bomb.yaml')).toEqual(['error yaml-aliases 1:1']);
    // Not a timing assertion on the product: a guard that the test itself cannot hang for minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('treats a file of only comments as empty', () => {
    expect(lint('input/only-comment.yaml')[0]).toBe('error empty-file 1:1');
  });
});

describe('messages a trainer can act on', () => {
  it('suggests the nearest id for a misspelt goto', () => {
    const [problem] = checkScenario('x.yaml', readFileSync('tests/fixtures/lint/errors/unknown-target.yaml', 'utf8'), catalogue).problems;
    expect(problem!.message).toContain('did you mean "done"');
  });

  it('names the unknown field and the likely intended one', () => {
    const [problem] = checkScenario('x.yaml', readFileSync('tests/fixtures/lint/errors/unknown-field.yaml', 'utf8'), catalogue).problems;
    expect(problem!.message).toContain('"feedbak"');
    expect(problem!.message).toContain('"feedback"');
  });

  it('accepts the spec\u2019s own example without any problem', () => {
    expect(checkScenario('docs/examples/cracked-blender.yaml', readFileSync('docs/examples/cracked-blender.yaml', 'utf8'), catalogue).problems).toEqual([]);
  });
});
