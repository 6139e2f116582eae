import type { Problem } from '../../scenario/index.ts';
import { parseTwee } from './parse-twee.ts';
import { scenarioYaml } from './scenario-yaml.ts';
import { passageRole } from './special-passages.ts';
import { tweeToScenario } from './twee-to-scenario.ts';

/** A Twee file converted to a scenario file's text. */
export interface TweeConversion {
  /** The scenario file (YAML), or undefined when the Twee file has no story passage to convert. */
  yaml?: string;
  nodes: number;
  endings: number;
  /** What could not be converted, sorted by line: warnings at places in the Twee file. */
  problems: Problem[];
}

/**
 * Converts a Twine story in Twee 3 to a Tactful scenario file. Plain
 * TypeScript, so the CLI (`tactful import`) and the studio share it.
 *
 * @param file the Twee file's path, for the warnings and the header comment.
 * @param fallbackTitle the title when the story has no StoryTitle (the file's name).
 * @example convertTwee(':: Start\nWhere is my phone? [[Checking {tact:+2}->Check]]\n:: Check [satisfied]\nThanks.', 'story.twee', 'story').yaml
 */
export function convertTwee(text: string, file: string, fallbackTitle: string): TweeConversion {
  const parsed = parseTwee(text, file);
  if (!parsed.story.passages.some((p) => passageRole(p) === 'story')) return { nodes: 0, endings: 0, problems: parsed.problems };
  const converted = tweeToScenario(parsed.story, file, fallbackTitle);
  const problems = [...parsed.problems, ...converted.problems].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  const header = [`Converted from ${file} by "tactful import" (Twine story "${parsed.story.title ?? fallbackTitle}").`, 'See docs/authoring-from-twine.md for the convention; edit freely from here.'];
  return { yaml: scenarioYaml(converted.scenario, converted.sources, header), nodes: converted.nodes, endings: converted.endings, problems };
}
