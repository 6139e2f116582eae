/** The timer functions a Debounce uses (the window's, or a test's stepped clock). */
export interface DebounceTimers {
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/**
 * Runs the last action asked for once nothing more was asked for `delayMs`:
 * the preview reloads once the trainer pauses, not at every check.
 */
export class Debounce {
  private timer: unknown;
  private pending = false;

  constructor(
    private readonly timers: DebounceTimers,
    private readonly delayMs: number,
  ) {}

  /** Asks for `action` after the delay; an earlier request not yet run is dropped. */
  request(action: () => void): void {
    this.cancel();
    this.pending = true;
    this.timer = this.timers.setTimer(() => {
      this.pending = false;
      action();
    }, this.delayMs);
  }

  /** Drops the request waiting, if any. */
  cancel(): void {
    if (this.pending) this.timers.clearTimer(this.timer);
    this.pending = false;
  }
}
