import { beforeAll, describe, expect, it } from 'vitest';
import { auditScenario, DEFAULT_THRESHOLDS, walkReplyRoutes } from '../../../src/audit/index.ts';
import { enumeratePaths, walkRoutes, type CompiledScenario } from '../../../src/engine/index.ts';
import { scenarioGraph } from '../../../src/scenario/index.ts';
import { catalogue, compileYaml } from '../helpers.ts';

/**
 * Scenarios far longer than anyone writes by hand, as a generator or an
 * import can produce them: `length` dialogue nodes in a row, each with one
 * reply on to the next, then an ending. Every walk over nodes and routes
 * must keep its own stack: a recursive one overflowed the call stack at
 * 2,000 nodes (`tactful paths` crashed on a file `tactful lint` accepted).
 */
function chain(length: number): string {
  const nodes = Array.from({ length }, (_, i) =>
    `  n${i}:\n    customer: Line ${i}.\n    replies:\n      - say: Go on.\n        goto: ${i === length - 1 ? 'done' : `n${i + 1}`}\n`);
  return `id: chain\ntitle: A long chain\ncustomer:\n  name: Sam\nstart: n0\nnodes:\n${nodes.join('')}endings:\n  done:\n    customer: Bye.\n    outcome: satisfied\n`;
}

/** The one route through a chain, as a `--choose` list. */
const onlyRoute = (length: number): string => Array.from({ length }, () => '1').join(',');

// Fewer plays than the audit's defaults: what matters here is the depth of the walks, not the statistics.
const thresholds = { ...DEFAULT_THRESHOLDS, runs: 2, randomRuns: 2 };

describe('a 2,000-node chain', () => {
  let compiled: CompiledScenario;
  beforeAll(() => {
    compiled = compileYaml(chain(2_000));
  });

  it('has its one route walked by tactful paths', () => {
    const report = enumeratePaths(compiled);
    expect(report).toMatchObject({ paths: 1, complete: true });
    expect(report.endings[0]).toMatchObject({ ending: 'done', paths: 1, bestChoices: onlyRoute(2_000) });
  });

  it('is audited: its route walked, ranked and replayed on the engine', () => {
    const audit = auditScenario(compiled, catalogue, thresholds);
    expect(audit.routes).toMatchObject({ routes: 1, complete: true });
    expect(audit.routes.best!.choices).toBe(onlyRoute(2_000));
  });

  it('is drawn as a graph, every node and link', () => {
    expect(scenarioGraph(compiled.scenario, 'mermaid').match(/-->/g)).toHaveLength(2_001);
    expect(scenarioGraph(compiled.scenario, 'dot').match(/->/g)).toHaveLength(2_001);
  });
});

describe('a 20,000-node chain', () => {
  let compiled: CompiledScenario;
  beforeAll(() => {
    compiled = compileYaml(chain(20_000));
  }, 120_000);

  // Not a timing assertion: the engine copies a route's history at each step, so this walk is slow, and the test waits for it.
  it('has its one route walked on the engine', () => {
    const choices: string[][] = [];
    expect(walkRoutes(compiled, (route) => choices.push(route.choices))).toBe(true);
    expect(choices).toHaveLength(1);
    expect(choices[0]).toHaveLength(20_000);
  }, 120_000);

  it('has its one route walked by the audit', () => {
    const lengths: number[] = [];
    expect(walkReplyRoutes(compiled, (route) => lengths.push(route.choices.length), 10)).toBe(true);
    expect(lengths).toEqual([20_000]);
  });

  it('is drawn as a graph', () => {
    expect(scenarioGraph(compiled.scenario, 'dot').match(/->/g)).toHaveLength(20_001);
  });
});
