import type { Scenario } from '../../scenario/index.ts';

/**
 * A short fingerprint of what a scenario plays like: its nodes, replies,
 * effects, timers and scoring, but not the file it was read from. A saved
 * conversation is resumed only on a scenario with the same fingerprint, so
 * a scenario edited since (a reply moved, a mood changed) never replays the
 * saved choices into a different conversation.
 *
 * @example scenarioFingerprint(compiled.scenario) // 'k3j9x0a1b2c'
 */
export function scenarioFingerprint(scenario: Scenario): string {
  // Key order is the loader's, the same on every load of the same text.
  const text = JSON.stringify(scenario, (key, value: unknown) => (key === 'file' ? undefined : value));
  return cyrb53(text).toString(36);
}

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash. Not for secrets:
 * it only tells two versions of a scenario apart.
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
