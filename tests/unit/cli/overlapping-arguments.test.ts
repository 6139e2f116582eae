import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/scenario/index.ts';
import { scenarioFiles } from '../../../src/cli/scenario-files.ts';
import { scenarioFolder, tactful } from './run-tactful.ts';

describe('arguments that name the same file more than once', () => {
  it('a folder and a file inside it: each file is checked once, with no false duplicate-id', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'b.yaml': { id: 'second' } });
    const r = await tactful('lint', dir, join(dir, 'b.yaml'));
    expect(r.stdout).not.toContain('duplicate-id');
    expect(r.stderr).toBe('2 files checked: 0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });

  it('the shipped folder twice, once as ./scenarios, as a new user typed it', async () => {
    const r = await tactful('lint', 'scenarios', './scenarios', 'scenarios/worn-once.yaml');
    expect(r.stdout).not.toContain('duplicate-id');
    expect(r.code).toBe(0);
  });

  it('a file reached through a symbolic link is the same file', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' } });
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yaml'));
    const r = await tactful('lint', join(dir, 'a.yaml'), join(dir, 'link.yaml'));
    expect(r.stderr).toBe('1 file checked: 0 errors, 0 warnings');
  });

  it('keeps the order of first mention, under the name first used', () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'b.yaml': { id: 'second' }, 'c.yaml': { id: 'third' } });
    expect(scenarioFiles([join(dir, 'c.yaml'), dir, `${dir}/./a.yaml`]).files).toEqual([join(dir, 'c.yaml'), join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
  });

  it('still reports two different files that share an id', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'same' }, 'b.yaml': { id: 'same' } });
    const r = await tactful('lint', dir, join(dir, 'a.yaml'), '--json');
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as Problem[]).filter((p) => p.rule === 'duplicate-id').map((p) => p.file)).toEqual([join(dir, 'b.yaml')]);
  });
});
