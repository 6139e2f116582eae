import type { Stage } from './scenes/stage.ts';

/**
 * The Phaser stage, loaded on demand: `loadStage()` fetches and boots it the
 * first time (the briefing asks while the player reads, so Start never
 * waits on a normal connection); `loadedStage()` is the stage if it is
 * already there, for stopping a conversation without loading Phaser first.
 */
let pending: Promise<Stage> | undefined;
let loaded: Stage | undefined;

/** The stage, loading Phaser the first time. A failed load is retried on the next call. */
export function loadStage(): Promise<Stage> {
  pending ??= import('./scenes/stage.ts')
    .then((m) => m.createStage())
    .then(
      (stage) => {
        loaded = stage;
        return stage;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
  return pending;
}

/** The stage if Phaser has already been loaded, else undefined. */
export function loadedStage(): Stage | undefined {
  return loaded;
}
