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
  const checked = checkScenario(file, text, catalogue);
  if (!checked.scenario || !checked.analysis || hasErrors(checked.problems)) return { problems: checked.problems };
  return {
    problems: checked.problems,
    compiled: { scenario: checked.scenario, analysis: checked.analysis, machine: compileMachine(checked.scenario) },
  };
}
