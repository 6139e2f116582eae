import { loadLibrary } from './content/index.ts';

/** How long the menu may sit untouched before the rest of the game is fetched anyway. */
const QUIET_MS = 10_000;
const INTENT_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'scroll'] as const;

const waiting: (() => void)[] = [];
let armed = false;
let fired = false;

/**
 * Runs `work` once the player shows intent (hovers, touches, scrolls, tabs
 * or presses a key) or the page has sat quiet for ten seconds, whichever
 * comes first. Everything the menu doesn't need waits for this: fetching
 * the later chunks, the service worker's precache, running the engine. A
 * phone on a slow connection then spends its first seconds on the menu
 * alone, and the rest arrives while the player reads it.
 */
export function whenPlayerIsReady(work: () => void): void {
  if (fired) {
    work();
    return;
  }
  waiting.push(work);
  if (armed) return;
  armed = true;
  let timer = 0;
  const go = (): void => {
    for (const type of INTENT_EVENTS) document.removeEventListener(type, go, true);
    clearTimeout(timer);
    fired = true;
    for (const next of waiting.splice(0)) next();
  };
  for (const type of INTENT_EVENTS) document.addEventListener(type, go, { capture: true, passive: true });
  timer = window.setTimeout(go, QUIET_MS);
}

/**
 * Gets the rest of the game ready before the player asks for it: the page
 * lists the later chunks (engine and scenarios, Phaser, avatars) in
 * `<meta name="tactful-prefetch">` (added by the build), and these become
 * `<link rel="prefetch">`, which the browser fetches at low priority without
 * running them. The engine chunk is then run at idle, so a briefing opens
 * at once. A failure here is only a lost head start: the briefing loads the
 * library again and shows the error screen if that fails too.
 */
export function prefetchWhenIdle(): void {
  whenPlayerIsReady(() => {
    const listed = document.querySelector<HTMLMetaElement>('meta[name="tactful-prefetch"]')?.content ?? '';
    for (const href of listed.split(/\s+/).filter(Boolean)) {
      if (document.querySelector(`link[rel="prefetch"][href="${CSS.escape(href)}"]`)) continue;
      const link = document.createElement('link');
      link.rel = 'prefetch';
      link.href = href;
      // Module scripts are fetched in CORS mode: match it so the prefetched copy is the one used.
      link.crossOrigin = '';
      document.head.appendChild(link);
    }
    const run = (): void => void loadLibrary().catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run);
    else window.setTimeout(run, 200);
  });
}
