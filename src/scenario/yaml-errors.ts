import type { LineCounter, YAMLError } from 'yaml';

/*
 * YAML syntax errors, in a trainer's words.
 *
 * The parser says what confused it, in its own terms ("Nested mappings are
 * not allowed in compact mappings"), and one slip confuses it again on
 * later lines, sometimes far below. A trainer needs one message per
 * mistake, at the place to change, saying what to change. So:
 * - errors are grouped: a group runs while each error is within two lines
 *   of the last;
 * - a group gets one message, from the first of these that fits: an
 *   unclosed quote; a tab in the indentation; a line that starts at a
 *   column no block above it allows, or with a typo such as "-say:" or
 *   "goto:done" (judged from the lines themselves, which stay readable when
 *   the YAML doesn't); else the parser's error code read with its line;
 * - after the first mistake the parser's reading is off, so a later group
 *   is reported only when its lines show a mistake of their own, not when
 *   only the parser complains or the line is off only against a line
 *   already reported.
 */

/**
 * Syntax messages per file at most. Past the first few mistakes a trainer
 * fixes those and checks again; the cap also keeps a huge broken file quick.
 */
const MAX_SYNTAX_PROBLEMS = 20;

/** Groups of parser errors looked at, at most: each look reads back through the file, and later groups are mostly follow-on. */
const MAX_SYNTAX_GROUPS = 50;

/** A YAML mistake: where to look, and what to do about it. */
export interface SyntaxFinding {
  line: number;
  column: number;
  message: string;
}

/** A finding, and whether the lines themselves show it (rather than only the parser's state). */
type Diagnosis = SyntaxFinding & { shown: boolean };

/**
 * One message per mistake for the parser's errors, in file order.
 *
 * @example syntaxProblems('a:\n\tb: 1\n', document.errors, lines)
 * // [{ line: 2, column: 1, message: 'line 2 is indented with a tab; YAML needs spaces — replace the tab with spaces', … }]
 */
export function syntaxProblems(text: string, errors: readonly YAMLError[], lines: LineCounter): SyntaxFinding[] {
  if (errors.length === 0) return [];
  const shapes = lineShapes(text);
  const raw = text.split('\n');
  const groups: { error: YAMLError; line: number }[][] = [];
  let lastLine = -Infinity;
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const line = lines.linePos(error.pos[0]).line;
    if (line > lastLine + 2) groups.push([]); // always for the first error: lastLine starts at -Infinity
    groups[groups.length - 1]!.push({ error, line });
    lastLine = Math.max(lastLine, line);
  }
  const found: SyntaxFinding[] = [];
  const reported = new Set<number>();
  let tabs = false;
  for (const group of groups.slice(0, MAX_SYNTAX_GROUPS)) {
    if (found.length === MAX_SYNTAX_PROBLEMS) break;
    const quote = group.find(({ error }) => error.code === 'MISSING_CHAR' && /closing .?quote/.test(error.message));
    const tab = tabbedLine(raw, group);
    let diagnosis: Diagnosis | undefined;
    if (quote) diagnosis = unclosedQuote(text, quote.error, lines);
    // The first tab message names every tab-indented line: an editor that types tabs types them everywhere.
    else if (tab) diagnosis = tabs ? undefined : tabMessage(raw, tab);
    else {
      const layout = layoutProblem(shapes, group[0]!.line, reported);
      if (layout === 'follow-on') continue;
      diagnosis = layout ?? fromErrorCode(shapes, group[0]!.error, lines);
    }
    tabs ||= tab !== undefined;
    if (!diagnosis || (found.length > 0 && !diagnosis.shown)) continue;
    // Two groups of the parser's errors can come down to the same mistake: say it once.
    if (found.some((f) => f.line === diagnosis.line && f.message === diagnosis.message)) continue;
    reported.add(diagnosis.line);
    found.push({ line: diagnosis.line, column: diagnosis.column, message: diagnosis.message });
  }
  return found;
}

