import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertTwee } from '../../../../src/authoring/twee/index.ts';
import { buildCatalogue, checkScenario } from '../../../../src/scenario/index.ts';

/** The complete example in docs/authoring-from-twine.md: the Twee block and the YAML it "becomes". */
function docsExample(): { twee: string; yaml: string } {
  const doc = readFileSync('docs/authoring-from-twine.md', 'utf8');
  const section = doc.slice(doc.indexOf('## A complete example'));
  const twee = /```\n([\s\S]*?)```/.exec(section)![1]!;
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  return { twee, yaml };
}

describe('the complete example in docs/authoring-from-twine.md', () => {
  const { twee, yaml } = docsExample();
  const conversion = convertTwee(twee, 'late-repair.twee', 'late-repair');

  it('converts with nothing left out, to a scenario the linter finds clean', () => {
    expect(conversion.problems).toEqual([]);
    expect(checkScenario('late-repair.yaml', conversion.yaml!, buildCatalogue().catalogue).problems).toEqual([]);
  });

  it('gives every line the docs show (the docs leave some out with "…")', () => {
    const written = conversion.yaml!.split('\n');
    for (const line of yaml.split('\n').filter((l) => l.trim() !== '' && !l.includes('…'))) expect(written).toContain(line);
  });
});
