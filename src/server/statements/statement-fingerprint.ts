import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so the same statement always writes the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 of a statement's canonical JSON: a resend of the same
 * statement has the same fingerprint whatever the order of its keys, and
 * a different statement under a known id does not (xAPI's 409 Conflict).
 *
 * @example statementFingerprint({ b: 1, a: 2 }) === statementFingerprint({ a: 2, b: 1 }) // true
 */
export function statementFingerprint(statement: unknown): string {
  return createHash('sha256').update(canonicalJson(statement), 'utf8').digest('hex');
}
