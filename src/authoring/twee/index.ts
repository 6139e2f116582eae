/**
 * Twine (Twee 3) stories as scenarios: a small Twee parser and the
 * converter behind `tactful import`. Plain TypeScript (no DOM or Node API),
 * so the authoring studio can use it too.
 */
export { convertTwee, type TweeConversion } from './convert-twee.ts';
export { parseTwee, type ParsedTwee } from './parse-twee.ts';
export { findLinks, splitLink, type PassageLink } from './passage-links.ts';
export { readPassageHeader, isPassageHeader, type PassageHeader } from './passage-header.ts';
export { readReplyMarkup, type ReplyMarkup } from './reply-markup.ts';
export { tweeToScenario, type ConvertedStory } from './twee-to-scenario.ts';
export { SETTINGS_PASSAGE } from './settings-passage.ts';
export type { TweePassage, TweeStory, TweePosition } from './twee-story.ts';
