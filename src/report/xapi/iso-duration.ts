/**
 * A duration in milliseconds as xAPI writes it (ISO 8601, e.g. `PT1M23.45S`),
 * to the hundredth of a second the xAPI specification keeps. Negative or
 * non-finite input (a clock that went backwards) reads as zero.
 *
 * @example isoDuration(83_450) // 'PT1M23.45S'
 */
export function isoDuration(ms: number): string {
  const hundredths = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const seconds = (hundredths % 6_000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}
