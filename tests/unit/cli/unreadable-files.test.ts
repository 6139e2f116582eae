import { chmodSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../src/scenario/index.ts';
import { scenarioFolder, tactful } from './run-tactful.ts';

/**
 * Paths the file system refuses, with the errno it refuses them with. The
 * refusal is injected below Node's fs, so these tests take the same path
 * through the CLI as a real refusal, and they pass when run as root (CI runs
 * as root, where chmod 000 does not stop reads).
 */
const refused = vi.hoisted(() => new Map<string, string>());

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = await import('node:path');
  const refuse = (path: unknown, syscall: string): void => {
    const code = refused.get(paths.resolve(String(path)));
    if (code) throw Object.assign(new Error(`${code}: refused, ${syscall} '${String(path)}'`), { code, syscall, path: String(path) });
  };
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    refuse(path, 'open');
    return (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  const readdirSync = ((path: Parameters<typeof fs.readdirSync>[0], ...rest: unknown[]) => {
    refuse(path, 'scandir');
    return (fs.readdirSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readFileSync, readdirSync }, readFileSync, readdirSync };
});

afterEach(() => refused.clear());

/** A folder with a good scenario, one with an error, and one the system will not let us read. */
function folderWithUnreadableFile(code = 'EACCES'): { dir: string; locked: string } {
  const dir = scenarioFolder({
    'a.yaml': { id: 'first' },
    'b.yaml': { text: 'id: broken\ntitle: Broken\ncustomer: { name: Sam }\nstart: nowhere\nnodes: {}\nendings: {}\n' },
    'c.yaml': { id: 'third' },
  });
  const locked = join(dir, 'c.yaml');
  refused.set(resolve(locked), code);
  return { dir, locked };
}

describe('a scenario file that cannot be read', () => {
  it('is named with the reason, and the rest of the folder is still checked and summarised (exit 2)', async () => {
    const { dir, locked } = folderWithUnreadableFile();
    const r = await tactful('lint', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: cannot read ${locked}: permission denied`);
    expect(r.stdout).toContain(join(dir, 'b.yaml')); // checked after a.yaml, before and despite c.yaml
    expect(r.stderr).toMatch(/2 files checked: \d+ errors?, \d+ warnings?; 1 not checked \(see above\)/);
    expect(r.stderr).not.toContain('something went wrong');
  });

  it('keeps lint --json one valid JSON array, with the unreadable file in it', async () => {
    const { dir, locked } = folderWithUnreadableFile();
    const r = await tactful('lint', dir, '--json');
    expect(r.code).toBe(2);
    const problems = JSON.parse(r.stdout) as Problem[];
    expect(problems).toContainEqual({ file: locked, line: 1, column: 1, severity: 'error', rule: 'unreadable', message: `cannot read ${locked}: permission denied` });
    expect(problems.some((p) => p.file === join(dir, 'b.yaml'))).toBe(true);
  });

  it('names other refusals in words too (too many open files)', async () => {
    const { dir, locked } = folderWithUnreadableFile('EMFILE');
    expect((await tactful('lint', dir)).stderr).toContain(`cannot read ${locked}: too many files are open; close some programs and try again`);
  });

  it('makes play, paths and graph exit 2 with the reason, and play --json print it as JSON', async () => {
    const { locked } = folderWithUnreadableFile();
    for (const command of [['play', locked, '--choose', '1,1'], ['paths', locked], ['graph', locked]]) {
      const r = await tactful(...command);
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toBe(`tactful: cannot read ${locked}: permission denied`);
    }
    const json = await tactful('play', locked, '--choose', '1,1', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ errors: [{ file: locked, line: 1, column: 1, severity: 'error', rule: 'unreadable', message: `cannot read ${locked}: permission denied` }] });
  });

  it('lets audit go on with the other files, exit 2, and keeps audit --json valid', async () => {
    const { dir, locked } = folderWithUnreadableFile();
    const r = await tactful('audit', dir, '--json');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { scenarios: { scenario: string }[]; inputProblems: Problem[] };
    expect(report.scenarios.map((s) => s.scenario)).toEqual(['first']);
    expect(report.inputProblems.map((p) => p.message)).toEqual([`cannot read ${locked}: permission denied`]);
  });

  it('reports an unreadable subfolder and still checks the rest of the folder', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'private/b.yaml': { id: 'second' } });
    refused.set(resolve(dir, 'private'), 'EACCES');
    const r = await tactful('lint', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: cannot read ${join(dir, 'private')}: permission denied`);
    expect(r.stderr).toContain('1 file checked: 0 errors, 0 warnings; 1 not checked');
  });

  it('reports an unreadable technique catalogue once, instead of blaming every scenario for its techniques', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'b.yaml': { id: 'second' }, 'techniques.yaml': { text: 'techniques: {}\n' } });
    refused.set(resolve(dir, 'techniques.yaml'), 'EACCES');
    const r = await tactful('lint', dir);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/cannot read .*techniques\.yaml: permission denied/g)).toHaveLength(1);
    expect(r.stdout).not.toContain('undefined-technique');
  });

  it('says a technique catalogue that is really a folder is a folder (a real EISDIR, no injection)', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' } });
    mkdirSync(join(dir, 'techniques.yaml'));
    const r = await tactful('lint', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${join(dir, 'techniques.yaml')}: it is a folder, not a file`);
  });

  // Root reads anything, so this one needs an ordinary user; the tests above cover the same path as root.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('says "permission denied" for a real file without read permission (chmod 000)', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'b.yaml': { id: 'second' } });
    chmodSync(join(dir, 'b.yaml'), 0o000);
    const r = await tactful('lint', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: cannot read ${join(dir, 'b.yaml')}: permission denied`);
    expect(r.stderr).toContain('1 file checked: 0 errors, 0 warnings; 1 not checked');
  });
});
