/**
 * The convention for what a Twine link lacks as a reply: a block in braces
 * at the end of the link text, `[[I'm sorry it broke {tact:+2 mood:+10 acknowledge}->Explains]]`.
 * Inside it, `tact:N` and `mood:N` are the reply's tact and mood change,
 * any other `name:N` is points on that extra score dimension, and a bare word
 * is a technique id. Entries are separated by spaces or commas.
 */

/** A link's text read as a reply. */
export interface ReplyMarkup {
  /** The text the trainee says, without the braces. */
  say: string;
  tact?: number;
  mood?: number;
  score: Record<string, number>;
  techniques: string[];
  /** Entries that are not `name:number` or a word, with their 0-based index in the link text. */
  unreadable: { entry: string; index: number }[];
}

const BLOCK = /\s*\{([^{}]*)\}\s*$/;
const ENTRY = /[^\s,:=]+(?:\s*[:=]\s*[^\s,]+)?/g;
const NUMBERED = /^([A-Za-z][\w-]*)\s*[:=]\s*([+-]?\d+(?:\.\d+)?)$/;
const WORD = /^[A-Za-z0-9][\w-]*$/;

/**
 * Reads a link's text as a reply.
 *
 * @example readReplyMarkup('Sorry about that {tact:+2, mood:+10 acknowledge}')
 * // { say: 'Sorry about that', tact: 2, mood: 10, score: {}, techniques: ['acknowledge'], unreadable: [] }
 */
export function readReplyMarkup(text: string): ReplyMarkup {
  const markup: ReplyMarkup = { say: text.trim(), score: {}, techniques: [], unreadable: [] };
  const block = BLOCK.exec(text);
  if (!block) return markup;
  markup.say = text.slice(0, block.index).trim();
  const blockStart = block.index + block[0].indexOf('{') + 1;
  for (const match of block[1]!.matchAll(ENTRY)) {
    const entry = match[0];
    const numbered = NUMBERED.exec(entry);
    if (numbered) {
      const [, name, value] = numbered;
      if (name === 'tact') markup.tact = Number(value);
      else if (name === 'mood') markup.mood = Number(value);
      else markup.score[name!] = Number(value);
    } else if (WORD.test(entry)) markup.techniques.push(entry);
    else markup.unreadable.push({ entry, index: blockStart + match.index });
  }
  return markup;
}
