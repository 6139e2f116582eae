/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `word` when it is close enough to be a typo. */
export function closestMatch(word: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.floor(word.length / 3))): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > maxDistance) continue;
    const score = editDistance(word.toLowerCase(), c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return bestScore <= maxDistance ? best : undefined;
}

/**
 * The hint to end a "not found" message with: `; did you mean "x"?` for the
 * closest candidate when the word looks like a typo of it, else nothing.
 * Every "unknown name" message uses it, so a trainer always reads the same hint.
 *
 * @example `"patiense" is not a declared variable${didYouMean('patiense', ['patience', 'mood'])}`
 * // '"patiense" is not a declared variable; did you mean "patience"?'
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closestMatch(word, candidates);
  return best === undefined ? '' : `; did you mean "${best}"?`;
}
