import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, checkScenario, formatProblem, type TechniqueCatalogue } from '../../src/scenario/index.ts';
import { loadScenario, type CompiledScenario } from '../../src/engine/index.ts';

/** The shipped catalogue (built-ins plus scenarios/techniques.yaml). */
export const catalogue: TechniqueCatalogue = buildCatalogue(readFileSync('scenarios/techniques.yaml', 'utf8')).catalogue;

/** Compiles scenario YAML written in a test, failing loudly on errors. */
export function compileYaml(yaml: string, file = 'test.yaml'): CompiledScenario {
  const { compiled, problems } = loadScenario(file, yaml, catalogue);
  if (!compiled) throw new Error(`test scenario has errors:\n${problems.map(formatProblem).join('\n')}`);
  return compiled;
}

/** Every shipped scenario file. */
export function shippedScenarioFiles(): string[] {
  return readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml') && f !== 'techniques.yaml')
    .sort()
    .map((f) => join('scenarios', f));
}

/** Compiles a shipped scenario file. */
export function compileFile(file: string): CompiledScenario {
  return compileYaml(readFileSync(file, 'utf8'), file);
}

/** The YAML syntax problems `tactful lint` prints for a text, as printed (the YAML message tests' one view of a file). */
export function syntaxProblems(text: string, file = 'm.yaml'): string[] {
  return checkScenario(file, text, catalogue).problems.filter((p) => p.rule === 'yaml-syntax').map(formatProblem);
}

/** `text` with its line `line` (1-based) replaced by `replacement` (one line or several): how the YAML message tests make one slip. */
export function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}