/** A line of YAML as far as its block structure goes. */
interface LineShape {
  /** 1-based line number. */
  line: number;
  text: string;
  /** Spaces before the first character. */
  indent: number;
  /** Whether the indentation holds a tab. */
  tab: boolean;
  /** 0-based column of a leading "- ". */
  dash?: number;
  /** `key: value` (after any "- "): the key, its 0-based column, and the value ('' when a block follows). */
  key?: { name: string; column: number; value: string; valueColumn: number };
  /** For a line of plain text that ends a block of text (`feedback: |`) by being less indented: the line that opened that block. */
  afterText?: LineShape;
}

/** Line shapes indexed by line number; blank lines, comments and the lines of a block of text have none. */
type Shapes = readonly (LineShape | undefined)[];

/** `key:` followed by a space or the end of the line; a plain key runs to the first such colon. */
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{}].*?):(?: +|$)/;
/** The header of a block of text (`|`, `>-`, …): the lines indented under it are text, not structure. */
const BLOCK_TEXT = /^[|>][-+0-9]*\s*(?:#.*)?$/;

function lineShapes(text: string): Shapes {
  const shapes: (LineShape | undefined)[] = [undefined];
  let textUnder: LineShape | undefined;
  /** YAML takes a block of text's indentation from its first line. */
  let textIndent: number | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const indent = /^ */.exec(line)![0].length;
    const start = /^[ \t]*/.exec(line)![0].length;
    let rest = line.slice(start);
    const tab = line.slice(0, start).includes('\t');
    if (textUnder && (rest === '' || indent > outer(textUnder))) {
      if (rest !== '') textIndent ??= indent;
      // Less indented than the text's first line (though more than its key): it ends the text, and is a stray line.
      shapes.push(rest === '' || indent >= textIndent! ? undefined : { line: i + 1, text: line, indent, tab, afterText: textUnder });
      return;
    }
    const afterText = textUnder;
    textUnder = undefined;
    textIndent = undefined;
    if (rest === '' || rest.startsWith('#')) {
      shapes.push(undefined);
      return;
    }
    const shape: LineShape = { line: i + 1, text: line, indent, tab };
    let column = start;
    const dash = /^-(?: +|$)/.exec(rest);
    if (dash) {
      shape.dash = column;
      column += dash[0].length;
      rest = rest.slice(dash[0].length);
    }
    const key = KEY.exec(rest);
    if (key) {
      const value = rest.slice(key[0].length);
      // A comment starts at " #" (searched for: matching `\s+#` is slow on a long run of spaces).
      const comment = /^["']/.test(value) ? -1 : value.search(/(?:^|\s)#/);
      shape.key = { name: key[1]!, column, value: comment < 0 ? value.trimEnd() : value.slice(0, comment).trimEnd(), valueColumn: column + key[0].length };
    }
    // "brief:|" is a typo for "brief: |", but the lines under it are text all the same.
    if (BLOCK_TEXT.test(shape.key ? shape.key.value : rest.replace(/^[\w-]+:(?=[|>])/, ''))) textUnder = shape;
    if (afterText && shape.dash === undefined && !shape.key) shape.afterText = afterText;
    shapes.push(shape);
  });
  return shapes;
}

/** The column a line's block structure starts at: its "- ", or its key. */
const outer = (shape: LineShape): number => shape.dash ?? shape.indent;
/** A line is structure (not a continued value) when it holds a key or a "- ". */
const structural = (shape: LineShape | undefined): shape is LineShape => shape !== undefined && (shape.dash !== undefined || shape.key !== undefined);
/** `key:` with nothing after it, or a bare "-": the next lines may start a new, deeper block. */
const opensBlock = (shape: LineShape): boolean => (shape.key ? shape.key.value === '' : shape.dash !== undefined && shape.text.trim() === '-');
const spaces = (n: number): string => `${n} ${n === 1 ? 'space' : 'spaces'}`;

