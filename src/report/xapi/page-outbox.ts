import { IndexedDbOutboxStore } from './indexeddb-outbox-store.ts';
import { Outbox } from './outbox.ts';
import { MemoryOutboxStore, type OutboxStore } from './outbox-store.ts';
import { postStatements } from './send-statements.ts';

let opened: Promise<Outbox> | null = null;
const watchers = new Set<(outbox: Outbox) => void>();

/**
 * The page's one outbox, opened the first time a destination needs it (an
 * LRS configured, or a cmi5 launch): IndexedDB, or memory where the browser
 * keeps nothing (results still go out during the visit). Opening it starts
 * sending whatever an earlier visit left.
 */
export function pageOutbox(): Promise<Outbox> {
  opened ??= (async () => {
    let store: OutboxStore;
    try {
      store = await IndexedDbOutboxStore.open();
    } catch {
      store = new MemoryOutboxStore();
    }
    const outbox = new Outbox(store, postStatements, {
      scheduler: { setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) },
      connectivity: { online: () => navigator.onLine, onOnline: (listener) => window.addEventListener('online', listener) },
      random: Math.random,
    });
    outbox.start();
    for (const watch of watchers) watch(outbox);
    return outbox;
  })();
  return opened;
}

/** Calls `watch` with the page's outbox once it is open (at once if it already is): the status line appears only when results are being sent. */
export function whenPageOutboxOpens(watch: (outbox: Outbox) => void): void {
  if (opened) void opened.then(watch);
  else watchers.add(watch);
}
