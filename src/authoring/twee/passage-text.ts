import type { Problem } from '../../scenario/index.ts';
import type { PassageLink } from './passage-links.ts';
import { tweeWarning } from './twee-problem.ts';
import type { TweePassage } from './twee-story.ts';

/** A passage's text read as a customer line, with the coaching written under its links. */
export interface PassageText {
  /** The customer's line: the passage's prose, links and code removed, on one line. */
  customer: string;
  /** `Feedback:` lines under a link, by the link's index in the passage. */
  linkFeedback: Map<number, string>;
  /** `Feedback:` lines above every link (for an ending, its feedback). */
  feedback?: string;
  problems: Problem[];
}

/** A part of a line left out of the customer line. */
interface Cut {
  start: number;
  end: number;
  /** What stands in its place: a space between words, nothing for an HTML tag inside a word or sentence. */
  replacement: string;
  /** The warning it deserves; none for links and comments, which are expected. */
  warning?: { rule: string; message: string };
}

const FEEDBACK = /^\s*feedback\s*:\s*/i;
const LINK = /\[\[(?:[^\]]|\](?!\]))+\]\](?:\[[^\]]*\])?/g;
const COMMENT = /\/\*.*?\*\/|<!--.*?-->/g;
const SUGARCUBE_MACRO = /<<.*?>>/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/g;
const HARLOWE_MACRO = /\(([A-Za-z][\w-]*):/g;
const VARIABLE = /(?<![\w$])[$_][A-Za-z][\w]*/g;

/**
 * Reads a passage's text: prose becomes the customer line, a line starting
 * with `Feedback:` coaches the link above it (or, above every link, the
 * passage itself), and what a scenario cannot hold (story-format macros,
 * HTML, variables) is left out or flagged with its line and column.
 *
 * @example readPassageText({ text: 'Where is it?\n[[Checking->Check]]\nFeedback: Good.', textLine: 4, … }, links, 'story.twee').linkFeedback.get(0) // 'Good.'
 */
export function readPassageText(passage: TweePassage, links: readonly PassageLink[], file: string): PassageText {
  const read: PassageText = { customer: '', linkFeedback: new Map(), problems: [] };
  const prose: string[] = [];
  passage.text.split('\n').forEach((line, lineIndex) => {
    const lineNumber = passage.textLine + lineIndex;
    const feedback = FEEDBACK.exec(line);
    if (feedback) {
      addFeedback(read, links, lineIndex, line.slice(feedback[0].length).trim());
      return;
    }
    const cuts = cutsIn(line);
    for (const cut of cuts) if (cut.warning) read.problems.push(tweeWarning(file, { line: lineNumber, column: cut.start + 1 }, cut.warning.rule, cut.warning.message));
    const kept = keep(line, cuts);
    for (const variable of kept.matchAll(VARIABLE)) {
      const column = columnInLine(line, cuts, variable.index) + 1;
      read.problems.push(tweeWarning(file, { line: lineNumber, column }, 'twee-variable', `the variable ${variable[0]} was kept as plain text; a customer line cannot show a value, so write the words out`));
    }
    prose.push(kept.replace(/''(.*?)''/g, '$1'));
  });
  read.customer = prose.join(' ').replace(/\s+/g, ' ').trim();
  return read;
}

/** A `Feedback:` line coaches the nearest link above it; above every link, the passage. */
function addFeedback(read: PassageText, links: readonly PassageLink[], lineIndex: number, text: string): void {
  const above = links.map((link, index) => ({ link, index })).filter(({ link }) => link.textLineIndex < lineIndex).at(-1);
  if (above === undefined) read.feedback = join(read.feedback, text);
  else read.linkFeedback.set(above.index, join(read.linkFeedback.get(above.index), text)!);
}

function join(before: string | undefined, text: string): string | undefined {
  if (text === '') return before;
  return before === undefined ? text : `${before} ${text}`;
}

/** The parts of a line that are not prose, in order and without overlaps. */
function cutsIn(line: string): Cut[] {
  const cuts: Cut[] = [];
  const add = (start: number, end: number, warning?: Cut['warning'], replacement = ' '): void => {
    if (!cuts.some((c) => start < c.end && c.start < end)) cuts.push({ start, end, replacement, ...(warning ? { warning } : {}) });
  };
  for (const m of line.matchAll(LINK)) add(m.index, m.index + m[0].length);
  for (const m of line.matchAll(COMMENT)) add(m.index, m.index + m[0].length);
  for (const m of line.matchAll(SUGARCUBE_MACRO)) add(m.index, m.index + m[0].length, { rule: 'twee-macro', message: `the macro ${m[0].slice(0, 30)} was left out; scenarios have no story-format code (use replies, and "if:" in the scenario file)` });
  for (const m of line.matchAll(HARLOWE_MACRO)) {
    const end = harloweMacroEnd(line, m.index);
    add(m.index, end, { rule: 'twee-macro', message: `the macro (${m[1]}:) ${line[end - 1] === ']' ? 'and its hook were' : 'was'} left out; scenarios have no story-format code (use replies, and "if:" in the scenario file)` });
  }
  for (const m of line.matchAll(HTML_TAG)) add(m.index, m.index + m[0].length, { rule: 'twee-html', message: `the HTML tag ${m[0].slice(0, 30)} was left out (its text was kept); customer lines are plain text` }, '');
  return cuts.sort((a, b) => a.start - b.start);
}

/** The end of a Harlowe macro call starting at `start` (balanced parentheses), with the hook `[…]` right after it. */
function harloweMacroEnd(line: string, start: number): number {
  let depth = 0;
  let index = start;
  for (; index < line.length; index++) {
    if (line[index] === '(') depth++;
    else if (line[index] === ')' && --depth === 0) break;
  }
  let end = Math.min(index + 1, line.length);
  if (line[end] === '[' && line[end + 1] !== '[') {
    const close = line.indexOf(']', end);
    if (close >= 0) end = close + 1;
  }
  return end;
}

function keep(line: string, cuts: readonly Cut[]): string {
  let kept = '';
  let from = 0;
  for (const cut of cuts) {
    kept += line.slice(from, cut.start) + cut.replacement;
    from = cut.end;
  }
  return kept + line.slice(from);
}

/** Where an index in the kept text was in the original line. */
function columnInLine(line: string, cuts: readonly Cut[], keptIndex: number): number {
  let shift = 0;
  for (const cut of cuts) {
    const keptStart = cut.start - shift;
    if (keptIndex < keptStart) break;
    shift += cut.end - cut.start - cut.replacement.length;
  }
  return keptIndex + shift;
}
