/**
 * Text for XML manifests. Titles and summaries come from trainers' files, so
 * every value is escaped, and characters XML 1.0 cannot carry at all (most
 * control characters) are dropped rather than making an LMS reject the
 * whole package.
 */

// Tab, newline and carriage return are the only control characters XML 1.0 allows; lone surrogates and U+FFFE/U+FFFF are never allowed.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A value for element content.
 *
 * @example xmlText('Fish & chips <large>') // 'Fish &amp; chips &lt;large&gt;'
 */
export function xmlText(value: string): string {
  return value.replace(NOT_IN_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A value for a double-quoted attribute; line breaks are kept as character
 * references, since a parser would otherwise turn them into spaces.
 *
 * @example xmlAttribute('index.html?scenario=a&lms=scorm12') // 'index.html?scenario=a&amp;lms=scorm12'
 */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
