import { newShuffleSeed, parseShuffleSeed } from '../engine/shuffle-seed.ts';
import { PlayHistory } from '../report/history.ts';

/**
 * What the scenes share: the play history (opened once) and notices to show
 * on the next menu (a history reset, an unknown deep link).
 */
let historyPromise: Promise<{ history: PlayHistory; notice?: string }> | undefined;
const notices: string[] = [];

/** The play history, opened on first use. */
export function playHistory(): Promise<{ history: PlayHistory; notice?: string }> {
  historyPromise ??= PlayHistory.open().then(
    (opened) => {
      if (opened.notice) notices.push(opened.notice);
      return opened;
    },
    (error: unknown) => {
      // Not kept: "Try again" on the error screen opens the store afresh.
      historyPromise = undefined;
      throw error;
    },
  );
  return historyPromise;
}

/** Queues a message for the menu to show once. */
export function addNotice(message: string): void {
  notices.push(message);
}

/** Takes every queued message. */
export function takeNotices(): string[] {
  return notices.splice(0, notices.length);
}

let lastSave: Promise<void> = Promise.resolve();

/** Remembers the play being written to the history store, so the debrief can wait for it. */
export function trackSave(saved: Promise<void>): void {
  lastSave = saved;
}

/** Resolves once the last play saved is in the store; rejects if that save failed (the debrief then shows the error screen). */
export function lastSaveDone(): Promise<void> {
  return lastSave;
}

/**
 * The shuffle seed for the next conversation: `?seed=N` replays a stored
 * play's reply order exactly (once: the link is consumed, so "Try again"
 * shuffles afresh); otherwise a fresh one, so every play shows its replies
 * in a new order.
 */
export function shuffleSeedForPlay(): number {
  const url = new URL(location.href);
  const given = url.searchParams.get('seed');
  if (given !== null) {
    url.searchParams.delete('seed');
    history.replaceState(null, '', url);
    const seed = parseShuffleSeed(given);
    if (seed !== null) return seed;
  }
  return newShuffleSeed(Math.random);
}
