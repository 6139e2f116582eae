/**
 * Durations in scenario files: a number of seconds (`15`), or a string such as
 * `15s`, `1.5s`, `500ms`, `1m`, or `none`.
 */
export type DurationSource = number | string;

const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/;

/**
 * Parses a duration into milliseconds; `null` means "untimed" (`none`).
 * Returns `undefined` when the text is not a duration, so the caller can
 * report it with a position.
 *
 * @example parseDuration('1.5s') // 1500
 */
export function parseDuration(source: DurationSource): number | null | undefined {
  if (typeof source === 'number') return Number.isFinite(source) && source > 0 ? Math.round(source * 1000) : undefined;
  if (source.trim() === 'none') return null;
  const match = PATTERN.exec(source);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = unit === 'ms' ? amount : unit === 'm' ? amount * 60_000 : amount * 1000;
  return ms > 0 ? Math.round(ms) : undefined;
}

/** Regular expression for the string form, shared with the JSON Schema. */
export const DURATION_PATTERN = '^(none|\\d+(\\.\\d+)?(ms|s|m)?)$';
