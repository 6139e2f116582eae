import { performance } from 'node:perf_hooks';
import type { ConversationClock } from '../engine/index.ts';

/** Wall-clock time for interactive play in a terminal. */
export class RealClock implements ConversationClock {
  private readonly origin = performance.now();

  now(): number {
    return Math.round(performance.now() - this.origin);
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): unknown {
    return setTimeout(fn, ms);
  }

  clearTimeout(id: unknown): void {
    clearTimeout(id as NodeJS.Timeout);
  }
}
