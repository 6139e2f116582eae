import { checkScenario, hasErrors, type Problem, type TechniqueCatalogue } from '../scenario/index.ts';
import { compileMachine, type CompiledScenario } from './machine.ts';

/**
 * Everything from text to a playable scenario. `compiled` is present only
 * when there is no error; warnings never block play.
 *
 * @example
 * const { compiled, problems } = loadScenario('scenarios/x.yaml', text, catalogue);
 */
export function loadScenario(file: string, text: string, catalogue: TechniqueCatalogue): { compiled?: CompiledScenario; problems: Problem[] } {
  // Only what play needs is kept: the file as read (text, YAML data) can be collected while the machine is built.
  const { scenario, analysis, problems } = checkScenario(file, text, catalogue);
  if (!scenario || !analysis || hasErrors(problems)) return { problems };
  return { problems, compiled: { scenario, analysis, machine: compileMachine(scenario) } };
}
