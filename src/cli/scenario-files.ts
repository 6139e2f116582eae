import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { isCatalogueFileName, isScenarioFileName, type Problem } from '../scenario/index.ts';
import { InputError, inputProblem, unreadable } from './errors.ts';

// The one rule for which files are scenarios, shared with the game's menu index and loader.
export { isCatalogueFileName, isScenarioFileName };

/** What the command line named: scenario files to check, catalogues named directly, and paths that could not be used. */
export interface ScenarioFileList {
  /** Scenario files, each once, in the order first named (a folder's files sorted). */
  files: string[];
  /** Technique catalogues named directly (as `lint scenarios/*.yaml` does). */
  catalogues: string[];
  /** Missing or unreadable paths, files that are not scenarios, folders with none. */
  problems: Problem[];
}

/**
 * Expands files and folders (searched recursively) into scenario files.
 * A file named twice, directly or through a folder, a `./` or a symbolic
 * link, is checked once, so overlapping arguments never report a scenario as
 * its own duplicate. Never throws for a path: each one that cannot be used
 * becomes a problem and the others are still listed.
 */
export function scenarioFiles(targets: readonly string[]): ScenarioFileList {
  const list: ScenarioFileList = { files: [], catalogues: [], problems: [] };
  const seen = new Set<string>();
  const add = (into: string[], file: string): void => {
    const key = realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    into.push(file);
  };
  for (const target of targets) {
    const kind = pathKind(target);
    if (kind === 'folder') {
      const found = filesUnder(target);
      list.problems.push(...found.problems);
      for (const file of found.files) add(list.files, file);
      if (found.files.length === 0 && found.problems.length === 0) list.problems.push(noScenarioFiles(target, found.foldersNamedLikeFiles));
    } else if (kind === 'catalogue') add(list.catalogues, target);
    else if (kind === 'scenario') add(list.files, target);
    else if (!list.problems.some((p) => p.file === kind.file)) list.problems.push(kind);
  }
  return list;
}

/**
 * Checks that a path names one scenario file (for play, paths and graph).
 *
 * @throws InputError when it is missing, unreadable, a folder, the catalogue or not YAML.
 */
export function requireScenarioFile(file: string): void {
  const kind = pathKind(file);
  if (kind === 'scenario') return;
  if (kind === 'folder') throw new InputError(inputProblem(file, 'not-a-scenario-file', `${file} is a folder, not a scenario file`));
  if (kind === 'catalogue') throw new InputError(inputProblem(file, 'not-a-scenario-file', `${file} is the technique catalogue, not a scenario`));
  throw new InputError(kind);
}

/** What a path on the command line is, or the problem that stops its use. */
function pathKind(path: string): 'folder' | 'scenario' | 'catalogue' | Problem {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    return unreadable(path, error);
  }
  if (stats.isDirectory()) return 'folder';
  if (isCatalogueFileName(path)) return 'catalogue';
  if (!stats.isFile() || !isScenarioFileName(path)) {
    return inputProblem(path, 'not-a-scenario-file', `${path} is not a scenario file: scenario files are .yaml or .yml files`);
  }
  return 'scenario';
}

/**
 * The scenario files in a folder and its subfolders, sorted. A loop with a
 * stack rather than recursion, so a deep tree cannot overflow the call
 * stack, and each folder is read on its own so one unreadable subfolder is
 * reported without hiding the rest. Folders reached twice through links are read once.
 */
function filesUnder(folder: string): { files: string[]; problems: Problem[]; foldersNamedLikeFiles: string[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  const foldersNamedLikeFiles: string[] = [];
  const pending = [folder];
  const visited = new Set<string>();
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const key = realPath(dir);
    if (visited.has(key)) continue;
    visited.add(key);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      problems.push(unreadable(dir, error));
      continue;
    }
    for (const name of names) {
      const path = join(dir, name);
      const kind = pathKind(path);
      if (kind === 'folder') {
        pending.push(path);
        if (isScenarioFileName(name)) foldersNamedLikeFiles.push(path);
      } else if (kind === 'scenario') files.push(path);
      else if (typeof kind === 'object' && kind.rule === 'unreadable' && isScenarioFileName(name)) problems.push(kind);
      // Other files (notes, images, the catalogue, a broken link to a picture) are simply not scenarios.
    }
  }
  return { files: files.sort(), problems, foldersNamedLikeFiles: foldersNamedLikeFiles.sort() };
}

function noScenarioFiles(folder: string, foldersNamedLikeFiles: readonly string[]): Problem {
  // A folder called "x.yaml" looks like a scenario in a file list; say why it isn't one.
  const why = foldersNamedLikeFiles.map((f) => `; ${f} is a folder, not a scenario file`).join('');
  return inputProblem(folder, 'no-scenario-files', `${folder} has no scenario files (.yaml or .yml)${why}`);
}

/** The path with links and `./` resolved, to know when two arguments name the same file. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
