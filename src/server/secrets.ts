import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * A new secret for a participant or a trainer: 32 random bytes, base64url
 * (43 characters). Only its hash is stored.
 */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The SHA-256 of a secret, in hex: what the database keeps. A secret of 256
 * random bits needs no slow hash: nobody can try enough guesses for it.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether two secrets are equal, in a time that does not depend on where they differ. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/**
 * The letters and digits of a join code: no 0/O, 1/I/L, 5/S, 2/Z or U/V,
 * so a code read off a projector or said aloud is typed right. 25 symbols.
 */
export const JOIN_CODE_ALPHABET = '346789ABCDEFGHJKMNPQRTWXY';
/** Six symbols: about 244 million codes, against a few dozen failed guesses allowed per address and hour. */
export const JOIN_CODE_LENGTH = 6;

/**
 * A new join code, drawn with the system's cryptographic generator.
 *
 * @example newJoinCode() // 'K7QX3M'
 */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * A join code as a trainee may type it (lower case, with spaces or a dash)
 * in the form it is stored; null when it cannot be a code.
 *
 * @example normaliseJoinCode(' k7q-x3m ') // 'K7QX3M'
 */
export function normaliseJoinCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const symbol of code) if (!JOIN_CODE_ALPHABET.includes(symbol)) return null;
  return code;
}
