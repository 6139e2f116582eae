import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateNames, zipEntryNames } from '../../support/zip-entries.ts';
import { BUILD_TIMEOUT, gameScript, readZip, runPackage, SCENARIOS, scenarioCopies, text } from './package-helpers.ts';

/**
 * `tactful package --format web` with an LRS, run once for real: the static
 * game for a web server, offline copy included, and its xAPI settings.
 */
let dir: string;
let run: Awaited<ReturnType<typeof runPackage>>;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  ({ dir } = scenarioCopies());
  run = await runPackage(['--format', 'web', '--out', 'site.zip', '--lrs', 'https://lrs.acme.test/xapi/', '--lrs-key', 'k3y', '--lrs-secret', 's3cr3t', '.'], dir);
  files = run.code === 0 ? readZip(join(dir, 'site.zip')) : new Map<string, Uint8Array>();
}, BUILD_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tactful package --format web', () => {
  it('writes the static game with index.html at the root and no LMS manifest', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote site\.zip \(web\): 2 scenarios, \d+ files/m);
    expect(files.has('index.html')).toBe(true);
    expect(files.has('imsmanifest.xml') || files.has('cmi5.xml')).toBe(false);
  });

  it('writes the LRS given with --lrs, --lrs-key and --lrs-secret to tactful-config.json, as the game reads it', () => {
    expect(JSON.parse(text(files, 'tactful-config.json'))).toEqual({ lrs: { endpoint: 'https://lrs.acme.test/xapi/', key: 'k3y', secret: 's3cr3t' } });
  });

  it('holds one entry per name: its tactful-config.json replaces the default the build ships, never sits beside it', () => {
    const names = zipEntryNames(new Uint8Array(readFileSync(join(dir, 'site.zip'))));
    expect(names.filter((n) => n === 'tactful-config.json')).toHaveLength(1);
    expect(duplicateNames(names)).toEqual([]);
  });

  it('keeps the offline copy: the service worker, the web app manifest and its icons', () => {
    expect(files.has('sw.js')).toBe(true);
    expect(files.has('manifest.webmanifest')).toBe(true);
    expect([...files.keys()].filter((p) => p.startsWith('icons/'))).not.toEqual([]);
    expect(text(files, 'index.html')).toMatch(/<link rel="manifest" href="\.\/manifest\.webmanifest"/);
  });

  it('precaches its own tactful-config.json, so a visit with the network off still knows its LRS', () => {
    const config = files.get('tactful-config.json')!;
    const entry = /\{url:"tactful-config\.json",revision:"([0-9a-f]+)"\}/.exec(text(files, 'sw.js'));
    expect(entry, 'tactful-config.json in the precache list').not.toBeNull();
    // Workbox's revision is the MD5 of the file as built: the package's LRS, not the default the game ships.
    expect(entry![1]).toBe(createHash('md5').update(config).digest('hex'));
  });

  it('offers the chosen scenarios only, and has no source maps', () => {
    const js = gameScript(files);
    for (const s of SCENARIOS) expect(js).toMatch(new RegExp(`["'\`]scenarios/${s.id}\\.yaml["'\`]`));
    expect(js).not.toContain('scenarios/missing-zero.yaml');
    expect([...files.keys()].filter((p) => p.endsWith('.map'))).toEqual([]);
  });
});
