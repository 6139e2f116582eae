import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCatalogueFileName, isScenarioFileName } from '../../../src/cli/scenario-files.ts';
import type { Problem } from '../../../src/scenario/index.ts';
import { EXAMPLE, scenarioFolder, tactful } from './run-tactful.ts';

const likeAFile = 'tests/fixtures/cli/folder-named-like-a-file';
const yml = 'tests/fixtures/cli/yml';

describe('which files are scenarios: one rule for every command', () => {
  it('takes .yaml and .yml in any case, but not the technique catalogue or other files', () => {
    expect(['a.yaml', 'b.yml', 'C.YAML', 'dir/d.Yml'].filter(isScenarioFileName)).toHaveLength(4);
    expect(['techniques.yaml', 'techniques.yml', 'Techniques.YAML', 'notes.md', 'a.yaml.txt', 'yaml'].filter(isScenarioFileName)).toEqual([]);
    expect(['techniques.yaml', 'scenarios/techniques.yml', 'TECHNIQUES.YAML'].every(isCatalogueFileName)).toBe(true);
  });

  it('lints .yml scenarios and finds a techniques.yml catalogue beside them', async () => {
    const r = await tactful('lint', yml);
    expect(r.stderr).toBe('1 file checked: 0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });

  it('plays, walks, draws and audits a .yml scenario named directly', async () => {
    const file = join(yml, 'returns.yml');
    expect(JSON.parse((await tactful('play', file, '--choose', '1,1', '--json')).stdout)).toMatchObject({ scenario: 'yml-example', ending: 'repaired' });
    expect((await tactful('paths', file)).code).toBe(0);
    expect((await tactful('graph', file)).code).toBe(0);
    const audit = JSON.parse((await tactful('audit', file, '--json')).stdout) as { scenarios: { scenario: string }[]; inputProblems: Problem[] };
    expect(audit.scenarios.map((s) => s.scenario)).toEqual(['yml-example']);
    expect(audit.inputProblems).toEqual([]);
  });

  it('refuses a file named directly that is not .yaml or .yml, saying why (exit 2)', async () => {
    const dir = scenarioFolder({ 'scenario.yaml.txt': { id: 'saved-by-notepad' } });
    const file = join(dir, 'scenario.yaml.txt');
    for (const command of ['lint', 'play', 'paths', 'graph', 'audit']) {
      const r = await tactful(command, file);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toContain(`${file} is not a scenario file: scenario files are .yaml or .yml files`);
    }
  });

  it('checks a catalogue named directly as a catalogue, so "lint scenarios/*.yaml" is clean', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'techniques.yaml': { text: 'techniques:\n  own-words: { label: Own words, kind: good, tip: Say it back. }\n' } });
    const r = await tactful('lint', join(dir, 'a.yaml'), join(dir, 'techniques.yaml'));
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('2 files checked: 0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });

  it('says play, paths and graph need the scenario, not the catalogue', async () => {
    const r = await tactful('play', 'scenarios/techniques.yaml', '--choose', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tactful: scenarios/techniques.yaml is the technique catalogue, not a scenario');
  });
});

describe('a folder where a scenario file was expected', () => {
  it('lint of a folder with no scenario files says so, names the folder called x.yaml, and exits 2', async () => {
    const r = await tactful('lint', likeAFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: ${likeAFile} has no scenario files (.yaml or .yml); ${likeAFile}/x.yaml is a folder, not a scenario file`);
    expect(r.stderr).not.toMatch(/^0 files checked: 0 errors, 0 warnings$/m);
  });

  it('lint --json reports the empty folder inside the JSON array', async () => {
    const r = await tactful('lint', likeAFile, '--json');
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as Problem[]).map((p) => [p.file, p.rule])).toEqual([[likeAFile, 'no-scenario-files']]);
  });

  it('play, paths and graph on a folder called x.yaml say it is a folder, not "no such file" (exit 2)', async () => {
    for (const command of ['play', 'paths', 'graph']) {
      const r = await tactful(command, `${likeAFile}/x.yaml`);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toBe(`tactful: ${likeAFile}/x.yaml is a folder, not a scenario file`);
    }
  });

  it('an empty folder among good ones is reported while the others are still checked', async () => {
    const dir = scenarioFolder({ 'good/a.yaml': { id: 'first' } });
    mkdirSync(join(dir, 'empty'));
    const r = await tactful('lint', join(dir, 'good'), join(dir, 'empty'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tactful: ${join(dir, 'empty')} has no scenario files (.yaml or .yml)`);
    expect(r.stderr).toContain('1 file checked: 0 errors, 0 warnings; 1 not checked (see above)');
  });

  it('a missing path is named and the others are still checked', async () => {
    const r = await tactful('lint', EXAMPLE, 'no/such/file.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tactful: cannot read no/such/file.yaml: no such file or folder');
    expect(r.stderr).toContain('1 file checked: 0 errors, 0 warnings; 1 not checked');
  });

  it('other files in a scenarios folder (notes, pictures) are simply not scenarios', async () => {
    const dir = scenarioFolder({ 'a.yaml': { id: 'first' }, 'notes.md': { text: '# notes' } });
    writeFileSync(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const r = await tactful('lint', dir);
    expect(r.stderr).toBe('1 file checked: 0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });
});
