/**
 * A random (version 4) UUID: statement ids, anonymous learner ids. Made from
 * `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also works on
 * a plain-http intranet page.
 *
 * @example newUuid() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
