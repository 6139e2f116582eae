import { existsSync, statSync } from 'node:fs';
import { formatProblem, type TechniqueCatalogue } from '../scenario/index.ts';
import { loadScenario, type CompiledScenario } from '../engine/index.ts';
import { catalogueFor, readText, UsageError } from './files.ts';
import type { Output } from './output.ts';

/**
 * Loads one scenario for play, paths or graph. Problems are printed (errors
 * block, warnings are shown on stderr); returns undefined when it can't be played.
 */
export function loadForCommand(file: string, out: Output, quietWarnings = false): { compiled: CompiledScenario; catalogue: TechniqueCatalogue } | undefined {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`, false);
  const { catalogue } = catalogueFor(file);
  const { compiled, problems } = loadScenario(file, readText(file), catalogue);
  for (const p of problems) if (!compiled || !quietWarnings) out.stderr(formatProblem(p));
  if (!compiled) {
    out.stderr(`${file} has errors; fix them (see above) and try again.`);
    return undefined;
  }
  return { compiled, catalogue };
}