/** A line as a trainer finds it in the editor: by its key, or its "- " (a header such as "brief:|" has neither: by its number). */
function lineName(shape: LineShape): string {
  if (shape.key) return `"${shape.key.name}:" on line ${shape.line}`;
  return shape.dash !== undefined ? `the "- " on line ${shape.line}` : `line ${shape.line}`;
}

/**
 * The blocks a line can belong to, judged from the lines above it: the
 * columns of keys and of "- " items in the chain of enclosing lines (each
 * less indented than the one below it), and the structural line just above.
 */
function blocksAbove(shapes: Shapes, line: number): { keys: Map<number, LineShape>; dashes: Map<number, LineShape>; above?: LineShape; tabbed: boolean } {
  const keys = new Map<number, LineShape>();
  const dashes = new Map<number, LineShape>();
  let above: LineShape | undefined;
  let tabbed = false;
  let min = Infinity;
  for (let i = line - 1; i > 0 && min > 0; i--) {
    const shape = shapes[i];
    if (!structural(shape)) continue;
    // A tab's width is anyone's guess, so the blocks around a tab-indented line can't be told.
    tabbed ||= shape.tab;
    if (shape.tab) continue;
    above ??= shape;
    if (outer(shape) >= min) continue;
    min = outer(shape);
    // Each line of the chain starts left of the one below it, so no column comes up twice for "- ".
    if (shape.dash !== undefined) dashes.set(shape.dash, shape);
    if (shape.key && !keys.has(shape.key.column)) keys.set(shape.key.column, shape);
  }
  return { keys, dashes, above, tabbed };
}

/**
 * The level nearest to `column`; on a tie the deeper one, as the line above
 * is the likelier sibling. A line with a block under it must stay left of
 * that block, so levels at or right of `before` are passed over.
 */
function nearest(levels: Map<number, LineShape>, column: number, before = Infinity): { column: number; like: LineShape } | undefined {
  let best: { column: number; like: LineShape } | undefined;
  for (const [level, like] of levels) {
    if (level >= before) continue;
    const d = Math.abs(level - column);
    const bestD = best ? Math.abs(best.column - column) : Infinity;
    if (d < bestD || (d === bestD && level > best!.column)) best = { column: level, like };
  }
  return best;
}

/** The file's indentation step: the largest number all its columns divide by (2 when nothing is indented). */
function indentStep(shapes: Shapes, except: readonly LineShape[]): number {
  const gcd = (a: number, b: number): number => {
    while (b !== 0) [a, b] = [b, a % b];
    return a;
  };
  let step = 0;
  for (const shape of shapes) {
    if (!structural(shape) || except.includes(shape)) continue;
    step = gcd(step, outer(shape));
    if (shape.key) step = gcd(step, shape.key.column);
  }
  return step || 2;
}

/** True when a later line (before the block ends) is a key at the same column: the line starts a block of keys. */
function hasSiblingBelow(shapes: Shapes, shape: LineShape): boolean {
  for (let i = shape.line + 1; i < shapes.length; i++) {
    const below = shapes[i];
    if (!structural(below)) continue;
    if (outer(below) < outer(shape)) return false;
    if (outer(below) === outer(shape) && below.dash === undefined) return true;
  }
  return false;
}

/**
 * A key that jumped left, taking its block or value with it, so that the
 * parser trips on a later line: `  replies:` moved to column 0 among nodes
 * at 2 with its own lines still at 4, `outcome: lost` moved from 4 to 2
 * with the line after it still at 4, or a node's first line moved out
 * from under the node's id. The one to move is the key that jumped: the
 * block at this line's column ran right up to it (or opened just above
 * it), and what it holds fits it there.
 */
