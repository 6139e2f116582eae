/** Reading speed the speed score allows for (words per minute). */
export const READING_WPM = 250;
/** Time added to the reading allowance to decide and click (ms). */
export const DECISION_MS = 2000;

/** Words are runs of non-space characters. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w.length > 0).length;
}

/**
 * Time to read the customer line and the offered replies at 250 words per
 * minute, plus 2 s: within it, a reply gets full speed marks.
 *
 * @example readingAllowanceMs('Hello there', ['Hi', 'Good morning']) // 2000 + 5 words at 250 wpm = 3200
 */
export function readingAllowanceMs(customerLine: string, replies: readonly string[]): number {
  const words = countWords(customerLine) + replies.reduce((n, r) => n + countWords(r), 0);
  return (words / READING_WPM) * 60_000 + DECISION_MS;
}
