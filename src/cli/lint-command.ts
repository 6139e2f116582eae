import { checkScenario, formatProblem, hasErrors, problemAt, sortProblems, type Problem } from '../scenario/index.ts';
import { orInputProblem } from './errors.ts';
import { catalogueFor, readText } from './files.ts';
import type { Output } from './output.ts';
import { scenarioFiles } from './scenario-files.ts';

/**
 * `tactful lint <file-or-dir>... [--json]`: checks scenario files and prints
 * every problem as `path:line:col: severity: message [rule]`.
 * Exit 0 when there is no error (warnings allowed), 1 otherwise, and 2 when
 * a path could not be used (missing, unreadable, a folder with no
 * scenario): the other files are still checked and summarised.
 */
export function lintCommand(targets: readonly string[], json: boolean, out: Output): number {
  const { files, catalogues, problems: inputProblems } = scenarioFiles(targets);
  const pathsNotUsable = inputProblems.length;
  const problems: Problem[] = [];
  const seenCatalogues = new Set<string>();
  const ids = new Map<string, string>();
  let checked = 0;
  const lintCatalogueOf = (file: string): ReturnType<typeof catalogueFor> => {
    const found = catalogueFor(file);
    if (found.path && !seenCatalogues.has(found.path)) {
      seenCatalogues.add(found.path);
      problems.push(...found.problems);
    }
    return found;
  };
  // A catalogue named directly (`lint scenarios/*.yaml` names it) is checked as a catalogue, not as a scenario.
  for (const file of catalogues) if (orInputProblem(() => lintCatalogueOf(file), inputProblems)) checked++;
  for (const file of files) {
    const checkedFile = orInputProblem(() => checkScenario(file, readText(file), lintCatalogueOf(file).catalogue), inputProblems);
    if (!checkedFile) continue;
    checked++;
    problems.push(...checkedFile.problems);
    const id = checkedFile.scenario?.id;
    if (id !== undefined) {
      const other = ids.get(id);
      if (other) {
        problems.push(problemAt(checkedFile.source!, ['id'], 'error', 'duplicate-id', `scenario id "${id}" is also used by ${other}; ids must be unique across the folder`));
      } else ids.set(id, file);
    }
  }
  sortProblems(problems);
  if (json) {
    // The paths that could not be read are problems too, so the output stays one JSON array.
    out.stdout(JSON.stringify(sortProblems([...inputProblems, ...problems]), null, 2));
  } else {
    for (const p of inputProblems) out.stderr(`tactful: ${p.message}`);
    for (const p of problems) out.stdout(formatProblem(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    // Not checked: files that could not be read, or whose catalogue could not, and paths that named nothing to check.
    const notChecked = files.length + catalogues.length - checked + pathsNotUsable;
    out.stderr(`${plural(checked, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notChecked > 0 ? `; ${notChecked} not checked (see above)` : ''}`);
  }
  if (inputProblems.length > 0) return 2;
  return hasErrors(problems) ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
