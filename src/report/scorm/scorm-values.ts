/**
 * Values written in the forms SCORM's data model types require. Each
 * function names the type it writes; the limits come from the SCORM 1.2
 * RTE (appendix A) and the SCORM 2004 4th edition RTE (appendix C), and an
 * LMS refuses a value outside them (LMSGetLastError 405 / 406).
 */

/** SCORM 2004 `cmi.interactions.n.description` (localized_string_type, SPM 250). */
export const SCORM2004_DESCRIPTION_MAX = 250;

/**
 * A SCORM 1.2 CMITimespan: `HHHH:MM:SS.SS` (hours padded to at least 2
 * digits, at most 4; centiseconds, rounded down so a time is never overstated).
 *
 * @example timespan12(3_723_450) // '01:02:03.45'
 */
export function timespan12(ms: number): string {
  const centis = Math.max(0, Math.floor(ms / 10));
  // The type stops at 9999 hours: a longer time is written as the longest one allowed.
  const capped = Math.min(centis, 9999 * 360_000 + 59 * 6_000 + 59 * 100 + 99);
  const hours = Math.floor(capped / 360_000);
  const minutes = Math.floor((capped % 360_000) / 6_000);
  const seconds = Math.floor((capped % 6_000) / 100);
  const fraction = capped % 100;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(fraction, 2)}`;
}

/**
 * A SCORM 2004 timeinterval (ISO 8601 duration): `PT#H#M#S`, seconds with at
 * most two decimals (the type allows no more), zero parts left out.
 *
 * @example duration2004(3_723_450) // 'PT1H2M3.45S'
 * @example duration2004(0) // 'PT0S'
 */
export function duration2004(ms: number): string {
  const centis = Math.max(0, Math.floor(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6_000);
  const secondCentis = centis % 6_000;
  const seconds = secondCentis % 100 === 0 ? String(secondCentis / 100) : (secondCentis / 100).toFixed(2).replace(/0$/, '');
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secondCentis || (!hours && !minutes) ? `${seconds}S` : ''}`;
  return `PT${parts}`;
}

/**
 * A SCORM 1.2 CMITime: the time of day `HH:MM:SS`, in the learner's local
 * time (the type has no time zone; LMSs show it as written).
 *
 * @example timeOfDay12(new Date(2025, 0, 1, 9, 5, 7)) // '09:05:07'
 */
export function timeOfDay12(date: Date): string {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/**
 * A SCORM 2004 time(second,10,0) timestamp: ISO 8601 in UTC with the time
 * zone designator, which the type allows only after a fraction of a second.
 *
 * @example timestamp2004(new Date(Date.UTC(2025, 0, 1, 9, 5, 7, 250))) // '2025-01-01T09:05:07.25Z'
 */
export function timestamp2004(date: Date): string {
  const iso = date.toISOString(); // 2025-01-01T09:05:07.250Z
  const [whole, millis = '000'] = iso.slice(0, -1).split('.');
  const fraction = millis.replace(/0+$/, '') || '0';
  return `${whole}.${fraction}Z`;
}

/**
 * The customer's line as an interaction description: one line (the type
 * allows no line breaks), shortened to 250 characters with an ellipsis. A
 * line starting with `{` would be read as a language tag, so it gets the
 * scenario's own tag in front (which does not count towards the 250).
 *
 * @example description2004('Hi.\nI want a refund.', 'en') // 'Hi. I want a refund.'
 */
export function description2004(text: string, locale: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  const short = chars.length <= SCORM2004_DESCRIPTION_MAX ? line : `${chars.slice(0, SCORM2004_DESCRIPTION_MAX - 1).join('').trimEnd()}…`;
  if (!short.startsWith('{')) return short;
  const tag = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{2,8})*$/.test(locale) ? locale : 'en';
  return `{lang=${tag}}${short}`;
}

/** A score out of 100 as SCORM 2004's `score.scaled` (−1..1, here 0..1). */
export function scaledScore(overall: number): string {
  return String(Math.max(0, Math.min(100, overall)) / 100);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
