import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../../scenario/index.ts';
import { tweeWarning } from './twee-problem.ts';
import type { TweePassage } from './twee-story.ts';

/** The passage holding what Twine has no place for: who the customer is, the brief, the scoring. */
export const SETTINGS_PASSAGE = 'Tactful';

/** Keys of the settings passage that go into `customer:`. */
const CUSTOMER_KEYS = new Set(['customer', 'avatar', 'mood', 'patience']);
/** Keys copied to the top of the scenario as they are. */
const SCENARIO_KEYS = new Set(['id', 'title', 'summary', 'brief', 'setting', 'objectives', 'tags', 'difficulty', 'locale', 'variables', 'scoring']);

/** The settings, split as the scenario file holds them. */
export interface ScenarioSettings {
  /** `name`, `avatar`, `mood`, `patience`, for `customer:`. */
  customer: Record<string, unknown>;
  /** Top-level fields: `summary`, `brief`, `scoring`… */
  scenario: Record<string, unknown>;
  problems: Problem[];
}

/**
 * Reads the settings passage, written the way a scenario file writes the
 * same fields (`customer: Dana`, `mood: 30`, `brief: …`). The values are not
 * checked here: the linter checks them in the converted file, with its
 * usual messages. An unknown key or a YAML mistake is a warning at its line.
 *
 * @example readSettings({ text: 'customer: Dana\nmood: 30', textLine: 3, … }, 'story.twee').customer // { name: 'Dana', mood: 30 }
 */
export function readSettings(passage: TweePassage | undefined, file: string): ScenarioSettings {
  const settings: ScenarioSettings = { customer: {}, scenario: {}, problems: [] };
  if (!passage) return settings;
  const lineCounter = new LineCounter();
  const doc = parseDocument(passage.text, { lineCounter, prettyErrors: false });
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: passage.textLine + line - 1, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    settings.problems.push(tweeWarning(file, at(firstError.pos[0]), 'twee-settings', `the ${SETTINGS_PASSAGE} passage is not "key: value" lines (${firstError.message.split('\n')[0]}); it was ignored`));
    return settings;
  }
  if (doc.contents === null) return settings;
  if (!isMap(doc.contents)) {
    settings.problems.push(tweeWarning(file, { line: passage.textLine, column: 1 }, 'twee-settings', `the ${SETTINGS_PASSAGE} passage should hold "key: value" lines such as "customer: Dana"; it was ignored`));
    return settings;
  }
  const data = doc.toJS() as Record<string, unknown>;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = data[key];
    if (CUSTOMER_KEYS.has(key)) settings.customer[key === 'customer' ? 'name' : key] = value;
    else if (SCENARIO_KEYS.has(key)) settings.scenario[key] = value;
    else {
      const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
      const known = [...CUSTOMER_KEYS, ...SCENARIO_KEYS].join(', ');
      settings.problems.push(tweeWarning(file, at(offset), 'twee-settings', `"${key}" is not a setting the ${SETTINGS_PASSAGE} passage knows (${known}); it was left out`));
    }
  }
  return settings;
}
