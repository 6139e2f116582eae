import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the built command', () => {
  it('runs on Node alone, with no sources and no tsx, as an installed package does', () => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync('bin/dist/tactful.mjs')).toBe(true);
    // A copy of bin/ without src/ beside it: the launcher must take the built file. Build caches in node_modules/.*
    // (other tests' e2e builds and packages, made and removed while this runs) are not copied.
    const dir = mkdtempSync(join(tmpdir(), 'tactful-installed-'));
    cpSync('bin', join(dir, 'bin'), { recursive: true });
    cpSync('node_modules', join(dir, 'node_modules'), { recursive: true, filter: (src) => !/node_modules[\\/](tsx|esbuild|@esbuild|\.(?!bin)[^\\/]+)(?:[\\/]|$)/.test(src) });
    cpSync('docs/examples', join(dir, 'examples'), { recursive: true });
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'tactful.mjs'), 'play', join(dir, 'examples', 'cracked-blender.yaml'), '--choose', '1,1', '--json'], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ scenario: 'cracked-blender', scores: { overall: 88 }, passed: true });
  }, 120_000);
});
