import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeValues, BUILD_TIMEOUT, elementTexts, launchTarget, readZip, runPackage, SCENARIOS, scenarioCopies, text, xmllint } from './package-helpers.ts';

/**
 * `tactful package --format cmi5`, run once for real on copies of two
 * shipped scenarios (one with a critical reply), with a title and an id base.
 */
let dir: string;
let passMark: number;
let run: Awaited<ReturnType<typeof runPackage>>;
let files: Map<string, Uint8Array>;
let structure: string;

beforeAll(async () => {
  ({ dir, passMark } = scenarioCopies());
  run = await runPackage(['--format', 'cmi5', '--out', 'course.zip', '--title', 'Returns desk', '--id-base', 'https://training.acme.test/tactful', 'estimated-read.yaml', 'worn-once.yaml'], dir);
  files = run.code === 0 ? readZip(join(dir, 'course.zip')) : new Map<string, Uint8Array>();
  structure = files.has('cmi5.xml') ? text(files, 'cmi5.xml') : '';
}, BUILD_TIMEOUT);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tactful package --format cmi5', () => {
  it('writes the zip with cmi5.xml first, at the root, and no SCORM manifest', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote course\.zip \(cmi5\): 2 scenarios, \d+ files/m);
    expect([...files.keys()][0]).toBe('cmi5.xml');
    expect(files.has('imsmanifest.xml')).toBe(false);
  });

  it('has a course structure that the cmi5 CourseStructure.xsd accepts', () => {
    const result = xmllint(structure, 'cmi5');
    expect(result.valid, result.output).toBe(true);
  });

  it('has one AU per scenario, titled as the scenario, under a course titled --title', () => {
    expect(structure.match(/<au\s/g)).toHaveLength(2);
    expect(elementTexts(structure, 'langstring').filter((_, i) => i % 2 === 0)).toEqual(['Returns desk', ...SCENARIOS.map((s) => s.title)]);
  });

  it('names the course and each AU with stable IRIs under --id-base', () => {
    expect(attributeValues(structure, 'id')).toEqual([
      'https://training.acme.test/tactful/courses/returns-desk',
      ...SCENARIOS.map((s) => `https://training.acme.test/tactful/courses/returns-desk/scenarios/${s.id}`),
    ]);
  });

  it('launches each scenario\'s briefing from the game page in the zip, telling the game it is a cmi5 AU', () => {
    const launches = elementTexts(structure, 'url').map(launchTarget);
    expect(launches).toEqual(SCENARIOS.map((s) => ({ file: 'index.html', scenario: s.id, lms: 'cmi5' })));
    for (const launch of launches) expect(files.has(launch.file)).toBe(true);
  });

  it('moves on when a play passes, with the pass mark as masteryScore except where a critical mistake fails a play whatever its score', () => {
    expect(attributeValues(structure, 'moveOn')).toEqual(['Passed', 'Passed']);
    const [estimated, worn] = structure.split('<au ').slice(1);
    expect(estimated).toContain(`masteryScore="${passMark / 100}"`);
    expect(worn).not.toContain('masteryScore');
  });

  it('leaves out source maps and the service worker', () => {
    expect([...files.keys()].filter((p) => /\.map$|(^|\/)sw\.js$|workbox-|\.webmanifest$/.test(p))).toEqual([]);
  });
});
