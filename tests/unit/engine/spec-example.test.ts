import { describe, expect, it } from 'vitest';
import { parseChoices, playChoices, resultJson } from '../../../src/engine/index.ts';
import { compileFile } from '../helpers.ts';

describe('the spec\u2019s example', () => {
  it('played with --choose 1,1 gives the JSON shown in the spec', () => {
    const compiled = compileFile('docs/examples/cracked-blender.yaml');
    const parsed = parseChoices('1,1');
    if ('error' in parsed) throw new Error(parsed.error);
    const played = playChoices(compiled, parsed.steps);
    if ('error' in played) throw new Error(played.error.message);
    const json = resultJson(played.result) as { decisions: unknown[] };
    // The spec prints the first decision and elides the rest; every field it shows must match exactly.
    expect({ ...json, decisions: json.decisions.slice(0, 1) }).toEqual({
      scenario: 'cracked-blender', ending: 'repaired', outcome: 'satisfied',
      satisfied: true, mood: 50,
      scores: { tact: 100, speed: 100, satisfaction: 70, overall: 88, policy: 100 },
      passed: true,
      path: ['opening', 'explains', 'route', 'repaired'],
      decisions: [{ node: 'opening', reply: 1, tact: 2, techniques: ['acknowledge', 'ask-for-facts'], ms: 0 }],
    });
    expect(json.decisions[1]).toEqual({ node: 'explains', reply: 1, tact: 2, techniques: ['way-out'], ms: 0 });
  });
});
