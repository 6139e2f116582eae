import { checkScenario, formatProblem, hasErrors, problemAt, sortProblems, type Problem } from '../scenario/index.ts';
import { catalogueFor, readText, scenarioFiles } from './files.ts';
import type { Output } from './output.ts';

/**
 * `tactful lint <file-or-dir>... [--json]`: checks scenario files and prints
 * every problem as `path:line:col: severity: message [rule]`.
 * Exit 0 when there is no error (warnings allowed), 1 otherwise.
 */
export function lintCommand(targets: readonly string[], json: boolean, out: Output): number {
  const files = scenarioFiles(targets);
  const problems: Problem[] = [];
  const seenCatalogues = new Set<string>();
  const ids = new Map<string, string>();
  for (const file of files) {
    const { catalogue, problems: catalogueProblems, path } = catalogueFor(file);
    if (path && !seenCatalogues.has(path)) {
      seenCatalogues.add(path);
      problems.push(...catalogueProblems);
    }
    const checked = checkScenario(file, readText(file), catalogue);
    problems.push(...checked.problems);
    const id = checked.scenario?.id;
    if (id !== undefined) {
      const other = ids.get(id);
      if (other) {
        problems.push(problemAt(checked.source!, ['id'], 'error', 'duplicate-id', `scenario id "${id}" is also used by ${other}; ids must be unique across the folder`));
      } else ids.set(id, file);
    }
  }
  sortProblems(problems);
  if (json) {
    out.stdout(JSON.stringify(problems, null, 2));
  } else {
    for (const p of problems) out.stdout(formatProblem(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    out.stderr(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  return hasErrors(problems) ? 1 : 0;
}

