import type { TweePosition } from './twee-story.ts';

/** One `[[…]]` link in a passage's text. */
export interface PassageLink {
  /** What the reader clicks (the whole link for `[[Target]]`). */
  text: string;
  /** The name of the passage it leads to. */
  target: string;
  /** Where `[[` is in the Twee file. */
  at: TweePosition;
  /** 0-based line within the passage text. */
  textLineIndex: number;
  /** SugarCube's setter part, `[[text|target][$x to 1]]`, which has no meaning in a scenario. */
  setter?: string;
}

/** `[[` … `]]`, where the inside may hold a single `]` but not `]]`; `][` starts a SugarCube setter. */
const LINK = /\[\[((?:[^\]]|\](?!\]))+)\]\]/g;

/**
 * Every link in a passage, in reading order, in the four forms Twine
 * understands: `[[Target]]`, `[[text->Target]]` (the rightmost `->` divides),
 * `[[Target<-text]]` (the leftmost `<-` divides) and `[[text|Target]]`.
 *
 * @param textLine the Twee line of the passage text's first line, so positions point into the file.
 * @example findLinks('Fine. [[Ask why->Why]]', 5)[0] // { text: 'Ask why', target: 'Why', at: { line: 5, column: 7 }, textLineIndex: 0 }
 */
export function findLinks(text: string, textLine: number): PassageLink[] {
  const links: PassageLink[] = [];
  text.split('\n').forEach((line, lineIndex) => {
    for (const match of line.matchAll(LINK)) {
      const [inside, setter] = splitSetter(match[1]!);
      const link: PassageLink = { ...splitLink(inside), at: { line: textLine + lineIndex, column: match.index + 1 }, textLineIndex: lineIndex };
      links.push(setter === undefined ? link : { ...link, setter });
    }
  });
  return links;
}

/** Text and target of a link's inside, by the rules Twine's own editor uses to draw arrows. */
export function splitLink(inside: string): { text: string; target: string } {
  const arrow = inside.lastIndexOf('->');
  if (arrow >= 0) return { text: inside.slice(0, arrow).trim(), target: inside.slice(arrow + 2).trim() };
  const back = inside.indexOf('<-');
  if (back >= 0) return { text: inside.slice(back + 2).trim(), target: inside.slice(0, back).trim() };
  const bar = inside.lastIndexOf('|');
  if (bar >= 0) return { text: inside.slice(0, bar).trim(), target: inside.slice(bar + 1).trim() };
  return { text: inside.trim(), target: inside.trim() };
}

/** `text|target][$x to 1` → the link and its setter. */
function splitSetter(inside: string): [string, string?] {
  const at = inside.indexOf('][');
  return at < 0 ? [inside] : [inside.slice(0, at), inside.slice(at + 2)];
}
