/**
 * The scenario layer: read a YAML file with positions, validate it, lint it
 * and compile it to an XState machine. Plain TypeScript: no Phaser, DOM or
 * Node APIs, so the game, the CLI and the tests share it.
 */
import { compileMachine, type CompiledScenario } from './compile.ts';
import { checkScenario } from './lint.ts';
import { hasErrors, type Problem } from './problem.ts';
import type { TechniqueCatalogue } from './techniques.ts';

export * from './problem.ts';
export * from './model.ts';
export * from './schema.ts';
export * from './techniques.ts';
export * from './transcript.ts';
export * from './compile.ts';
export * from './lint.ts';
export * from './semantics.ts';
export * from './reading-time.ts';
export * from './reply-order.ts';
export { parseExpression, evaluate, type Value, type Expression } from './expression.ts';
export { parseDuration } from './duration.ts';
export { problemAt, type ScenarioSourceFile } from './source.ts';
export type { Analysis } from './analysis.ts';

/**
 * Everything from text to a playable scenario. `compiled` is present only
 * when there is no error; warnings never block play.
 *
 * @example
 * const { compiled, problems } = loadScenario('scenarios/x.yaml', text, catalogue);
 */
export function loadScenario(file: string, text: string, catalogue: TechniqueCatalogue): { compiled?: CompiledScenario; problems: Problem[] } {
  const checked = checkScenario(file, text, catalogue);
  if (!checked.scenario || !checked.analysis || hasErrors(checked.problems)) return { problems: checked.problems };
  return {
    problems: checked.problems,
    compiled: { scenario: checked.scenario, analysis: checked.analysis, machine: compileMachine(checked.scenario) },
  };
}
export * from './graph-export.ts';
