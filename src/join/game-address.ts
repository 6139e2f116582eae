/**
 * Where a self-paced session's game opens: the game with `?session=CODE`.
 * Only the code travels in the address; the game reads the identity (and
 * its token) from this browser's storage (identity-store.ts), so the token
 * never appears in an address, a history entry or a Referer.
 *
 * @example gameAddress('K7QX3M') // '/play/?session=K7QX3M'
 */
export function gameAddress(code: string): string {
  return `/play/?session=${encodeURIComponent(code)}`;
}
