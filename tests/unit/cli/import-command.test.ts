import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tactful } from './run-tactful.ts';

const FIXTURES = 'tests/fixtures/twee';
const ROUND_TRIP = `${FIXTURES}/round-trip/refund-not-arrived.twee`;
const BROKEN = `${FIXTURES}/broken/broken-links.twee`;
const freshFile = (name = 'imported.yaml'): string => join(mkdtempSync(join(tmpdir(), 'tactful-import-')), name);

describe('tactful import: a Twine story of a customer conversation, round trip', () => {
  it('converts it (exit 0), with nothing left out, and the result lints clean', async () => {
    const out = freshFile();
    const r = await tactful('import', ROUND_TRIP, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Wrote ${out} from ${ROUND_TRIP}: 4 nodes, 3 endings.`);
    expect(r.stderr).toContain('1 file checked: 0 errors, 0 warnings');
    expect(r.stderr).toContain(`Next: npx tactful play ${out}`);
    expect((await tactful('lint', out)).code).toBe(0);
  });

  it('plays the converted scenario with --choose, along the best route and a poor one', async () => {
    const out = freshFile();
    await tactful('import', ROUND_TRIP, '--out', out);
    const best = await tactful('play', out, '--choose', '1,1,1', '--json');
    expect(best.code).toBe(0);
    expect(JSON.parse(best.stdout)).toMatchObject({
      scenario: 'the-refund-that-never-arrived', ending: 'sorted', outcome: 'satisfied', passed: true, path: ['phone-rings', 'order-number', 'old-card', 'sorted'],
    });
    const poor = JSON.parse((await tactful('play', out, '--choose', '2,2', '--json')).stdout) as { ending: string; passed: boolean };
    expect(poor).toMatchObject({ ending: 'cross', passed: false });
  });

  it('writes the scenario beside the Twee file, with its name, when --out is not given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-import-'));
    const twee = join(dir, 'refund.twee');
    writeFileSync(twee, readFileSync(ROUND_TRIP));
    expect((await tactful('import', twee)).code).toBe(0);
    expect(readFileSync(join(dir, 'refund.yaml'), 'utf8')).toMatch(/^# Converted from .*refund\.twee by "tactful import"/);
  });
});

describe('tactful import: what could not be converted', () => {
  it('prints each warning as twee-file:line:col, writes the file, and exits 1 when the result has lint errors', async () => {
    const out = freshFile();
    const r = await tactful('import', BROKEN, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${BROKEN}:7:1: warning: the link leads to "Nowhere", but no passage has that name; add the passage or correct the link (it was kept as goto: nowhere) [twee-missing-passage]`);
    expect(r.stdout).toContain(`${BROKEN}:5:27: warning: the variable $name was kept as plain text`);
    expect(r.stdout).toMatch(new RegExp(`${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: "nowhere" is not a node or ending id`));
    expect(r.stderr).toContain('13 warnings about what was not converted (see above)');
    expect(r.stderr).toContain(`Fix the errors above in ${out}`);
    expect(existsSync(out)).toBe(true);
  });
});

describe('tactful import: input it cannot use (exit 2, nothing written)', () => {
  it('refuses a file that is not Twee, and says how to get Twee out of Twine', async () => {
    const r = await tactful('import', `${FIXTURES}/not-twee/story.html`, '--out', freshFile());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a Twee file');
    expect(r.stderr).toContain('Export As Twee');
  });

  it('refuses a .twee file with no passages', async () => {
    const out = freshFile();
    const r = await tactful('import', `${FIXTURES}/not-twee/no-passages.twee`, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no story passages: a Twee file has lines starting with "::"');
    expect(existsSync(out)).toBe(false);
  });

  it('names a missing file', async () => {
    const r = await tactful('import', 'no/such/story.twee', '--out', freshFile());
    expect(r).toMatchObject({ code: 2, stderr: 'tactful: cannot read no/such/story.twee: no such file or folder' });
  });

  it('refuses to overwrite an existing scenario file and leaves it as it was', async () => {
    const out = freshFile();
    writeFileSync(out, 'my edits\n');
    const r = await tactful('import', ROUND_TRIP, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tactful: ${out} already exists and was left as it is; move or delete it, or choose another name with --out FILE`);
    expect(readFileSync(out, 'utf8')).toBe('my edits\n');
  });

  it('refuses an --out that is not a scenario file name', async () => {
    const r = await tactful('import', ROUND_TRIP, '--out', freshFile('story.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out must name a scenario file ending in .yaml or .yml');
  });

  it('needs exactly one Twee file', async () => {
    const r = await tactful('import');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('import needs exactly one Twee file');
  });
});
