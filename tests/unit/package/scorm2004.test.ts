import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeValues, BUILD_TIMEOUT, elementTexts, gameScript, launchTarget, readZip, runPackage, SCENARIOS, scenarioCopies, text, xmllint } from './package-helpers.ts';

/**
 * `tactful package --format scorm2004`, run once for real on copies of two
 * shipped scenarios (one with a critical reply), and the zip it writes.
 */
let dir: string;
let passMark: number;
let run: Awaited<ReturnType<typeof runPackage>>;
let files: Map<string, Uint8Array>;
let manifest: string;

beforeAll(async () => {
  ({ dir, passMark } = scenarioCopies());
  // A folder, as a trainer would name it: its scenarios are packaged in file-name order.
  run = await runPackage(['--format', 'scorm2004', '--out', 'course.zip', '.'], dir);
  files = run.code === 0 ? readZip(join(dir, 'course.zip')) : new Map<string, Uint8Array>();
  manifest = files.has('imsmanifest.xml') ? text(files, 'imsmanifest.xml') : '';
}, BUILD_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tactful package --format scorm2004', () => {
  it('writes the zip with imsmanifest.xml first, at the root', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote course\.zip \(SCORM 2004 4th edition\): 2 scenarios, \d+ files/m);
    expect([...files.keys()][0]).toBe('imsmanifest.xml');
  });

  it('has a manifest that ADL\'s SCORM 2004 4th edition schemas accept, sequencing included', () => {
    const result = xmllint(manifest, 'scorm2004');
    expect(result.valid, result.output).toBe(true);
    expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  it('spells the SCO attribute adlcp:scormType, in camel case, as SCORM 2004 requires', () => {
    expect(attributeValues(manifest, 'adlcp:scormType')).toEqual(['sco', 'sco', 'asset']);
    expect(manifest).not.toContain('scormtype');
  });

  it('titles the organization "Tactful" when no --title is given, and each item as its scenario', () => {
    expect(elementTexts(manifest, 'title')).toEqual(['Tactful', ...SCENARIOS.map((s) => s.title)]);
  });

  it('launches each scenario\'s briefing from the game page in the zip, telling the game it is in a SCORM 2004 LMS', () => {
    const launches = attributeValues(manifest, 'href').filter((h) => h.includes('?')).map(launchTarget);
    expect(launches).toEqual(SCENARIOS.map((s) => ({ file: 'index.html', scenario: s.id, lms: 'scorm2004' })));
    for (const launch of launches) expect(files.has(launch.file)).toBe(true);
  });

  it('lists every file of the zip in the manifest, and every file the manifest names is in the zip', () => {
    const listed = new Set(attributeValues(manifest, 'href').map((h) => launchTarget(h).file));
    expect([...listed].filter((f) => !files.has(f))).toEqual([]);
    expect([...files.keys()].filter((f) => f !== 'imsmanifest.xml' && !listed.has(f))).toEqual([]);
  });

  it('satisfies a scenario\'s objective by its score at the pass mark, except where a critical mistake fails a play whatever its score', () => {
    const [estimated, worn] = manifest.split('<item ').slice(1);
    expect(estimated).toMatch(new RegExp(`satisfiedByMeasure="true">\\s*<imsss:minNormalizedMeasure>${passMark / 100}</imsss:minNormalizedMeasure>`));
    expect(worn).toContain('satisfiedByMeasure="false"');
    expect(worn).not.toContain('minNormalizedMeasure');
    // The game reports completion and success itself, in every scenario.
    expect(manifest.match(/completionSetByContent="true" objectiveSetByContent="true"/g)).toHaveLength(2);
  });

  it('starts at the first scenario and lets the trainee choose the others', () => {
    expect(manifest).toMatch(/<\/item>\s*<imsss:sequencing>\s*<imsss:controlMode choice="true" flow="true"\/>/);
  });

  it('builds the game with the chosen scenarios, without source maps or the service worker', () => {
    const js = gameScript(files);
    for (const s of SCENARIOS) expect(js).toMatch(new RegExp(`["'\`]scenarios/${s.id}\\.yaml["'\`]`));
    expect(js).not.toContain('scenarios/missing-zero.yaml');
    expect([...files.keys()].filter((p) => /\.map$|(^|\/)sw\.js$|workbox-|\.webmanifest$/.test(p))).toEqual([]);
  });
});
