import type { DocLines } from '../completion/yaml-outline.ts';

/**
 * Names the studio saves scenarios under: `<id>.yaml`, lower-case letters,
 * digits and "-", nothing that can leave the scenarios folder. The same rule
 * guards the development server's save (dev-save-plugin.ts).
 */
const SAFE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.ya?ml$/;
const CATALOGUE = /^techniques\.ya?ml$/;

/** True for a name the studio may write in scenarios/: kebab-case, .yaml or .yml, not the technique catalogue. */
export function isSafeScenarioFileName(name: string): boolean {
  return SAFE_NAME.test(name) && !CATALOGUE.test(name);
}

/** Why a name cannot be saved, in a trainer's words, or undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  if (CATALOGUE.test(name)) return `"${name}" is the technique catalogue; the studio saves scenarios only`;
  if (!SAFE_NAME.test(name)) return `"${name}" is not a scenario file name: use lower-case letters, digits and "-", ending in .yaml (for example late-parcel.yaml)`;
  return undefined;
}

/** The file name for a scenario id (`late-parcel` → `late-parcel.yaml`), or undefined when the id is not kebab-case. */
export function fileNameForId(id: string): string | undefined {
  const name = `${id}.yaml`;
  return isSafeScenarioFileName(name) ? name : undefined;
}

/**
 * The scenario's `id:` as written on its own top-level line, if it has one.
 * Reads line by line (it is usually the first or second), so a long file is
 * never copied to find it.
 */
export function scenarioIdIn(doc: DocLines): string | undefined {
  for (let n = 1; n <= doc.lines; n++) {
    const text = doc.line(n).text;
    if (!text.startsWith('id:')) continue;
    return /^id:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*(?:#.*)?$/.exec(text)?.[1];
  }
  return undefined;
}
