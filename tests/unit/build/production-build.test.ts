import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The production build, run for real (`vite build`) on a copy of the
 * project whose scenarios/ folder each test arranges: what the menu index
 * lists and what the loader bundles follow one file-name rule, and a
 * scenario with errors stops the build with the lint report.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SHIPPED = join(ROOT, 'scenarios');
const some = readdirSync(SHIPPED).find((f) => f.endsWith('.yaml') && !f.startsWith('techniques'))!;

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tactful-build-'));
  for (const entry of ['index.html', 'vite.config.ts', 'package.json', 'tsconfig.json', 'src', 'assets']) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Replaces the copy's scenarios/ with `files` (name → text; a name ending in / is a folder). */
function scenarios(files: Record<string, string>): void {
  const dir = join(work, 'scenarios');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  cpSync(join(SHIPPED, 'techniques.yaml'), join(dir, 'techniques.yaml'));
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('/')) mkdirSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
}

function build(): { status: number; output: string; dist: string } {
  const dist = join(work, 'dist');
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: work, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}`, dist };
}

function builtJs(dist: string): string {
  const assets = join(dist, 'assets');
  return readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
}

describe('the production build', () => {
  it('bundles a .yml scenario for the loader as well as listing it on the menu', () => {
    const text = readFileSync(join(SHIPPED, some), 'utf8');
    const id = /^id:\s*(\S+)/m.exec(text)![1]!;
    scenarios({ [some.replace(/\.yaml$/, '.yml')]: text });
    const { status, output, dist } = build();
    expect(status, output.slice(0, 2000)).toBe(0);
    const js = builtJs(dist);
    const yml = some.replace(/\.yaml$/, '.yml');
    // The menu index names the file and its id; the library chunk carries its text under the same name.
    // (The minifier may quote with ", ' or `.)
    const quoted = (text: string): RegExp => new RegExp(`["'\`]${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["'\`]`);
    expect(quoted(`scenarios/${yml}`).test(js), 'the menu index lists the .yml file').toBe(true);
    expect(new RegExp(`id:${quoted(id).source}`).test(js), 'the menu index has its id').toBe(true);
    expect(quoted(`/scenarios/${yml}`).test(js), 'the loader bundles its text').toBe(true);
  }, 240_000);

  it('stops with the lint report when a scenario has errors, naming the file, line and column', () => {
    const text = readFileSync(join(SHIPPED, some), 'utf8').replace(/^start:\s*(\S+)/m, 'start: nowhere-at-all');
    scenarios({ 'broken.yaml': text, 'folder.yaml/': '' });
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toMatch(/The build stopped: \d+ errors? in 2 scenario file\(s\)/);
    expect(output).toMatch(/scenarios\/broken\.yaml:\d+:\d+: error: .*nowhere-at-all/);
    expect(output).toContain('scenarios/folder.yaml:1:1: error: this is a folder, not a scenario file');
    // The report, not the bundler's stack.
    expect(output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  }, 240_000);
});

