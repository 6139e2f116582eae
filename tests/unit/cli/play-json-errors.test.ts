import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, tactful } from './run-tactful.ts';

const broken = 'tests/fixtures/lint/errors/unknown-target.yaml';

/** The 1-based line where a node or ending of the worked example is declared. */
const lineOf = (id: string): number => readFileSync(EXAMPLE, 'utf8').split('\n').indexOf(`  ${id}:`) + 1;

/** Parses `{ "errors": [...] }` and fails the test on any other shape. */
function errorsOf(stdout: string): Record<string, unknown>[] {
  const json = JSON.parse(stdout) as { errors: Record<string, unknown>[] };
  expect(Object.keys(json)).toEqual(['errors']);
  return json.errors;
}

describe('play --json when play fails', () => {
  it('prints the scenario\'s errors as JSON with file, line, column, rule and message (exit 1)', async () => {
    const r = await tactful('play', broken, '--choose', '1', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(errorsOf(r.stdout)).toEqual([
      { file: broken, line: 12, column: 15, severity: 'error', rule: 'unknown-target', message: '"dnoe" is not a node or ending id; did you mean "done"?' },
    ]);
  });

  it('prints a choice that cannot be played as JSON, at the node where play stopped (exit 1)', async () => {
    const r = await tactful('play', EXAMPLE, '--choose', '1', '--json');
    expect(r.code).toBe(1);
    expect(errorsOf(r.stdout)).toEqual([
      { file: EXAMPLE, line: lineOf('explains'), column: 3, severity: 'error', rule: 'choose', message: 'the choices ran out at node "explains" before an ending; add more steps' },
    ]);
  });

  it('prints a --choose list it cannot read as JSON (exit 1)', async () => {
    const r = await tactful('play', EXAMPLE, '--choose', 'x', '--json');
    expect(r.code).toBe(1);
    expect(errorsOf(r.stdout)).toEqual([{ severity: 'error', rule: 'choose', message: '--choose: step 1 "x" is not a choice: use N (reply number), N@S (after S seconds) or t (let the timer run out)' }]);
  });

  it('prints usage mistakes and missing files as JSON too (exit 2)', async () => {
    const usage = await tactful('play', EXAMPLE, '--choose', '1', '--timers', '3x', '--json');
    expect(usage.code).toBe(2);
    expect(errorsOf(usage.stdout)).toEqual([{ severity: 'error', rule: 'usage', message: '--timers must be standard, 1.5x, 2x or off, not "3x"' }]);
    const missing = await tactful('play', 'no/such.yaml', '--choose', '1', '--json');
    expect(missing.code).toBe(2);
    expect(errorsOf(missing.stdout)).toMatchObject([{ file: 'no/such.yaml', rule: 'unreadable', message: 'cannot read no/such.yaml: no such file or folder' }]);
  });

  it('does the same for paths --json', async () => {
    const r = await tactful('paths', broken, '--json');
    expect(r.code).toBe(1);
    expect(errorsOf(r.stdout)).toMatchObject([{ file: broken, line: 12, rule: 'unknown-target' }]);
  });
});

describe('play failure messages in text', () => {
  it('name the node once, at its place in the file', async () => {
    const ranOut = await tactful('play', EXAMPLE, '--choose', '1');
    expect(ranOut.stderr).toBe(`${EXAMPLE}:${lineOf('explains')}:3: error: the choices ran out at node "explains" before an ending; add more steps [choose]`);
    const notOffered = await tactful('play', EXAMPLE, '--choose', '5');
    expect(notOffered.stderr).toBe(`${EXAMPLE}:${lineOf('opening')}:3: error: step 1 picks reply 5, but "opening" offers 3 replies [choose]`);
    const ended = await tactful('play', EXAMPLE, '--choose', '1,1,1');
    expect(ended.stderr.match(/"repaired"/g)).toHaveLength(1);
    expect(ended.stderr).toContain(`${EXAMPLE}:${lineOf('repaired')}:3: error:`);
  });
});
