/**
 * Shuffle seeds as players and trainers write them (`?seed=N`, `--shuffle N`).
 * No imports, so the menu can read a seed link without loading the engine.
 */

/** Seeds are whole numbers from 0 to this (2^31 − 1). */
export const MAX_SHUFFLE_SEED = 0x7fffffff;

/** The seed written in `text`, or null when it is not a whole number from 0 to MAX_SHUFFLE_SEED. */
export function parseShuffleSeed(text: string): number | null {
  return /^\d{1,10}$/.test(text) && Number(text) <= MAX_SHUFFLE_SEED ? Number(text) : null;
}

/** A fresh seed for a new play. The caller passes the randomness (the engine reads none of its own). */
export function newShuffleSeed(random: () => number): number {
  return Math.floor(random() * MAX_SHUFFLE_SEED);
}
