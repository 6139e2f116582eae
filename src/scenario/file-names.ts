/**
 * Which files in a scenarios folder are scenarios: one rule for the CLI, the
 * game's menu index and its loader, so a file the menu shows can always be
 * opened. YAML files (`.yaml` or `.yml`, any case) are scenarios, except the
 * technique catalogue (`techniques.yaml` / `techniques.yml`).
 */
const YAML_FILE = /\.ya?ml$/i;
const CATALOGUE_FILE = /^techniques\.ya?ml$/i;

/** The last part of a path (either slash). */
function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/** True for a scenario file's name or path (YAML, not the technique catalogue). */
export function isScenarioFileName(path: string): boolean {
  const name = baseName(path);
  return YAML_FILE.test(name) && !CATALOGUE_FILE.test(name);
}

/** True for the technique catalogue's name or path. */
export function isCatalogueFileName(path: string): boolean {
  return CATALOGUE_FILE.test(baseName(path));
}

/** A scenario file's name without its folder and YAML extension (the id a file without a readable id falls back to). */
export function scenarioFileStem(path: string): string {
  return baseName(path).replace(YAML_FILE, '');
}
