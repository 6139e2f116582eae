import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../src/audit/index.ts';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';
import { tactful } from './run-tactful.ts';

const broken = 'tests/fixtures/lint/errors/unknown-target.yaml';

describe('tactful lint', () => {
  it('is clean on the shipped scenarios (exit 0)', async () => {
    const r = await tactful('lint', 'scenarios');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/files checked: 0 errors, 0 warnings/);
  });

  it('prints path:line:col: severity: message [rule] and exits 1 on errors', async () => {
    const r = await tactful('lint', broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${broken}:12:15: error: "dnoe" is not a node or ending id; did you mean "done"? [unknown-target]`);
  });

  it('exits 0 when there are only warnings', async () => {
    const r = await tactful('lint', 'tests/fixtures/lint/warnings/unreachable.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning:');
  });

  it('prints a JSON array of problems with --json', async () => {
    const r = await tactful('lint', broken, '--json');
    expect(JSON.parse(r.stdout)).toEqual([
      { file: broken, line: 12, column: 15, severity: 'error', rule: 'unknown-target', message: '"dnoe" is not a node or ending id; did you mean "done"?' },
    ]);
  });

  it('lints a whole folder, recursively', async () => {
    const r = await tactful('lint', 'tests/fixtures/lint/errors', '--json');
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((p) => p.file));
    expect(files.size).toBeGreaterThan(15);
    expect(r.code).toBe(1);
  });

  it('reports two scenarios with the same id in one folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-'));
    copyFileSync('docs/examples/cracked-blender.yaml', join(dir, 'a.yaml'));
    copyFileSync('docs/examples/cracked-blender.yaml', join(dir, 'b.yaml'));
    const r = await tactful('lint', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('duplicate-id');
    expect(r.stdout).toContain('b.yaml:2:5:');
  });

  it('exits 2 on usage mistakes', async () => {
    expect((await tactful('lint')).code).toBe(2);
    expect((await tactful('lint', 'no/such/folder')).code).toBe(2);
    expect((await tactful('lint', 'scenarios', '--colour')).code).toBe(2);
  });
});

describe('tactful play', () => {
  it('prints the result as JSON with --choose and --json', async () => {
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1,1', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ending: 'repaired', scores: { overall: 88 }, passed: true });
  });

  it('prints a debrief without --json', async () => {
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '2,1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Customer left satisfied.');
    expect(r.stdout).toContain('Overall 68 — NOT PASSED (pass mark 70)');
    expect(r.stdout).toContain('Best reply offered:');
  });

  it('says the reply numbers are in file order unless --shuffle is given', async () => {
    const plain = JSON.parse((await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1,1', '--json')).stdout) as { shuffle?: number };
    expect(plain).toMatchObject({ order: 'file' });
    expect(plain.shuffle).toBeUndefined();
    const shuffled = JSON.parse((await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1,1', '--shuffle', '1', '--json')).stdout) as { shuffle?: number };
    expect(shuffled).toMatchObject({ order: 'shuffled', shuffle: 1 });
  });

  it('numbers --choose in the shuffled order of --shuffle SEED, with the same scores for the same replies', async () => {
    const compiled = compileYaml(readFileSync('docs/examples/cracked-blender.yaml', 'utf8'));
    const best = ['I\'m sorry it\'s let you down. Thanks for bringing it straight back. What happened?', 'That happens more than you\'d think, and there\'s usually an easy fix.'];
    const positions = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      // Where the spec's two best replies are shown for this seed, found the way a player would: by their text.
      const talk = startConversation(compiled, { clock: new SteppedClock(), shuffleSeed: seed });
      const picks = best.map((text) => {
        const number = talk.view().replies.find((r) => r.say === text)!.number;
        talk.reply(number);
        return number;
      });
      talk.stop();
      positions.add(picks.join(','));
      const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', picks.join(','), '--shuffle', String(seed), '--json');
      expect(JSON.parse(r.stdout)).toMatchObject({ ending: 'repaired', scores: { tact: 100, speed: 100, satisfaction: 70, overall: 88, policy: 100 }, passed: true });
    }
    expect(positions.size).toBeGreaterThan(1);
  });

  it('exits 2 when --shuffle is not a seed', async () => {
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1,1', '--shuffle', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shuffle needs a seed');
  });

  it('does not score speed with --no-timers', async () => {
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1@30,1', '--no-timers', '--json');
    expect((JSON.parse(r.stdout) as { scores: { speed: number | null } }).scores.speed).toBeNull();
  });

  it('counts N@S as a timeout when S reaches the time limit', async () => {
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1@15,1,1,1', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { path: string[]; decisions: unknown[] };
    expect(json.path.slice(0, 2)).toEqual(['opening', 'still-waiting']);
    expect(json.decisions[0]).toMatchObject({ node: 'opening', reply: null, timeout: true, ms: 15000 });
  });

  it('exits 1 with the node when the steps run out before an ending', async () => {
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"explains"');
  });

  it('exits 1 for a reply that is not offered, and for t on an untimed node', async () => {
    expect((await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', '5')).code).toBe(1);
    const r = await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose', 't', '--no-timers');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('timers are off');
  });

  it('exits 1 with the problems for an invalid scenario', async () => {
    const r = await tactful('play', broken, '--choose', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[unknown-target]');
  });

  it('exits 2 on usage mistakes', async () => {
    expect((await tactful('play')).code).toBe(2);
    expect((await tactful('play', 'docs/examples/cracked-blender.yaml', '--choose')).code).toBe(2);
    expect((await tactful('play', 'a.yaml', 'b.yaml')).code).toBe(2);
  });
});

describe('tactful paths', () => {
  it('lists endings with route counts and min/max overall', async () => {
    const r = await tactful('paths', 'docs/examples/cracked-blender.yaml', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      scenario: 'cracked-blender', paths: 5, complete: true,
      endings: [
        { ending: 'repaired', outcome: 'satisfied', paths: 4, overall: { min: 68, max: 88 }, bestChoices: '1,1' },
        { ending: 'refunded', outcome: 'neutral', paths: 1, overall: { min: 62, max: 62 }, bestChoices: '3' },
      ],
      dimensions: { policy: { label: 'Stays within policy', min: -2, max: 0 } },
    });
  });

  it('prints a table for people', async () => {
    const r = await tactful('paths', 'docs/examples/cracked-blender.yaml');
    expect(r.stdout).toMatch(/repaired\s+satisfied\s+4\s+68\s+88/);
  });

  it('exits 1 on an invalid scenario and 2 without a file', async () => {
    expect((await tactful('paths', broken)).code).toBe(1);
    expect((await tactful('paths')).code).toBe(2);
  });
});

describe('tactful graph', () => {
  it('draws mermaid by default', async () => {
    const r = await tactful('graph', 'docs/examples/cracked-blender.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('flowchart TD');
    expect(r.stdout).toContain('(["repaired (satisfied)"])');
  });

  it('draws dot with --format dot', async () => {
    const r = await tactful('graph', 'docs/examples/cracked-blender.yaml', '--format', 'dot');
    expect(r.stdout).toMatch(/^digraph "cracked-blender" \{/);
    expect(r.stdout).toContain('"opening" -> "explains" [label="1 (tact +2)"];');
  });

  it('exits 2 on an unknown format and 1 on an invalid scenario', async () => {
    expect((await tactful('graph', 'docs/examples/cracked-blender.yaml', '--format', 'png')).code).toBe(2);
    expect((await tactful('graph', broken)).code).toBe(1);
  });
});

describe('tactful schema', () => {
  it('prints the JSON Schema that is committed in schema/', async () => {
    const r = await tactful('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')));
  });
});

describe('tactful audit', () => {
  it('exits 0 and says so when nothing is found', async () => {
    const r = await tactful('audit', 'tests/fixtures/audit/clean');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No findings');
    expect(r.stdout).toMatch(/^honest-refund\s+\d+/m);
  });

  it('exits 1 and lists each finding with its file and what to change', async () => {
    const r = await tactful('audit', 'tests/fixtures/audit/findings/give-in-pays.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tests/fixtures/audit/findings/give-in-pays.yaml: a route with give-in scores 94 (--choose 2,1)');
    expect(r.stdout).toMatch(/\[ranking\]/);
  });

  it('prints the whole report as JSON with --json', async () => {
    const r = await tactful('audit', 'tests/fixtures/audit', '--json');
    const json = JSON.parse(r.stdout) as AuditReport;
    expect(json.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['honest-refund', 'best-always-first', 'give-in-pays', 'retracted-give-in']);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.library.strategies.map((s: { strategy: string }) => s.strategy)).toEqual(['first', 'last', 'longest', 'shortest', 'question', 'apology', 'empathy', 'most-mood']);
  });

  it('takes thresholds by name, and rejects unknown or out-of-range ones (exit 2)', async () => {
    const loose = await tactful('audit', 'tests/fixtures/audit/findings/best-always-first.yaml', '--threshold', 'length-bias=1', '--json');
    expect((JSON.parse(loose.stdout) as AuditReport).findings.some((f: { kind: string }) => f.kind === 'length-bias')).toBe(false);
    expect((await tactful('audit', 'tests/fixtures/audit', '--threshold', 'speed=3')).code).toBe(2);
    const bad = await tactful('audit', 'tests/fixtures/audit', '--threshold', 'naive-pass=2');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('naive-pass must be a share from 0 to 1');
  });

  it('lists a file with lint errors as not audited and exits 1', async () => {
    const r = await tactful('audit', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[unknown-target]');
    expect(r.stdout).toContain(`Not audited (fix their lint errors first): ${broken}`);
  });
});

describe('the installed command', () => {
  it('runs through npx-style bin/tactful.mjs with no build step', () => {
    const r = spawnSync(process.execPath, ['bin/tactful.mjs', 'play', 'docs/examples/cracked-blender.yaml', '--choose', '1,1', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { scores: { overall: number } }).scores.overall).toBe(88);
  });

  it('shows a trainer message, never a stack trace, for a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-'));
    writeFileSync(join(dir, 'bad.yaml'), '\u0000\u0001garbage');
    const r = spawnSync(process.execPath, ['bin/tactful.mjs', 'play', join(dir, 'bad.yaml'), '--choose', '1'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bad.yaml:1:1: error: this is not a text file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('plays interactively from piped input and ends with the debrief', () => {
    // Seed 2 happens to show the best reply first at both decisions.
    const r = spawnSync(process.execPath, ['bin/tactful.mjs', 'play', 'docs/examples/cracked-blender.yaml', '--shuffle', '2'], { encoding: 'utf8', input: '1\n1\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1. I\'m sorry it\'s let you down.');
    expect(r.stdout).toContain('Customer left satisfied.');
  });

  it('shuffles interactive play and prints the seed that replays the same order', () => {
    const listing = (out: string): string => out.split('\n').filter((l) => /^ {2}\d\. /.test(l)).join('\n');
    const first = spawnSync(process.execPath, ['bin/tactful.mjs', 'play', 'docs/examples/cracked-blender.yaml'], { encoding: 'utf8', input: 'q\n' });
    const seed = /Replies are shuffled \(seed (\d+); add --shuffle \1 to see the same order again\)/.exec(first.stdout)?.[1];
    expect(seed).toBeDefined();
    const again = spawnSync(process.execPath, ['bin/tactful.mjs', 'play', 'docs/examples/cracked-blender.yaml', '--shuffle', seed!], { encoding: 'utf8', input: 'q\n' });
    expect(listing(again.stdout)).toBe(listing(first.stdout));
    expect(listing(first.stdout).split('\n')).toHaveLength(3);
  });
});
