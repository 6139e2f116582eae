import type { Problem } from '../../scenario/index.ts';
import { isPassageHeader, readPassageHeader } from './passage-header.ts';
import { tweeWarning } from './twee-problem.ts';
import type { TweePassage, TweeStory } from './twee-story.ts';

/** A story read from Twee, with warnings about what was odd in it. */
export interface ParsedTwee {
  story: TweeStory;
  problems: Problem[];
}

/**
 * Reads a Twee 3 file: every `::` line starts a passage, whose text runs to
 * the next one; lines before the first passage are ignored, as the format
 * says. StoryTitle gives the title and StoryData (JSON) the start passage.
 * Never throws: a malformed metadata block or StoryData is a warning, and a
 * file with no passage gives a story with none (the caller says so).
 *
 * @example parseTwee(':: StoryTitle\nLate repair\n\n:: Start\nWhere is my phone?', 'story.twee').story.title // 'Late repair'
 */
export function parseTwee(text: string, file: string): ParsedTwee {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: Problem[] = [];
  const passages: TweePassage[] = [];
  let current: { passage: TweePassage; body: string[] } | undefined;
  const finish = (): void => {
    if (!current) return;
    while (current.body.length > 0 && current.body.at(-1)!.trim() === '') current.body.pop();
    current.passage.text = current.body.join('\n');
    passages.push(current.passage);
  };
  lines.forEach((line, index) => {
    if (!isPassageHeader(line)) {
      current?.body.push(line);
      return;
    }
    finish();
    const header = readPassageHeader(line);
    const lineNumber = index + 1;
    if (header.name === '') problems.push(tweeWarning(file, { line: lineNumber, column: 1 }, 'twee-passage-name', 'this passage has no name after "::"; give it one, or links cannot reach it'));
    const metadata = header.metadata === undefined ? {} : readJsonObject(header.metadata);
    if (metadata === undefined) {
      problems.push(tweeWarning(file, { line: lineNumber, column: header.metadataIndex! + 1 }, 'twee-metadata', 'the metadata block is not a JSON object such as {"position":"100,200"}; it was ignored'));
    }
    current = { passage: { name: header.name, tags: header.tags, metadata: metadata ?? {}, text: '', line: lineNumber, textLine: lineNumber + 1 }, body: [] };
  });
  finish();
  return { story: { ...storyDetails(passages, file, problems), passages }, problems: [...problems, ...duplicateNames(passages, file)] };
}

/** The title from StoryTitle and the start passage from StoryData. */
function storyDetails(passages: readonly TweePassage[], file: string, problems: Problem[]): Omit<TweeStory, 'passages'> {
  const details: Omit<TweeStory, 'passages'> = {};
  const title = passages.find((p) => p.name === 'StoryTitle')?.text.trim();
  if (title) details.title = title;
  const data = passages.find((p) => p.name === 'StoryData');
  if (data) {
    const json = readJsonObject(data.text);
    if (json === undefined) {
      problems.push(tweeWarning(file, { line: data.textLine, column: 1 }, 'twee-story-data', 'StoryData is not a JSON object such as {"start": "Start"}; it was ignored'));
    } else if (typeof json.start === 'string') details.start = json.start;
  }
  return details;
}

/** A second passage with a name already used: links can only reach the first, as in Twine. */
function duplicateNames(passages: readonly TweePassage[], file: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  for (const passage of passages) {
    const first = seen.get(passage.name);
    if (first === undefined) seen.set(passage.name, passage.line);
    else if (passage.name !== '') {
      problems.push(tweeWarning(file, { line: passage.line, column: 1 }, 'twee-duplicate-passage', `the passage "${passage.name}" is already defined on line ${first}; this one was left out, so rename one of them`));
    }
  }
  return problems;
}

function readJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
