import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../src/scenario/index.ts';

describe('schema/scenario.schema.json', () => {
  it('matches the zod schema (run "npm run schema" when this fails)', () => {
    const committed: unknown = JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });

  it('gives editors the fields trainers write', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'title', 'customer', 'start', 'nodes', 'endings']));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'customer', 'start', 'nodes', 'endings']));
  });
});
