import { TYPING_CHARS_PER_SECOND } from './pacing.ts';
import { formatProblem, readingAllowanceMs, scenarioFileStem, type Scenario, type TechniqueCatalogue } from '../../scenario/index.ts';
import { loadScenario } from '../../engine/index.ts';

/**
 * What the menu shows for one scenario file: enough to draw its card, without
 * the YAML parser or the engine. Built once at build time (see the
 * `virtual:tactful/menu` plugin in vite.config.ts), so the menu is
 * interactive before the engine has even been downloaded.
 */
export interface MenuEntry {
  /** Where the scenario came from, e.g. `scenarios/missing-zero.yaml`. */
  file: string;
  /** The scenario id (the file name when the file cannot be read). */
  id: string;
  title: string;
  summary: string;
  /** 1 (gentle) .. 5 (very hard); 0 when unknown. */
  difficulty: number;
  tags: string[];
  /** Estimated playing time in whole minutes (shortest and longest route). */
  minutes: { min: number; max: number } | null;
  /** The customer's name, for the card. */
  customer: string;
  /** Errors that block play, formatted `file:line:col: error: message [rule]`. Empty when playable. */
  errors: string[];
}


/**
 * Reads one scenario file into a menu entry. Never throws: a file with
 * errors becomes an entry whose `errors` say what is wrong and where.
 *
 * @example
 * menuEntryFor('scenarios/x.yaml', text, catalogue).errors // []
 */
export function menuEntryFor(file: string, text: string, catalogue: TechniqueCatalogue): MenuEntry {
  const fallbackId = scenarioFileStem(file);
  let loaded: ReturnType<typeof loadScenario>;
  try {
    loaded = loadScenario(file, text, catalogue);
  } catch (error) {
    // The loader reports problems as values; this only guards the menu against a loader bug.
    return emptyEntry(file, fallbackId, [`${file}:1:1: error: ${(error as Error).message} [internal]`]);
  }
  const errors = loaded.problems.filter((p) => p.severity === 'error').map(formatProblem);
  const scenario = loaded.compiled?.scenario;
  if (!scenario) return emptyEntry(file, fallbackId, errors.length > 0 ? errors : [`${file}:1:1: error: the scenario could not be loaded [internal]`]);
  return {
    file,
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    difficulty: scenario.difficulty,
    tags: scenario.tags,
    minutes: estimateMinutes(scenario),
    customer: scenario.customer.name,
    errors,
  };
}

function emptyEntry(file: string, id: string, errors: string[]): MenuEntry {
  return { file, id, title: id, summary: '', difficulty: 0, tags: [], minutes: null, customer: '', errors };
}

/**
 * A rough playing time: the shortest and the longest route from start to an
 * ending (loops cut), each node costing its typing time plus the reading
 * allowance. Only for the card: it plays no part in scoring.
 */
export function estimateMinutes(scenario: Scenario): { min: number; max: number } | null {
  const cost = (id: string): number => {
    const node = scenario.nodes[id];
    if (!node || node.kind !== 'dialogue') return 0;
    const typing = (node.customer.length / TYPING_CHARS_PER_SECOND) * 1000;
    return typing + readingAllowanceMs(node.customer, node.replies.map((r) => r.say));
  };
  const next = (id: string): string[] => {
    const node = scenario.nodes[id];
    if (!node) return [];
    if (node.kind === 'branch') return node.routes.map((r) => r.goto);
    return [...node.replies.map((r) => r.goto), ...(node.timeLimitMs !== null ? [node.onTimeout.goto] : [])];
  };
  let min = Infinity;
  let max = 0;
  let visits = 0;
  // Depth-first over routes with an explicit stack (a route can be thousands of nodes long).
  const seen = new Set<string>();
  const stack: { id: string; spent: number; rest: string[] }[] = [];
  const enter = (id: string, spent: number): void => {
    if (++visits > 20_000) return; // enough for an estimate on any sane graph
    if (id in scenario.endings) {
      min = Math.min(min, spent);
      max = Math.max(max, spent);
      return;
    }
    if (seen.has(id)) return;
    seen.add(id);
    stack.push({ id, spent: spent + cost(id), rest: [...new Set(next(id))].reverse() });
  };
  enter(scenario.start, 0);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const to = top.rest.pop();
    if (to === undefined) {
      seen.delete(top.id);
      stack.pop();
    } else enter(to, top.spent);
  }
  if (!Number.isFinite(min)) return null;
  const minutes = (ms: number): number => Math.max(1, Math.round(ms / 60_000));
  return { min: minutes(min), max: minutes(max) };
}