function jumpedLeft(shapes: Shapes, shape: LineShape, column: number): SyntaxFinding | undefined {
  let jumper: LineShape | undefined;
  for (let i = shape.line - 1; i > 0 && !jumper; i--) {
    const above = shapes[i];
    if (!structural(above)) continue;
    if (outer(above) < column) jumper = above;
    // Lines between at this column or left of it: the block the line is in is not the jumper's.
    else if (outer(above) === column) return undefined;
  }
  if (!jumper?.key || jumper.dash !== undefined) return undefined;
  const { keys: before, above: opener } = blocksAbove(shapes, jumper.line);
  const openedAbove = opener && opensBlock(opener) && outer(opener) >= outer(jumper) && outer(opener) < column;
  const sibling = openedAbove ? shape : before.get(column);
  const fits = openedAbove || jumper.key.value !== '' || before.has(childColumn(shapes, jumper) ?? -1);
  if (!sibling || !fits) return undefined;
  return {
    line: jumper.line, column: jumper.indent + 1,
    message: `this line is indented ${spaces(jumper.indent)} but the lines around it use ${column} — line it up with ${lineName(sibling)}`,
  };
}

/** The column of the block a line opens (its first structural line below), if it opens one. */
function childColumn(shapes: Shapes, shape: LineShape): number | undefined {
  if (!opensBlock(shape)) return undefined;
  for (let i = shape.line + 1; i < shapes.length; i++) {
    const below = shapes[i];
    if (structural(below)) return outer(below) > outer(shape) ? outer(below) : undefined;
  }
  return undefined;
}

/**
 * True when `first`, the line a block's column was taken from, is the odd
 * one out rather than `later`: it is the block's first line, and either a
 * line further down agrees with `later`, or its column is off the file's
 * indentation step while `later`'s is on it.
 */
function oddFirst(shapes: Shapes, first: LineShape, firstColumn: number, later: LineShape, laterColumn: number): boolean {
  if (!firstInBlock(shapes, first)) return false;
  const by = laterColumn - firstColumn;
  for (let i = later.line + 1; i < shapes.length; i++) {
    const below = shapes[i];
    if (!structural(below)) continue;
    if (outer(below) < Math.min(outer(first), laterColumn)) break;
    const agrees = first.dash !== undefined ? below.dash === first.dash + by : below.dash === undefined && outer(below) === laterColumn;
    if (agrees) return true;
  }
  const step = indentStep(shapes, [first, later]);
  return step > 1 && firstColumn % step !== 0 && laterColumn % step === 0;
}

/** True when a line is the first of its block (the structural line above opens the block, or there is none). */
function firstInBlock(shapes: Shapes, shape: LineShape): boolean {
  for (let i = shape.line - 1; i > 0; i--) {
    const above = shapes[i];
    // A "- " may sit at its key's own column (`branch:` then `- if:`).
    if (structural(above)) return opensBlock(above) && (outer(above) < outer(shape) || (shape.dash !== undefined && outer(above) === shape.dash));
  }
  return true;
}

