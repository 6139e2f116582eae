import type { TweePassage } from './twee-story.ts';
import { SETTINGS_PASSAGE } from './settings-passage.ts';

/** Passages that describe the story rather than belong to it. */
const STORY_DETAILS = new Set(['StoryTitle', 'StoryData', SETTINGS_PASSAGE]);

/** Story-format passages that hold code or page furniture (SugarCube's special names). */
const CODE_NAMES = new Set([
  'StoryInit', 'StoryCaption', 'StoryMenu', 'StoryBanner', 'StorySubtitle', 'StoryAuthor', 'StoryInterface',
  'StoryShare', 'StoryDisplayTitle', 'PassageReady', 'PassageDone', 'PassageHeader', 'PassageFooter',
]);
/** Tags that make a passage code: Twine's own, Harlowe's and SugarCube's. */
const CODE_TAGS = new Set(['script', 'stylesheet', 'widget', 'header', 'footer', 'startup', 'debug-header', 'debug-footer', 'debug-startup', 'init']);

/** What a passage is to the converter. */
export type PassageRole = 'details' | 'code' | 'story';

/**
 * Whether a passage is part of the conversation, the story's details
 * (StoryTitle, StoryData, the Tactful settings), or story-format code that a
 * scenario cannot hold.
 *
 * @example passageRole({ name: 'StoryInit', tags: [], … }) // 'code'
 */
export function passageRole(passage: Pick<TweePassage, 'name' | 'tags'>): PassageRole {
  if (STORY_DETAILS.has(passage.name)) return 'details';
  if (CODE_NAMES.has(passage.name) || passage.tags.some((tag) => CODE_TAGS.has(tag))) return 'code';
  return 'story';
}
