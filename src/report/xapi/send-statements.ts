import type { LrsResponse } from './outbox.ts';
import type { LrsTarget } from './outbox-store.ts';
import type { XapiStatement } from './statement.ts';

/** The xAPI version Tactful's statements follow (sent on every request, as the specification requires). */
export const XAPI_VERSION = '1.0.3';

/**
 * POSTs statements to the LRS's Statements resource as one JSON array. The
 * answer's status decides what the outbox does; a request that gets no
 * answer (offline, refused connection, blocked) rejects, and is retried.
 * Credentials travel in the Authorization header only (no cookies).
 */
export async function postStatements(target: LrsTarget, statements: readonly XapiStatement[]): Promise<LrsResponse> {
  const response = await fetch(`${target.endpoint}statements`, {
    method: 'POST',
    headers: { Authorization: target.authorization, 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION },
    body: JSON.stringify(statements),
    credentials: 'omit',
    cache: 'no-store',
  });
  const message = response.ok ? '' : (await response.text().catch(() => '')).slice(0, 300);
  return { status: response.status, message };
}

/**
 * The Authorization header for an LRS key and secret (HTTP Basic), encoded
 * as UTF-8 so a non-ASCII secret does not throw.
 *
 * @example basicAuthorization('key', 'secret') // 'Basic a2V5OnNlY3JldA=='
 */
export function basicAuthorization(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
