import { createHash } from 'node:crypto';

/** Lower case, one kind of apostrophe, punctuation as spaces: how two texts are compared. */
export const normaliseWords = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

/** Every run of 8 words in a text. */
export function shingles(text: string): string[] {
  const words = normaliseWords(text).split(' ').filter(Boolean);
  return words.slice(0, Math.max(0, words.length - 7)).map((_, i) => words.slice(i, i + 8).join(' '));
}

/**
 * A one-way fingerprint of a run of words. The seed texts are not ours to
 * ship, so the repository keeps only these fingerprints of their 8-word runs
 * (tests/fixtures/seeds/shingles.txt): enough to find a copied run in a
 * fresh clone that has no shared/ folder beside it, and not the text itself.
 */
export const fingerprint = (shingle: string): string => createHash('sha256').update(shingle).digest('hex').slice(0, 16);