/** A line of text where a `key: value` was meant ("goto done"): the message points after the first word. */
function noColon(shapes: Shapes, shape: LineShape, content: string): SyntaxFinding {
  const comment = content.search(/\s#/);
  const [word, ...rest] = (comment < 0 ? content : content.slice(0, comment)).trim().split(/\s+/);
  let next = shape.line + 1;
  while (next < shapes.length && !structural(shapes[next])) next++;
  const below = next < shapes.length ? shapes[next]! : undefined;
  // It opens a block when the next line is deeper, or is a "- " item at the key's own column (`branch` then `- if:`).
  const opens = below !== undefined && (outer(below) > outer(shape) || below.dash === outer(shape));
  return {
    line: shape.line, column: shape.text.indexOf(content) + word!.length + 1,
    message: rest.length > 0 ? `this line has no ":" after its key — write "${word}: ${clip(rest.join(' '))}"`
      : opens ? `this line has no ":" after its key — write "${word}:"` : `this line has no ":" — write "${word}: " and a value, or join it to the line above`,
  };
}

/**
 * A mistake the lines show by themselves: a typo ("-say:", "goto:done"), a
 * line of text under a block of text, or a line starting at a column no
 * block above allows. The parser often notices one line late (a line
 * indented too far reads as the rest of the value above it), so the line
 * after the first error is looked at too. Returns undefined when the lines
 * look right, or are off only against a line already reported.
 */
function layoutProblem(shapes: Shapes, line: number, reported: ReadonlySet<number>): Diagnosis | 'follow-on' | undefined {
  let next = line + 1;
  while (next < shapes.length && shapes[next] === undefined) next++;
  for (const shape of [shapes[line], shapes[next]]) {
    if (!shape) continue;
    // A line of plain text where the parser stumbled ("goto done"): whatever follows is off because of it.
    if (shape.line === line && shape.dash === undefined && !shape.key && !shape.afterText && !typo(shape)) return undefined;
    const found = typo(shape) ?? (shape.afterText ? textTooShallow(shape, shape.afterText) : structural(shape) ? misplaced(shapes, shape, reported) : undefined);
    if (found === 'follow-on') return found;
    if (found) return { ...found, shown: true };
  }
  return undefined;
}

/** "-say:" for "- say:", "goto:done" for "goto: done". */
function typo(shape: LineShape): SyntaxFinding | undefined {
  const start = outer(shape) + (shape.dash !== undefined ? 2 : 0);
  const content = shape.text.slice(shape.key?.column ?? start);
  if (shape.key && /^-[^\s-]/.test(shape.key.name)) {
    return { line: shape.line, column: shape.key.column + 2, message: `put a space after "-" to start a list item — write "- ${shape.key.name.slice(1)}:"` };
  }
  const glued = /^([A-Za-z_][\w-]*):([^\s:/].*)$/.exec(content);
  if (glued) {
    return { line: shape.line, column: shape.text.indexOf(content) + glued[1]!.length + 2, message: `put a space after ":" — write "${glued[1]}: ${clip(glued[2]!.trimEnd())}"` };
  }
  return undefined;
}

function textTooShallow(shape: LineShape, header: LineShape): SyntaxFinding {
  return {
    line: shape.line, column: shape.indent + 1,
    message: shape.indent > outer(header)
      ? `this line is indented less than the first line of the text under ${lineName(header)} — YAML takes the text's indentation from its first line, so line them up`
      : `this line is indented less than the text under ${lineName(header)}, so it doesn't belong to it — indent it as much as the lines of that text`,
  };
}

/** What is wrong with the column a line starts at, if anything. */
function misplaced(shapes: Shapes, shape: LineShape, reported: ReadonlySet<number>): SyntaxFinding | 'follow-on' | undefined {
  const { keys, dashes, above, tabbed } = blocksAbove(shapes, shape.line);
  if (!above) return undefined;
  if (tabbed) return 'follow-on';
  const column = outer(shape);
  const at = { line: shape.line, column: column + 1 };
  // The first line under `key:` (or a bare "-") may start at any deeper column: it sets the block's.
  const under = opensBlock(above) ? (above.key?.column ?? above.dash! + 1) : undefined;
  if (shape.dash !== undefined) {
    // A "- " may also sit at its key's own column (`replies:` then `- say:`).
    if (dashes.has(column) || (under !== undefined && column >= under)) return undefined;
    const sibling = nearest(dashes, column);
    if (sibling && reported.has(sibling.like.line)) return 'follow-on';
    if (sibling && oddFirst(shapes, sibling.like, sibling.column, shape, column)) {
      // The first item sets the list's column; when it is the odd one out, it is the one to move.
      return { line: sibling.like.line, column: sibling.column + 1, message: `this list item is indented ${spaces(sibling.column)} but the ones below it use ${column} — line it up with the "- " on line ${shape.line}` };
    }
    if (sibling) return { ...at, message: `this list item is indented ${spaces(column)} but the one above it uses ${sibling.column} — line it up with the "- " on line ${sibling.like.line}` };
    const key = keys.get(column);
    if (key) {
      return { ...at, message: `this "- " list item is in the same block as "${key.key!.name}:" on line ${key.line}; a block holds either "key: value" lines or "- " items, not both — move "${key.key!.name}:" out, or put the items under a key of their own` };
    }
  } else if (!shape.key || keys.has(column) || (under !== undefined && column > under)) {
    return undefined;
  } else if (above.dash !== undefined && !above.key && !opensBlock(above) && column > above.dash) {
    // Keys under "- say Hello": the item was meant to be "- say: Hello".
    return noColon(shapes, above, above.text.slice(above.dash + 1).trim());
  } else {
    const jumped = jumpedLeft(shapes, shape, column);
    if (jumped) return reported.has(jumped.line) ? 'follow-on' : jumped;
    // Under a key that has a value, a whole step deeper and with more keys after it: a block meant to be under that key.
    if (above.key && above.key.value !== '' && column > above.key.column
      && (column - above.key.column) % indentStep(shapes, [shape, above]) === 0 && hasSiblingBelow(shapes, shape)) {
      return {
        line: above.line, column: above.key.valueColumn + 1,
        message: `"${above.key.name}:" has a value on its line and an indented block under it (line ${shape.line}) — remove the value, or line up line ${shape.line} with "${above.key.name}:"`,
      };
    }
  }
  const level = nearest(keys, column, childColumn(shapes, shape));
  if (!level) return undefined;
  if (reported.has(level.like.line)) return 'follow-on';
  const like = level.like;
  if (oddFirst(shapes, like, level.column, shape, column)) {
    // The first line of a block sets its column; when that line is the odd one out, it is the one to move.
    const by = column - level.column;
    if (like.dash !== undefined) {
      return {
        line: like.line, column: like.dash + 1,
        message: `this list item is indented ${spaces(like.dash)} but the lines under it fit one at ${like.dash + by} — move the "- " to ${spaces(like.dash + by)}, so "${like.key!.name}:" lines up with ${lineName(shape)}`,
      };
    }
    return { line: like.line, column: level.column + 1, message: `this line is indented ${spaces(level.column)} but the lines around it use ${column} — line it up with ${lineName(shape)}` };
  }
  return { ...at, message: `this line is indented ${spaces(column)} but the lines around it use ${level.column} — line it up with ${lineName(like)}` };
}

/** Whether a line's indentation holds a tab, before some text (a line of only whitespace is harmless). */
function tabbed(line: string): boolean {
  const indentation = /^[ \t]*/.exec(line)![0];
  return indentation.includes('\t') && /\S/.test(line[indentation.length] ?? ' ');
}

/** The line (1-based) of a group, or the one after it, whose indentation holds a tab. Block text counts too: its lines are indented as well. */
function tabbedLine(raw: readonly string[], group: readonly { error: YAMLError; line: number }[]): number | undefined {
  const flagged = group.find(({ error }) => error.code === 'TAB_AS_INDENT');
  if (flagged && tabbed(raw[flagged.line - 1] ?? '')) return flagged.line;
  const line = group[0]!.line;
  return [line, line + 1].find((n) => tabbed(raw[n - 1] ?? ''));
}

function tabMessage(raw: readonly string[], line: number): Diagnosis {
  let others = 0;
  for (let i = line; i < raw.length; i++) if (tabbed(raw[i]!)) others++;
  const more = others === 0 ? '' : ` (${others === 1 ? '1 more line below starts' : `${others} more lines below start`} with a tab too)`;
  return {
    line, column: raw[line - 1]!.indexOf('\t') + 1, shown: true,
    message: `line ${line} is indented with a tab; YAML needs spaces — replace the tab with spaces${more}`,
  };
}

/** The parser notices an unclosed quote where the text runs out; the trainer needs the opening quote. */
function unclosedQuote(text: string, error: YAMLError, lines: LineCounter): Diagnosis {
  const quote = error.message.includes('"') ? '"' : "'";
  const pos = lines.linePos(Math.max(0, text.lastIndexOf(quote, error.pos[0] - 1)));
  return { line: pos.line, column: pos.col, shown: true, message: `this quoted text is never closed — add the closing ${quote} at the end of the value` };
}

/** The start of a long text, enough to recognise it in a suggestion. */
function clip(text: string, max = 50): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** A value in quotes (clipped): double, unless it holds a double quote or a backslash (which would need escaping). */
function quoted(value: string): string {
  const shown = clip(value);
  return /["\\]/.test(value) ? `'${shown.replace(/'/g, "''")}'` : `"${shown}"`;
}

/** The parser's error code, read with the line it points at. */
function fromErrorCode(shapes: Shapes, error: YAMLError, lines: LineCounter): Diagnosis {
  const pos = lines.linePos(error.pos[0]);
  const shape = shapes[pos.line];
  const lineText = shape?.text ?? '';
  const value = shape?.key?.value ?? '';
  /** A message about what this line says, whatever state the parser was in. */
  const shown = (message: string, column = pos.col): Diagnosis => ({ line: pos.line, column, message, shown: true });
  /** A message that leans on the parser's reading (after an earlier mistake, that reading is off). */
  const parserSays = (message: string, column = pos.col): Diagnosis => ({ line: pos.line, column, message, shown: false });
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return shown('a scenario file holds one scenario, but a "---" line starts a second one here — remove it, or move what follows to a file of its own');
    case 'BAD_SCALAR_START':
      return shown(`a value can't start with "${lineText[pos.col - 1] ?? ''}" — put the whole value in quotes: ${quoted(value || lineText.slice(pos.col - 1).trim())}`);
    case 'BAD_DQ_ESCAPE':
      return shown('inside "double quotes" a backslash starts a special character such as \\n — write \\\\ for a backslash, or use single quotes');
    case 'TAG_RESOLVE_FAILED':
      return shown('a value starting with "!" is read as a YAML tag — put the whole value in quotes');
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
      return shown('"&" and "*" at the start of a value mark YAML anchors and aliases — put the whole value in quotes');
    case 'BAD_INDENT':
      if (/^Flow (sequence|map)/.test(error.message)) return { ...unclosedBracket(shapes, error.message.startsWith('Flow map') ? '{' : '[', pos), shown: true };
      return parserSays('this line doesn\'t line up with the lines above it in the same block — give it the same indentation as the line it belongs with');
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line with key/.test(error.message)) {
        return shown(`a "- " list can't start on the same line as its key — put each item on a line of its own below, or put the text in quotes: ${quoted(lineText.slice(pos.col - 1).trim())}`);
      }
      if (/at node end/.test(error.message)) return shown(textAfterValue(lineText, pos.col, value.trim()));
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR': {
      if (error.message.startsWith('Sequence item without')) {
        return parserSays('this line is among "- " list items but doesn\'t start with "- " — add "- ", or line it up with the lines of the item above', (shape?.indent ?? 0) + 1);
      }
      if (shape?.key && !/^["']/.test(value) && /:\s|:$/.test(value)) {
        return shown(`this value contains ": ", which YAML reads as the start of another key — put the whole value in quotes: ${shape.key.name}: ${quoted(value.trim())}`, shape.key.valueColumn + 1);
      }
      const content = shape && !shape.key ? lineText.slice(outer(shape) + (shape.dash !== undefined ? 1 : 0)).trim() : '';
      if (content !== '') return { ...noColon(shapes, shape!, content), shown: true };
      break;
    }
    case 'BLOCK_IN_FLOW':
      return shown('inside "[ ]" or "{ }" items are separated by commas on the same lines — no "- " items or indented blocks; write the list out as "- " lines instead');
    case 'RESOURCE_EXHAUSTION':
      return shown('this is nested too deeply for YAML to read — look for a run of brackets or lines indented further and further');
    case 'KEY_OVER_1024_CHARS':
      return parserSays('this key runs on for over 1024 characters — a missing ":" or quote has probably joined several lines into one');
    default:
      break;
  }
  return parserSays(`YAML can't read this line — check its indentation, the ":" after its key, and any quotes or brackets (the YAML reader says: ${firstLine(error.message)})`);
}

