import { scenarioGraph, type GraphFormat } from '../scenario/index.ts';
import { loadScenarioFile, reportUnplayable } from './load.ts';
import type { Output } from './output.ts';

/** `tactful graph <file> [--format mermaid|dot]`: the scenario as a graph. */
export function graphCommand(file: string, format: GraphFormat, out: Output): number {
  const loaded = loadScenarioFile(file);
  if (!loaded.compiled) return reportUnplayable(file, loaded.problems, false, out);
  out.stdout(scenarioGraph(loaded.compiled.scenario, format).trimEnd());
  return 0;
}
