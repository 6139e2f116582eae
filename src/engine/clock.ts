import { SimulatedClock } from 'xstate';

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
 * falls due. Tests step it; the game advances it by each frame's delta.
 *
 * @example
 * const clock = new SteppedClock();
 * clock.advance(15_000); // a 15 s reply timer fires
 */
export class SteppedClock implements ConversationClock {
  private readonly simulated = new SimulatedClock();

  now(): number {
    return this.simulated.now();
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown {
    return this.simulated.setTimeout(fn, ms);
  }

  clearTimeout(id: unknown): void {
    this.simulated.clearTimeout(id as number);
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    if (ms > 0) this.simulated.increment(ms);
  }
}
