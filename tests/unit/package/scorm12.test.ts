import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeValues, BUILD_TIMEOUT, elementTexts, gameScript, launchTarget, readZip, runPackage, SCENARIOS, scenarioCopies, text, xmllint } from './package-helpers.ts';

/**
 * `tactful package --format scorm12`, run once for real on copies of two
 * shipped scenarios (one with a critical reply), and the zip it writes.
 */
let dir: string;
let passMark: number;
let run: Awaited<ReturnType<typeof runPackage>>;
let files: Map<string, Uint8Array>;
let manifest: string;

beforeAll(async () => {
  ({ dir, passMark } = scenarioCopies());
  run = await runPackage(['--format', 'scorm12', '--out', 'course.zip', '--title', 'Returns & refunds', 'estimated-read.yaml', 'worn-once.yaml'], dir);
  files = run.code === 0 ? readZip(join(dir, 'course.zip')) : new Map<string, Uint8Array>();
  manifest = files.has('imsmanifest.xml') ? text(files, 'imsmanifest.xml') : '';
}, BUILD_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tactful package --format scorm12', () => {
  it('writes the zip and says what it holds', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote course\.zip \(SCORM 1\.2\): 2 scenarios, \d+ files, \d+\.\d MB$/m);
    expect(run.stderr).toContain('2 files checked: 0 errors, 0 warnings');
    // Only the zip: the temporary file it was written to has been renamed, not left beside it.
    expect(readdirSync(dir).filter((f) => f.includes('.zip'))).toEqual(['course.zip']);
  });

  it('puts imsmanifest.xml first, at the root, and every file at the root of the zip (no enclosing folder)', () => {
    expect([...files.keys()][0]).toBe('imsmanifest.xml');
    expect(files.has('index.html')).toBe(true);
    expect([...files.keys()].filter((p) => p.includes('/')).every((p) => p.startsWith('assets/'))).toBe(true);
  });

  it('has a manifest that ADL\'s SCORM 1.2 schemas accept', () => {
    const result = xmllint(manifest, 'scorm12');
    expect(result.valid, result.output).toBe(true);
  });

  it('spells the SCO attribute adlcp:scormtype, in lower case, as SCORM 1.2 requires', () => {
    expect(attributeValues(manifest, 'adlcp:scormtype')).toEqual(['sco', 'sco', 'asset']);
    expect(manifest).not.toContain('scormType');
  });

  it('has one organization titled --title, with one item per scenario titled as the scenario', () => {
    expect(manifest.match(/<organization\s/g)).toHaveLength(1);
    expect(elementTexts(manifest, 'title')).toEqual(['Returns & refunds', ...SCENARIOS.map((s) => s.title)]);
  });

  it('launches each scenario\'s briefing from the game page in the zip, telling the game it is in a SCORM 1.2 LMS', () => {
    const launches = attributeValues(manifest, 'href').filter((h) => h.includes('?')).map(launchTarget);
    expect(launches).toEqual(SCENARIOS.map((s) => ({ file: 'index.html', scenario: s.id, lms: 'scorm12' })));
    for (const launch of launches) expect(files.has(launch.file)).toBe(true);
  });

  it('lists every file of the zip in the manifest, and every file the manifest names is in the zip', () => {
    const listed = new Set(attributeValues(manifest, 'href').map((h) => launchTarget(h).file));
    expect([...listed].filter((f) => !files.has(f))).toEqual([]);
    expect([...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !listed.has(f))).toEqual([]);
  });

  it('gives the mastery score from the scenario\'s pass mark, and none where a critical mistake fails a play whatever its score', () => {
    const items = manifest.split('<item ').slice(1);
    expect(items[0]).toContain(`<adlcp:masteryscore>${passMark}</adlcp:masteryscore>`);
    expect(items[1]).toContain('identifier="item-worn-once"');
    expect(items[1]).not.toContain('masteryscore');
  });

  it('builds the game with the chosen scenarios and no others', () => {
    const js = gameScript(files);
    for (const s of SCENARIOS) expect(js).toMatch(new RegExp(`["'\`]scenarios/${s.id}\\.yaml["'\`]`));
    expect(js).not.toContain('scenarios/missing-zero.yaml');
  });

  it('leaves out source maps, the service worker, the web app manifest and its icons', () => {
    const paths = [...files.keys()];
    expect(paths.filter((p) => /\.map$|(^|\/)sw\.js$|workbox-|\.webmanifest$|^icons\//.test(p))).toEqual([]);
    expect(text(files, 'index.html')).not.toContain('rel="manifest"');
  });
});
