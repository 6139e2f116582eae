import { buildCatalogue, formatProblem, isCatalogueFileName, isScenarioFileName, type Problem, type TechniqueCatalogue } from '../../scenario/index.ts';
import { debriefOf, decisionSpeed, decisionTact, loadScenario, SteppedClock, startConversation, type CompiledScenario } from '../../engine/index.ts';
import { menuEntryFor, type MenuEntry } from './menu-index.ts';
import menuEntries from 'virtual:tactful/menu';

/** The engine, handed to the scenes through this chunk so the menu never downloads it. */
export const engine = { startConversation, SteppedClock, decisionTact, decisionSpeed, debriefOf };

/**
 * Every scenario, bundled at build time and compiled with the engine's
 * loader. This module (with the YAML parser, the schema and the engine) is
 * its own chunk: the menu never waits for it.
 */
// Every file in scenarios/ (a glob can't say "any case"); isScenarioFileName picks the scenarios, as the menu index does.
const files = import.meta.glob<string>('/scenarios/*', { query: '?raw', import: 'default', eager: true });

/** One scenario file, loaded. `compiled` is missing when it has errors. */
export interface LibraryScenario {
  file: string;
  compiled?: CompiledScenario;
  problems: Problem[];
  /** The errors, formatted `file:line:col: error: message [rule]`. */
  errors: string[];
}

/** The technique catalogue and every scenario by id. */
export interface Library {
  catalogue: TechniqueCatalogue;
  /** The scenario with this id, compiled on first use (undefined when there is none). */
  get(id: string): LibraryScenario | undefined;
  /** Menu entries for scenarios added by the test hook (development and e2e builds only). */
  extraEntries: MenuEntry[];
  engine: typeof engine;
}

/** A scenario file given as text (the development-only test hook). */
export interface ScenarioText {
  file: string;
  text: string;
}

let cached: Library | undefined;

/**
 * Loads the library once. Scenarios are compiled one at a time, when first
 * opened: the menu already knows every id and file from the build-time index.
 * In development and end-to-end test builds (`vite build --mode e2e`),
 * scenarios a test put on `window.__TACTFUL_TEST_SCENARIOS__` are added too;
 * production builds never read that hook (the code is removed at build
 * time), so test fixtures can't reach the shipped menu.
 */
export function library(): Library {
  if (cached) return cached;
  const techniquesKey = Object.keys(files).find(isCatalogueFileName);
  const { catalogue } = buildCatalogue(techniquesKey ? files[techniquesKey] : undefined);
  const compiledById = new Map<string, LibraryScenario>();
  const textByFile = new Map<string, string>();
  for (const [key, text] of Object.entries(files)) if (isScenarioFileName(key)) textByFile.set(key.replace(/^\//, ''), text);
  const fileById = new Map(menuEntries.map((e) => [e.id, e.file]));
  const compile = (file: string, text: string): LibraryScenario => {
    const { compiled, problems } = loadScenario(file, text, catalogue);
    return { file, compiled, problems, errors: problems.filter((p) => p.severity === 'error').map(formatProblem) };
  };

  const extraEntries: MenuEntry[] = [];
  if (import.meta.env.DEV || import.meta.env.MODE === 'e2e') {
    const extra = (globalThis as { __TACTFUL_TEST_SCENARIOS__?: ScenarioText[] }).__TACTFUL_TEST_SCENARIOS__ ?? [];
    for (const { file, text } of extra) {
      const loaded = compile(file, text);
      const entry = menuEntryFor(file, text, catalogue);
      extraEntries.push(entry);
      compiledById.set(entry.id, loaded);
    }
  }

  cached = {
    catalogue,
    extraEntries,
    engine,
    get(id) {
      const known = compiledById.get(id);
      if (known) return known;
      const file = fileById.get(id);
      const text = file === undefined ? undefined : textByFile.get(file);
      if (file === undefined || text === undefined) return undefined;
      const loaded = compile(file, text);
      compiledById.set(id, loaded);
      return loaded;
    },
  };
  return cached;
}
