import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildCatalogue, type Problem, type TechniqueCatalogue } from '../scenario/index.ts';

/** The catalogue file trainers extend; it sits beside the scenarios. */
export const TECHNIQUES_FILE = 'techniques.yaml';

/** Thrown for input the command cannot work with at all (exit 2). */
export class UsageError extends Error {
  /** Whether the help text helps here (a wrong command does; a missing file doesn't). */
  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}

/** Expands files and folders into scenario files (YAML, not the techniques catalogue), sorted. */
export function scenarioFiles(targets: readonly string[]): string[] {
  const files: string[] = [];
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`${target}: no such file or folder`, false);
    if (statSync(target).isDirectory()) {
      for (const entry of readdirSync(target, { recursive: true, encoding: 'utf8' }).sort()) {
        const path = join(target, entry);
        if (/\.ya?ml$/i.test(entry) && basename(entry) !== TECHNIQUES_FILE && statSync(path).isFile()) files.push(path);
      }
    } else {
      files.push(target);
    }
  }
  return files;
}

/** Reads a file as text; binary content comes back with its NULs so the linter can say so. */
export function readText(file: string): string {
  return readFileSync(file).toString('utf8');
}

const catalogues = new Map<string, { catalogue: TechniqueCatalogue; problems: Problem[] }>();

/**
 * The technique catalogue for a scenario file: the built-in ids plus the
 * `techniques.yaml` in the scenario's folder or the nearest folder above it.
 */
export function catalogueFor(file: string): { catalogue: TechniqueCatalogue; problems: Problem[]; path?: string } {
  let dir = resolve(dirname(file));
  for (;;) {
    const candidate = join(dir, TECHNIQUES_FILE);
    if (existsSync(candidate)) {
      const cached = catalogues.get(candidate) ?? buildCatalogue(readText(candidate), relativeName(candidate));
      catalogues.set(candidate, cached);
      return { ...cached, path: candidate };
    }
    const parent = dirname(dir);
    if (parent === dir) return buildCatalogue();
    dir = parent;
  }
}

function relativeName(path: string): string {
  const rel = path.startsWith(process.cwd()) ? path.slice(process.cwd().length + 1) : path;
  return rel || path;
}
