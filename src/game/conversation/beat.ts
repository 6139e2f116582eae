/**
 * A pause in game time between the player's reply and the customer's
 * answer, so the previous line stays in place for a moment. Like the
 * typewriter it runs on game time: it waits while the game is paused.
 *
 * @example
 * const beat = new Beat();
 * beat.start(BEAT_MS, () => presentLine(talk.view()));
 * // every frame:
 * beat.advance(deltaMs);
 */
export class Beat {
  private pending: { remaining: number; then: () => void } | null = null;

  /** Calls `then` once `ms` of game time have passed (replacing any beat already waiting). */
  start(ms: number, then: () => void): void {
    this.pending = { remaining: ms, then };
  }

  /** Moves the beat on by `ms` of game time. */
  advance(ms: number): void {
    if (!this.pending) return;
    this.pending.remaining -= ms;
    if (this.pending.remaining <= 0) {
      const then = this.pending.then;
      this.pending = null;
      then();
    }
  }
}
