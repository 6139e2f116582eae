import { buildCatalogue, loadScenario, formatProblem, type CompiledScenario, type Problem, type TechniqueCatalogue } from '../../scenario/index.ts';
import { decisionSpeed, decisionTact, SteppedClock, startConversation } from '../../engine/index.ts';
import { menuEntryFor, type MenuEntry } from './menu-index.ts';

/** The engine, handed to the scenes through this chunk so the menu never downloads it. */
export const engine = { startConversation, SteppedClock, decisionTact, decisionSpeed };

/**
 * Every scenario, bundled at build time and compiled with the engine's
 * loader. This module (with the YAML parser, the schema and the engine) is
 * its own chunk: the menu never waits for it.
 */
const files = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

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
  byId: Map<string, LibraryScenario>;
  /** Menu entries for scenarios added by the test hook (development builds only). */
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
 * Loads the library once. In development builds, scenarios a test put on
 * `window.__TACTFUL_TEST_SCENARIOS__` are added too; production builds never
 * read that hook, so fixtures can't reach the shipped menu.
 */
export function library(): Library {
  if (cached) return cached;
  const techniquesKey = Object.keys(files).find((f) => /\/techniques\.ya?ml$/.test(f));
  const { catalogue } = buildCatalogue(techniquesKey ? files[techniquesKey] : undefined);
  const byId = new Map<string, LibraryScenario>();
  const add = (file: string, text: string): MenuEntry => {
    const { compiled, problems } = loadScenario(file, text, catalogue);
    const entry = menuEntryFor(file, text, catalogue);
    const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
    byId.set(entry.id, { file, compiled, problems, errors });
    return entry;
  };
  for (const [key, text] of Object.entries(files)) {
    if (key === techniquesKey) continue;
    add(key.replace(/^\//, ''), text);
  }
  const extraEntries: MenuEntry[] = [];
  if (import.meta.env.DEV) {
    const extra = (globalThis as { __TACTFUL_TEST_SCENARIOS__?: ScenarioText[] }).__TACTFUL_TEST_SCENARIOS__ ?? [];
    for (const { file, text } of extra) extraEntries.push(add(file, text));
  }
  cached = { catalogue, byId, extraEntries, engine };
  return cached;
}
