import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/cli/new-command.ts';
import { tactful } from './run-tactful.ts';

const freshFolder = (): string => mkdtempSync(join(tmpdir(), 'tactful-new-'));

describe('tactful new', () => {
  it.each(Object.keys(TEMPLATES))('writes the "%s" template under the new id, lint clean and audit clean', async (template) => {
    const dir = freshFolder();
    const r = await tactful('new', 'late-repair', '--from', template, '--out', dir);
    const file = join(dir, 'late-repair.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Created ${file} from the "${template}" template.`);
    expect(r.stdout).toContain(`npx tactful lint ${file}`);
    expect(r.stdout).toContain(`npx tactful play ${file}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^id: late-repair$/m);
    const lint = await tactful('lint', file);
    expect(lint.stdout).toBe('');
    expect(lint.stderr).toBe('1 file checked: 0 errors, 0 warnings');
    const audit = await tactful('audit', file);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('No findings');
  });

  it('uses the short template when --from is not given', async () => {
    const dir = freshFolder();
    expect((await tactful('new', 'first-try', '--out', dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'first-try.yaml'), 'utf8')).toContain('# A short scenario to start from');
  });

  it('writes into scenarios/ when the current folder has one, else into the current folder', async () => {
    const dir = freshFolder();
    const before = process.cwd();
    try {
      process.chdir(dir);
      expect((await tactful('new', 'here')).stdout).toContain(`Created here.yaml`);
      mkdirSync('scenarios');
      expect((await tactful('new', 'there')).stdout).toContain(`Created ${join('scenarios', 'there.yaml')}`);
    } finally {
      process.chdir(before);
    }
    expect(existsSync(join(dir, 'here.yaml')) && existsSync(join(dir, 'scenarios', 'there.yaml'))).toBe(true);
  });

  it('creates the --out folder when it does not exist yet', async () => {
    const dir = join(freshFolder(), 'drafts', 'returns');
    expect((await tactful('new', 'late-repair', '--out', dir)).code).toBe(0);
    expect(existsSync(join(dir, 'late-repair.yaml'))).toBe(true);
  });

  it('refuses to overwrite an existing file (exit 2) and leaves it as it was', async () => {
    const dir = freshFolder();
    const file = join(dir, 'late-repair.yaml');
    writeFileSync(file, 'my own work\n');
    const r = await tactful('new', 'late-repair', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tactful: ${file} already exists and was left as it is; choose another id, or another folder with --out DIR`);
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');
  });

  it.each([['Late Repair', 'late-repair'], ['late_repair', 'late-repair'], ['Refund!', 'refund']])('refuses the id "%s" and suggests "%s" (exit 2)', async (id, suggestion) => {
    const dir = freshFolder();
    const r = await tactful('new', id, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tactful: "${id}" is not a scenario id: use lower-case letters and digits, with words joined by "-", e.g. "${suggestion}"`);
  });

  it('lists the templates when --from names none of them (exit 2)', async () => {
    const r = await tactful('new', 'late-repair', '--from', 'long', '--out', freshFolder());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from must name a template, not "long"');
    for (const name of Object.keys(TEMPLATES)) expect(r.stderr).toContain(`  ${name}: `);
  });

  it('needs exactly one id (exit 2, with the help)', async () => {
    const r = await tactful('new');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('new needs exactly one scenario id');
    expect(r.stderr).toContain('Usage: tactful');
  });

  it('says so when --out is a file, not a folder (exit 2)', async () => {
    const file = join(freshFolder(), 'notes.txt');
    writeFileSync(file, 'x');
    const r = await tactful('new', 'late-repair', '--out', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tactful: cannot write ${join(file, 'late-repair.yaml')}: ${file} is a file, not a folder`);
  });
});

describe('the templates', () => {
  it('are listed in the help', async () => {
    expect((await tactful('help')).stdout).toContain('new <id> [--from short|policy|timed] [--out DIR]');
  });
});
