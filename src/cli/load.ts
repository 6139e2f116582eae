import { formatProblem, type Problem, type TechniqueCatalogue } from '../scenario/index.ts';
import { loadScenario, type CompiledScenario } from '../engine/index.ts';
import { catalogueFor, readText } from './files.ts';
import { errorsJson } from './json-errors.ts';
import type { Output } from './output.ts';
import { requireScenarioFile } from './scenario-files.ts';

/** One scenario file as play, paths and graph need it. */
export interface LoadedScenario {
  /** Present only when there is no error. */
  compiled?: CompiledScenario;
  catalogue: TechniqueCatalogue;
  /** The file's text, to point at a place in it later. */
  text: string;
  problems: Problem[];
}

/**
 * Loads one scenario for play, paths or graph.
 *
 * @throws InputError when the path is not a readable scenario file (exit 2).
 */
export function loadScenarioFile(file: string): LoadedScenario {
  requireScenarioFile(file);
  const { catalogue } = catalogueFor(file);
  const text = readText(file);
  return { ...loadScenario(file, text, catalogue), catalogue, text };
}

/**
 * Says why a scenario cannot be played: every problem and a last line on
 * standard error, or `{ "errors": [...] }` on standard output with `--json`.
 * Returns the exit code, 1.
 */
export function reportUnplayable(file: string, problems: readonly Problem[], json: boolean, out: Output): number {
  if (json) {
    out.stdout(errorsJson(problems.filter((p) => p.severity === 'error')));
  } else {
    for (const p of problems) out.stderr(formatProblem(p));
    out.stderr(`${file} has errors; fix them (see above) and try again.`);
  }
  return 1;
}
