import type { Problem } from '../../scenario/index.ts';
import { idFromName, uniqueIds } from './node-ids.ts';
import { convertPassage } from './passage-node.ts';
import { readSettings, SETTINGS_PASSAGE } from './settings-passage.ts';
import { passageRole } from './special-passages.ts';
import { tweeWarning } from './twee-problem.ts';
import type { TweePassage, TweeStory } from './twee-story.ts';

/** A story converted to scenario data, with the passage each node and ending came from. */
export interface ConvertedStory {
  /** The scenario file's content as plain data, fields in the order a trainer writes them. */
  scenario: Record<string, unknown>;
  /** The passage behind each node and ending id, to name it in a comment. */
  sources: Map<string, TweePassage>;
  nodes: number;
  endings: number;
  problems: Problem[];
}

/**
 * Turns a parsed Twine story into a scenario, following the convention in
 * docs/authoring-from-twine.md. The scenario is not checked here: the
 * linter checks the written file, so a trainer gets its usual messages.
 *
 * @param fallbackTitle the title when the story has no StoryTitle (the file's name).
 * @example tweeToScenario(parseTwee(text, 'story.twee').story, 'story.twee', 'story').scenario.start // 'start'
 */
export function tweeToScenario(story: TweeStory, file: string, fallbackTitle: string): ConvertedStory {
  const problems: Problem[] = [];
  const firstOfEachName = story.passages.filter((p, index) => story.passages.findIndex((q) => q.name === p.name) === index && p.name !== '');
  for (const passage of firstOfEachName.filter((p) => passageRole(p) === 'code' && p.text.trim() !== '')) {
    problems.push(tweeWarning(file, { line: passage.line, column: 1 }, 'twee-code-passage', `the passage "${passage.name}" is story-format code or page furniture and was left out`));
  }
  const passages = firstOfEachName.filter((p) => passageRole(p) === 'story');
  const ids = uniqueIds(passages.map((p) => p.name));
  const nodes: Record<string, unknown> = {};
  const endings: Record<string, unknown> = {};
  const sources = new Map<string, TweePassage>();
  for (const passage of passages) {
    const converted = convertPassage(passage, ids, file);
    const id = ids.get(passage.name)!;
    (converted.kind === 'node' ? nodes : endings)[id] = converted.data;
    sources.set(id, passage);
    problems.push(...converted.problems);
  }
  const settingsPassage = story.passages.find((p) => p.name === SETTINGS_PASSAGE);
  const settings = readSettings(settingsPassage, file);
  problems.push(...settings.problems);
  if (settings.customer.name === undefined) {
    problems.push(tweeWarning(file, { line: settingsPassage?.line ?? 1, column: 1 }, 'twee-settings', `the customer has no name, so they are called "Customer"; add a passage ":: ${SETTINGS_PASSAGE}" with a line "customer: NAME"`));
  }
  const { id, title, ...details } = settings.scenario;
  const scenarioTitle = typeof title === 'string' ? title : (story.title ?? fallbackTitle);
  const scenario: Record<string, unknown> = {
    id: id ?? idFromName(scenarioTitle, 'imported-story'),
    title: scenarioTitle,
    ...details,
    customer: { name: 'Customer', ...settings.customer },
    start: startId(story, passages, ids, file, problems),
    nodes,
    endings,
  };
  return { scenario, sources, nodes: Object.keys(nodes).length, endings: Object.keys(endings).length, problems };
}

/** StoryData's start passage, else the passage named "Start", else the first one (with a warning). */
function startId(story: TweeStory, passages: readonly TweePassage[], ids: ReadonlyMap<string, string>, file: string, problems: Problem[]): string | undefined {
  if (story.start !== undefined) {
    const id = ids.get(story.start);
    if (id !== undefined) return id;
    const data = story.passages.find((p) => p.name === 'StoryData')!;
    problems.push(tweeWarning(file, { line: data.textLine, column: 1 }, 'twee-start', `StoryData says the story starts at "${story.start}", but no passage has that name`));
  }
  const named = ids.get('Start');
  if (named !== undefined) return named;
  const first = passages[0];
  if (first === undefined) return undefined;
  problems.push(tweeWarning(file, { line: first.line, column: 1 }, 'twee-start', `no start passage (StoryData's "start", or a passage named "Start"); the conversation starts at the first passage, "${first.name}"`));
  return ids.get(first.name);
}
