/**
 * What a valid problem position is. The spec (shared/spec/scenario-format.md,
 * "Every problem: path:line:col") and src/scenario/problem.ts say lines and
 * columns are 1-based and point at the key or value at fault; the YAML parser
 * counts lines at "\n" only (a lone "\r" is not a line break to it) and
 * columns in UTF-16 code units, as JavaScript strings do. So a position is
 * valid when it names an existing line, or the empty line after the last
 * "\n" (the end of the file), and a column from 1 to the line's length + 1
 * (just past its last character, where a missing value would go).
 */

/** Why `line:column` can't be a position in `text`, or undefined when it can. */
export function positionProblem(text: string, line: number, column: number): string | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column)) return `line ${line}, column ${column} are not whole numbers`;
  const lines = text.split('\n');
  if (line < 1) return `line ${line} is before the first line`;
  if (line > lines.length + 1) return `line ${line} is past the end (the text has ${lines.length} lines)`;
  if (column < 1) return `column ${column} is before the first column`;
  const length = lines[line - 1]?.length ?? 0;
  if (column > length + 1) return `column ${column} is past the end of line ${line} (${length} characters)`;
  return undefined;
}

/**
 * The positions in printed problems (`file:line:col: severity: message [rule]`,
 * as formatProblem writes them) that name `file`. A message may itself hold a
 * line break (it quotes the trainer's value), so only line starts count.
 */
export function printedPositions(output: string, file: string): { line: number; column: number; text: string }[] {
  const found: { line: number; column: number; text: string }[] = [];
  for (const text of output.split('\n')) {
    if (!text.startsWith(`${file}:`)) continue;
    // Any text where the numbers go, so `file:NaN:undefined:` is caught too.
    const match = /^([^:\s]*):([^:\s]*): (error|warning): /.exec(text.slice(file.length + 1));
    if (match) found.push({ line: Number(match[1]), column: Number(match[2]), text });
  }
  return found;
}
