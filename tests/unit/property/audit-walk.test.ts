import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkReplyRoutes } from '../../../src/audit/index.ts';
import { walkRoutes } from '../../../src/engine/index.ts';
import { loadScenario } from '../../../src/engine/index.ts';
import { catalogue } from '../helpers.ts';
import { validScenarioYaml } from './random-scenarios.ts';

describe("the audit's fast route walk", () => {
  it('finds exactly the routes the engine finds, with the same scores', () => {
    fc.assert(
      fc.property(validScenarioYaml, (yaml) => {
        const { compiled } = loadScenario('random.yaml', yaml, catalogue);
        const onEngine = new Map<string, string>();
        walkRoutes(compiled!, ({ choices, result }) => onEngine.set(choices.join(','), JSON.stringify([result.ending, result.scores, result.passed])), 5_000, { timeouts: false });
        const fast = new Map<string, string>();
        walkReplyRoutes(compiled!, (route) => fast.set(route.choices.join(','), JSON.stringify([route.ending, route.scores, route.passed])), 5_000);
        expect(fast).toEqual(onEngine);
      }),
      { numRuns: 150 },
    );
  });
});
