import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tactful } from '../cli/run-tactful.ts';
import { scenarioCopies } from './package-helpers.ts';

/**
 * What `tactful package` refuses, and that it then writes nothing. Every
 * refusal comes before the build, so these run in-process and quickly.
 */
let dir: string;
beforeEach(() => ({ dir } = scenarioCopies()));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const zipIn = (d: string): string[] => readdirSync(d).filter((f) => f.includes('.zip'));

describe('tactful package refuses', () => {
  it('a scenario with errors: it is listed as lint lists it, exit 1, and nothing is written', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(join(dir, 'worn-once.yaml'), 'utf8').replace('id: worn-once', 'id: broken').replace(/^start:\s*\S+/m, 'start: nowhere'));
    const r = await tactful('package', '--format', 'scorm12', '--out', join(dir, 'course.zip'), dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error: .*nowhere`, 'm'));
    expect(r.stderr).toContain('nothing was written: fix the errors above, then package again');
    expect(zipIn(dir)).toEqual([]);
  });

  it('a scenario with errors without touching a zip of the same name written before', async () => {
    writeFileSync(join(dir, 'course.zip'), 'the last good package');
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
    const r = await tactful('package', '--format', 'cmi5', '--out', join(dir, 'course.zip'), dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'course.zip'), 'utf8')).toBe('the last good package');
    expect(zipIn(dir)).toEqual(['course.zip']);
  });

  it('a scenario file that is not there: exit 2, naming it, and nothing is written', async () => {
    const missing = join(dir, 'no-such-scenario.yaml');
    const r = await tactful('package', '--format', 'scorm2004', '--out', join(dir, 'course.zip'), join(dir, 'worn-once.yaml'), missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: cannot read ${missing}: no such file or folder`);
    expect(zipIn(dir)).toEqual([]);
  });

  it('scenarios that use different technique catalogues: the game holds one', async () => {
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'techniques.yaml'), `${readFileSync(join(dir, 'techniques.yaml'), 'utf8')}\n# another team's copy\n`);
    writeFileSync(join(dir, 'other', 'copy.yaml'), readFileSync(join(dir, 'estimated-read.yaml'), 'utf8').replace('id: estimated-read', 'id: estimated-read-copy'));
    const r = await tactful('package', '--format', 'web', '--out', join(dir, 'site.zip'), dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/use different technique catalogues .*package them separately, or give them the same techniques\.yaml/);
    expect(zipIn(dir)).toEqual([]);
  });

  it('a catalogue on its own: there is no scenario to package', async () => {
    const r = await tactful('package', '--format', 'scorm12', '--out', join(dir, 'course.zip'), join(dir, 'techniques.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tactful: there is no scenario to package: name scenario files, or a folder of them');
    expect(zipIn(dir)).toEqual([]);
  });

  it('a zip in a folder that does not exist, before checking anything', async () => {
    const r = await tactful('package', '--format', 'scorm12', '--out', join(dir, 'missing', 'course.zip'), dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tactful: cannot write ${join(dir, 'missing', 'course.zip')}: the folder ${join(dir, 'missing')} does not exist`);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it.each([
    [['--out', 'x.zip'], 'package needs --format: scorm12, scorm2004, cmi5 or web'],
    [['--format', 'scorm1.2', '--out', 'x.zip'], '--format must be scorm12, scorm2004, cmi5 or web, not "scorm1.2"; did you mean scorm12?'],
    [['--format', 'xapi', '--out', 'x.zip'], '--format must be scorm12, scorm2004, cmi5 or web, not "xapi"'],
    [['--format', 'scorm12'], 'package needs --out FILE.zip, the zip to write, e.g. "--out tactful.zip"'],
    [['--format', 'scorm12', '--out', 'course.tar'], '--out must name a .zip file (LMSs take zips), not "course.tar"'],
    [['--format', 'scorm12', '--out', 'x.zip', '--title', '  '], '--title needs some text: the course title trainees see in the LMS'],
    [['--format', 'scorm12', '--out', 'x.zip', '--lrs', 'https://lrs.test/', '--lrs-key', 'k', '--lrs-secret', 's'], '--lrs is for --format web: a SCORM 1.2 package reports to the LMS it is uploaded to'],
    [['--format', 'web', '--out', 'x.zip', '--lrs', 'https://lrs.test/'], '--lrs needs --lrs-key and --lrs-secret too'],
    [['--format', 'web', '--out', 'x.zip', '--lrs-key', 'k'], '--lrs-key goes with --lrs URL'],
    [['--format', 'web', '--out', 'x.zip', '--lrs', 'lrs.test', '--lrs-key', 'k', '--lrs-secret', 's'], '--lrs must be the LRS\'s xAPI address, starting with https:// (or http://), not "lrs.test"'],
    [['--format', 'scorm2004', '--out', 'x.zip', '--id-base', 'https://a.test/'], '--id-base is for --format cmi5'],
    [['--format', 'cmi5', '--out', 'x.zip', '--id-base', 'acme courses'], '--id-base must be an absolute IRI'],
    [['--format', 'cmi5', '--out', 'x.zip', '--colour', 'red'], '"--colour" is not an option of "tactful package"'],
  ])('a usage mistake (%j): exit 2 with what to change, and the help', async (args, message) => {
    const r = await tactful('package', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: ${message}`);
    expect(r.stderr).toContain('Usage: tactful <command>');
  });
});
