import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { buildCatalogue, type Problem, type TechniqueCatalogue } from '../scenario/index.ts';
import { InputError, unreadable } from './errors.ts';
import { isCatalogueFileName } from './scenario-files.ts';

/**
 * Reads a file as text; binary content comes back with its NULs so the linter can say so.
 *
 * @throws InputError "cannot read FILE: permission denied" (or another reason) when the system refuses.
 */
export function readText(file: string): string {
  try {
    return readFileSync(file).toString('utf8');
  } catch (error) {
    throw new InputError(unreadable(file, error));
  }
}

const catalogues = new Map<string, { catalogue: TechniqueCatalogue; problems: Problem[] }>();

/**
 * The technique catalogue for a scenario file: the built-in ids plus the
 * `techniques.yaml` (or `.yml`) in the scenario's folder or the nearest folder above it.
 *
 * @throws InputError when that `techniques.yaml` cannot be read: checking
 * against the built-ins alone would blame the scenario for the catalogue's techniques.
 */
export function catalogueFor(file: string): { catalogue: TechniqueCatalogue; problems: Problem[]; path?: string } {
  // A loop up the folders, not recursion: the depth is the user's folder tree.
  let dir = resolve(dirname(file));
  for (;;) {
    const found = catalogueIn(dir);
    if (found) {
      const candidate = join(dir, found);
      const name = relativeName(candidate);
      const cached = catalogues.get(candidate) ?? buildCatalogue(readText(name), name);
      catalogues.set(candidate, cached);
      return { ...cached, path: candidate };
    }
    const parent = dirname(dir);
    if (parent === dir) return buildCatalogue();
    dir = parent;
  }
}

/** The catalogue's file name in a folder, if it has one (listed, because the name may be in any case or end in .yml). */
function catalogueIn(dir: string): string | undefined {
  try {
    return readdirSync(dir).filter(isCatalogueFileName).sort()[0];
  } catch {
    // An ancestor such as /home that may not be listed simply holds no catalogue.
    return undefined;
  }
}

/** The path as the trainer would type it: relative when it is under the working folder. */
function relativeName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
