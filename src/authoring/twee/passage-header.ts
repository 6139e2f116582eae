/**
 * Reads one Twee 3 passage header, `:: Name [tag another] {"position":"100,200"}`.
 * The name and tags may escape `[`, `]`, `{`, `}` and `\` with a backslash
 * (Twee 3 specification, "Passage header").
 */

/** What a header line holds, or what is wrong with it. */
export interface PassageHeader {
  name: string;
  tags: string[];
  /** The metadata block's text (JSON), when there is one. */
  metadata?: string;
  /** 0-based index of the metadata block in the line, for a warning's column. */
  metadataIndex?: number;
}

/** True for a line that starts a passage. */
export function isPassageHeader(line: string): boolean {
  return line.startsWith('::');
}

/**
 * Splits a header line into name, tags and metadata text.
 *
 * @example readPassageHeader(':: Shop door [ending satisfied] {"position":"0,0"}')
 * // { name: 'Shop door', tags: ['ending', 'satisfied'], metadata: '{"position":"0,0"}', metadataIndex: 31 }
 */
export function readPassageHeader(line: string): PassageHeader {
  let name = '';
  let index = 2;
  for (; index < line.length; index++) {
    const char = line[index]!;
    if (char === '\\' && index + 1 < line.length) name += line[++index];
    else if (char === '[' || char === '{') break;
    else name += char;
  }
  const tags: string[] = [];
  if (line[index] === '[') {
    let tag = '';
    for (index++; index < line.length && line[index] !== ']'; index++) {
      const char = line[index]!;
      if (char === '\\' && index + 1 < line.length) tag += line[++index];
      else if (/\s/.test(char)) {
        if (tag !== '') tags.push(tag);
        tag = '';
      } else tag += char;
    }
    if (tag !== '') tags.push(tag);
    index++;
  }
  while (index < line.length && /\s/.test(line[index]!)) index++;
  const header: PassageHeader = { name: name.trim(), tags };
  if (line[index] === '{') return { ...header, metadata: line.slice(index).trim(), metadataIndex: index };
  return header;
}