/** What to do about text after a value that ended early: at a closing quote or bracket, or an alias. */
function textAfterValue(lineText: string, column: number, value: string): string {
  const before = lineText.slice(0, column - 1).trimEnd();
  const closer = before[before.length - 1];
  // `before` ends in a letter and "'" (so `closer` is "'"), and a word follows: "'It's" read as 'It' then "s".
  if (/\w'$/.test(before) && /^\w/.test(lineText.slice(column - 1))) {
    return 'the apostrophe ends the text in single quotes early — write it as two single quotes (\'\'), or put the whole value in double quotes';
  }
  if (closer === '"' && value.length > 1 && value.startsWith('"') && value.endsWith('"')) {
    return `a " inside "double quotes" ends the text early — write \\" for a quote inside, or use single quotes: ${quoted(value.slice(1, -1))}`;
  }
  if (value.startsWith('[') || value.startsWith('{')) {
    return `a value starting with "${value[0]}" is read as ${value[0] === '[' ? 'a list' : 'a set of keys'} — put the whole value in quotes: ${quoted(value)}`;
  }
  if (value.startsWith('*') || value.startsWith('&')) return `a value starting with "${value[0]}" is read as a YAML alias — put the whole value in quotes: ${quoted(value)}`;
  if (closer === "'" || closer === '"') return `there is text after the closing ${closer} — put the whole value in quotes: ${quoted(value)}`;
  return 'there is more text here than YAML expects — put the whole value in quotes';
}

