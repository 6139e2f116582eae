/** What the scheduler needs from its surroundings: a clock, timers and a way to start a check. */
export interface LintSchedulerHost {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** Starts checking the file as it is now (the version last passed to `changed`). */
  send(version: number): void;
}

/** A finished check: which version it was, and when the last change it includes was typed. */
export interface CheckDone {
  version: number;
  /** The time (host clock) of the newest keystroke the check saw: the start of keystroke-to-problems. */
  changedAt: number;
}

/**
 * Decides when the lint worker checks the file: a short pause after the
 * last keystroke (`delayMs`), and never while a check is running. A big
 * file that takes a second to check is checked again as soon as the worker
 * is free, with the text as it is then: checks never queue up behind the
 * trainer's typing, and problems lag by at most one check.
 */
export class LintScheduler {
  private version = 0;
  private changedAt = 0;
  private timer: unknown;
  private running: CheckDone | undefined;
  private wanted = false;

  constructor(
    private readonly host: LintSchedulerHost,
    private readonly delayMs: number,
  ) {}

  /** The file changed (or was loaded): this is its new version. */
  changed(version: number): void {
    this.version = version;
    this.changedAt = this.host.now();
    if (this.timer !== undefined) this.host.clearTimer(this.timer);
    this.timer = this.host.setTimer(() => {
      this.timer = undefined;
      if (this.running) this.wanted = true;
      else this.start();
    }, this.delayMs);
  }

  /** A check finished. Returns what it covered, or undefined for an answer to a check this scheduler did not start. */
  checked(version: number): CheckDone | undefined {
    const done = this.running;
    if (!done || done.version !== version) return undefined;
    this.running = undefined;
    if (this.wanted && this.timer === undefined) this.start();
    return done;
  }

  /** True while the worker is checking. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  private start(): void {
    this.wanted = false;
    this.running = { version: this.version, changedAt: this.changedAt };
    this.host.send(this.version);
  }
}
