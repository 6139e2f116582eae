/**
 * The clock a conversation runs on. XState schedules reply timers with it
 * (`setTimeout`), and the conversation reads `now()` to stamp each choice.
 * Engine code never reads the system time: the game passes a clock driven by
 * Phaser's game time (so pausing or hiding the tab pauses the timer), the CLI
 * a real-time one, and tests a simulated one they step by hand.
 */
export interface ConversationClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/**
 * A clock that only moves when told to: `advance(ms)` fires every timer that
 * falls due, each at its own time. Tests step it; the game advances it by
 * each frame's delta.
 *
 * Why not XState's SimulatedClock alone: it moves to the end of the step
 * first and then fires what is due, so a timer set by a callback (the reply
 * timer of a node re-offered after a timeout) would start at the end of the
 * step instead of when the timeout happened, and the deadline the player is
 * shown would no longer match the one that fires.
 *
 * @example
 * const clock = new SteppedClock();
 * clock.advance(15_000); // a 15 s reply timer fires
 */
export class SteppedClock implements ConversationClock {
  private current = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: (...args: unknown[]) => void }>();

  now(): number {
    return this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers.delete(id as number);
  }

  /** Moves time forward, firing due timers in order, each at the time it falls due. */
  advance(ms: number): void {
    const end = this.current + Math.max(0, ms);
    for (;;) {
      let due: [number, { at: number; fn: (...args: unknown[]) => void }] | undefined;
      // Earliest first; on a tie, the one set first (ids only grow).
      for (const entry of this.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.current = due[1].at;
      due[1].fn();
    }
    this.current = end;
  }
}
