import { EMOTIONS, OUTCOMES, type Problem } from '../../scenario/index.ts';
import { idFromName } from './node-ids.ts';
import { findLinks, type PassageLink } from './passage-links.ts';
import { readPassageText } from './passage-text.ts';
import { readReplyMarkup } from './reply-markup.ts';
import { tweeWarning } from './twee-problem.ts';
import type { TweePassage } from './twee-story.ts';

/** A passage as a scenario node or ending, as plain data ready to be written as YAML. */
export interface ConvertedPassage {
  kind: 'node' | 'ending';
  data: Record<string, unknown>;
  problems: Problem[];
}

const isOutcome = (tag: string): boolean => (OUTCOMES as readonly string[]).includes(tag);
const isEmotion = (tag: string): boolean => (EMOTIONS as readonly string[]).includes(tag);

/**
 * Converts one story passage. A passage with links is a dialogue node: its
 * text is the customer's line and each link a reply. A passage without links
 * is an ending, whose outcome is its tag (`satisfied`, `neutral`,
 * `dissatisfied`, `escalated` or `lost`).
 *
 * @param ids the id of every story passage, by name, for the links' `goto`.
 */
export function convertPassage(passage: TweePassage, ids: ReadonlyMap<string, string>, file: string): ConvertedPassage {
  const links = findLinks(passage.text, passage.textLine);
  const text = readPassageText(passage, links, file);
  const problems = [...text.problems];
  const warn = (at: { line: number; column: number }, rule: string, message: string): number => problems.push(tweeWarning(file, at, rule, message));
  const header = { line: passage.line, column: 1 };
  const ending = links.length === 0;
  const data: Record<string, unknown> = {};
  if (text.customer !== '') data.customer = text.customer;
  else warn(header, 'twee-empty-passage', `the passage "${passage.name}" has no text for the customer to say; write the customer's line in it`);
  // "neutral" is both an outcome and a face: on an ending it is the outcome, on a node the face.
  const outcomes = ending ? passage.tags.filter(isOutcome) : passage.tags.filter((t) => isOutcome(t) && !isEmotion(t));
  const emotion = passage.tags.find((t) => isEmotion(t) && !outcomes.includes(t));
  if (emotion) data.emotion = emotion;
  for (const tag of passage.tags.filter((t) => !isOutcome(t) && !isEmotion(t))) {
    warn(header, 'twee-tag', `the tag "${tag}" has no meaning in a scenario and was left out (tags a scenario reads: an outcome on an ending, or a face: ${EMOTIONS.join(', ')})`);
  }
  if (ending) {
    if (outcomes.length > 1) warn(header, 'twee-outcome', `the ending "${passage.name}" has ${outcomes.length} outcome tags; only the first, "${outcomes[0]}", was used`);
    data.outcome = outcomes[0] ?? 'neutral';
    if (outcomes.length === 0) warn(header, 'twee-outcome', `the passage "${passage.name}" has no links, so it is an ending, but no outcome tag; it was imported as "neutral" (tag it ${OUTCOMES.join(', ')})`);
    if (text.feedback !== undefined) data.feedback = text.feedback;
    return { kind: 'ending', data, problems };
  }
  if (outcomes.length > 0) warn(header, 'twee-outcome', `the passage "${passage.name}" has links, so it is not an ending; its outcome tag "${outcomes[0]}" was left out`);
  if (text.feedback !== undefined) {
    warn(header, 'twee-feedback', `a Feedback: line above every link of "${passage.name}" coaches no reply and was left out; put it under the link it is about`);
  }
  data.replies = links.map((link, index) => reply(link, text.linkFeedback.get(index), ids, warn));
  return { kind: 'node', data, problems };
}

/** One link as a reply: the convention's braces give tact, mood, scores and techniques. */
function reply(link: PassageLink, feedback: string | undefined, ids: ReadonlyMap<string, string>, warn: (at: PassageLink['at'], rule: string, message: string) => void): Record<string, unknown> {
  const markup = readReplyMarkup(link.text);
  // In the plain form, [[Target {tact:1}]], the text is the target: the braces are part of the
  // passage's name only if the story has a passage with them (Twine's editor makes one).
  const target = link.text === link.target && !ids.has(link.target) ? markup.say : link.target;
  for (const { entry } of markup.unreadable) {
    warn(link.at, 'twee-reply-markup', `"${entry}" in the braces is neither "name:number" (tact:+2, mood:-10, policy:+1) nor a technique id; it was left out`);
  }
  if (link.setter !== undefined) warn(link.at, 'twee-macro', `the setter [${link.setter}] was left out; scenarios change state with "set:" in the scenario file`);
  let goto = ids.get(target);
  if (goto === undefined) {
    goto = idFromName(target);
    warn(link.at, 'twee-missing-passage', `the link leads to "${target}", but no passage has that name; add the passage or correct the link (it was kept as goto: ${goto})`);
  }
  const data: Record<string, unknown> = { say: markup.say };
  if (markup.tact !== undefined) data.tact = markup.tact;
  if (markup.mood !== undefined) data.mood = markup.mood;
  if (Object.keys(markup.score).length > 0) data.score = markup.score;
  if (markup.techniques.length > 0) data.techniques = markup.techniques;
  data.goto = goto;
  if (feedback !== undefined) data.feedback = feedback;
  return data;
}
