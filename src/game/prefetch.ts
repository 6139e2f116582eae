import { loadLibrary } from './content/index.ts';

let started = false;

/**
 * Gets the engine and scenarios ready before the player asks for them.
 * The bytes of every later chunk (engine, Phaser, avatars) are already
 * fetched at idle by the `<link rel="prefetch">` tags the build adds to the
 * page; this starts *running* the library chunk, which costs main-thread
 * time, only once the player shows intent (hovers, touches, tabs or presses
 * a key) or after a quiet spell, so the menu's first seconds stay free for
 * input. A failure here is only a lost head start: the briefing loads the
 * library again and shows the error screen if that fails too.
 */
export function prefetchWhenIdle(quietMs = 8000): void {
  if (started) return;
  started = true;
  const events = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'] as const;
  let timer = 0;
  const go = (): void => {
    for (const type of events) document.removeEventListener(type, go, true);
    clearTimeout(timer);
    loadLibrary().catch(() => undefined);
  };
  for (const type of events) document.addEventListener(type, go, { capture: true, passive: true });
  timer = window.setTimeout(go, quietMs);
}
