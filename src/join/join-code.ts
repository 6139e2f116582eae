/** The symbols of a join code (as the server draws them: no 0/O, 1/I/L, 2/Z, 5/S, U/V). */
const CODE_SYMBOLS = /^[346789ABCDEFGHJKMNPQRTWXY]{6}$/;

/**
 * A join code as typed or read from an address, tidied the way the server
 * reads it: upper case, spaces and dashes dropped. Null for anything that
 * cannot be a code (the page then asks for it).
 *
 * @example normaliseCode(' k7q-x3m ') // 'K7QX3M'
 */
export function normaliseCode(text: string): string | null {
  const code = text.replace(/[\s-]+/g, '').toUpperCase();
  return CODE_SYMBOLS.test(code) ? code : null;
}

/**
 * The code in the join page's address: `/join/K7QX3M` (the QR code's
 * link) or `?code=K7QX3M`; null when there is none or it cannot be one.
 */
export function codeFromAddress(href: string): string | null {
  const url = new URL(href);
  const fromPath = /^\/join\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const given = fromPath ? decodeURIComponent(fromPath) : url.searchParams.get('code');
  return given ? normaliseCode(given) : null;
}
