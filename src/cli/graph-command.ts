import { scenarioGraph, type GraphFormat } from '../scenario/index.ts';
import { loadForCommand } from './load.ts';
import type { Output } from './output.ts';

/** `tactful graph <file> [--format mermaid|dot]`: the scenario as a graph. */
export function graphCommand(file: string, format: GraphFormat, out: Output): number {
  const loaded = loadForCommand(file, out, true);
  if (!loaded) return 1;
  out.stdout(scenarioGraph(loaded.compiled.scenario, format).trimEnd());
  return 0;
}
