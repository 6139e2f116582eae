import { mulberry32 } from './generate.ts';

/**
 * Heap (MB) still used after a full GC by what `make` returns, and that value.
 * Shared by the engine and ink benchmarks so both measure memory the same way.
 */
export function retainedMB<T>(gc: () => void, make: () => T): { mb: number; value: T } {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  return { mb: (after - before) / 1e6, value: kept };
}

/** What one player managed in a timed round of random playthroughs. */
export interface PlayFigures {
  playthroughs: number;
  choices: number;
  seconds: number;
}

/**
 * Runs random playthroughs for about `ms` milliseconds. `playthrough` plays
 * one to an ending, picking each choice with `pick(n)` (0-based, among n),
 * and returns how many choices it made. Every player (ours and ink) runs in
 * this same loop with the same seeded picks, so they walk the same paths.
 */
export function playFor(ms: number, seed: number, playthrough: (pick: (n: number) => number) => number): PlayFigures {
  const rand = mulberry32(seed);
  const pick = (n: number): number => Math.floor(rand() * n);
  let playthroughs = 0;
  let choices = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    choices += playthrough(pick);
    playthroughs++;
    elapsed = performance.now() - started;
  }
  return { playthroughs, choices, seconds: elapsed / 1000 };
}