/** A "[" or "{" never closed: the parser notices lines later; the trainer needs the bracket. */
function unclosedBracket(shapes: Shapes, open: '[' | '{', pos: { line: number; col: number }): SyntaxFinding {
  const close = open === '{' ? '}' : ']';
  const what = open === '[' ? 'list' : 'map';
  const never = (line: number, column: number): SyntaxFinding =>
    ({ line, column: column + 1, message: `this "${open}" is never closed — add "${close}" at the end of the ${what}, or put the whole value in quotes if it is text` });
  // A bracket left open on its own line is the one; brackets closed on the line they open (`replies: []`) are not.
  for (let i = pos.line; i > 0 && i > pos.line - 50; i--) {
    const column = unmatchedOpening(shapes[i]?.text ?? '', open, close);
    if (column >= 0) return never(i, column);
  }
  // None open by that count (the list runs over several lines): the nearest one, as a best guess.
  for (let i = pos.line; i > 0 && i > pos.line - 50; i--) {
    const column = (shapes[i]?.text ?? '').lastIndexOf(open);
    if (column >= 0) return never(i, column);
  }
  return { line: pos.line, column: pos.col, message: `a "${open}" above is never closed — add "${close}" at the end of the ${what}` };
}

/**
 * Where the last bracket a line opens but does not close stands (-1 if
 * none). Brackets inside a quoted value and after a comment's "#" do not
 * count; a quote only starts a quoted value where a value can start (so
 * the apostrophe in `don't` is text).
 */
function unmatchedOpening(text: string, open: string, close: string): number {
  const opened: number[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,]/.test(text[i - 1]!))) {
      quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      break;
    } else if (ch === open) {
      opened.push(i);
    } else if (ch === close) {
      opened.pop();
    }
  }
  return opened.at(-1) ?? -1;
}

/**
 * The first line of a parser message. Read with `prettyErrors: false` (see
 * source.ts), the `yaml` parser's messages carry no "at line …" of their own;
 * we give the position ourselves.
 */
export function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
