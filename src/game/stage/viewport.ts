import type Phaser from 'phaser';

/**
 * The canvas is drawn at device resolution (capped at 2× for speed) and
 * shown at CSS size, so faces and rings stay crisp on phones. Scenes place
 * things over DOM "slots": empty elements the DOM layout reserves, whose
 * rectangles this module converts to canvas pixels.
 */
export function pixelRatio(): number {
  return Math.min(2, Math.max(1, window.devicePixelRatio || 1));
}

/** Keeps the game's size equal to the window's, in device pixels. */
export function followWindowSize(game: Phaser.Game): void {
  const resize = (): void => {
    const ratio = pixelRatio();
    const width = Math.max(1, Math.round(window.innerWidth * ratio));
    const height = Math.max(1, Math.round(window.innerHeight * ratio));
    if (game.scale.width !== width || game.scale.height !== height) game.scale.resize(width, height);
  };
  window.addEventListener('resize', resize);
  resize();
}

/** A DOM element's rectangle in canvas pixels (null when it is not laid out). */
export function slotRect(el: Element | null | undefined): { x: number; y: number; width: number; height: number; cx: number; cy: number } | null {
  if (!el || !el.isConnected) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const k = pixelRatio();
  return { x: r.left * k, y: r.top * k, width: r.width * k, height: r.height * k, cx: (r.left + r.width / 2) * k, cy: (r.top + r.height / 2) * k };
}

/**
 * Calls `onChange` whenever any of the slots moves or resizes (layout,
 * scrolling, window size), at most once a frame.
 */
export function watchSlots(elements: Element[], onChange: () => void): () => void {
  let queued = false;
  const queue = (): void => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      onChange();
    });
  };
  const observer = new ResizeObserver(queue);
  for (const el of elements) observer.observe(el);
  window.addEventListener('resize', queue);
  document.addEventListener('scroll', queue, true);
  return () => {
    observer.disconnect();
    window.removeEventListener('resize', queue);
    document.removeEventListener('scroll', queue, true);
  };
}
