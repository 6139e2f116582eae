/**
 * A Twine story as read from a Twee 3 file: its passages, in file order, with
 * the line each starts on so that every warning can point at the source.
 */

/** One `:: Name [tags] {metadata}` passage. */
export interface TweePassage {
  name: string;
  tags: string[];
  /** The header's JSON object (Twine keeps the map position here); `{}` when absent. */
  metadata: Record<string, unknown>;
  /** The passage's text, without trailing blank lines. */
  text: string;
  /** 1-based line of the `::` header. */
  line: number;
  /** 1-based line of the text's first line (the line after the header). */
  textLine: number;
}

/** The whole story: the special passages StoryTitle and StoryData read out, the rest kept as they are. */
export interface TweeStory {
  /** StoryTitle's text, when the file has one. */
  title?: string;
  /** StoryData's `start`: the name of the passage the story starts at. */
  start?: string;
  /** Every passage, StoryTitle and StoryData included, in file order. */
  passages: TweePassage[];
}

/** A place in the Twee file, 1-based. */
export interface TweePosition {
  line: number;
  column: number;
}
