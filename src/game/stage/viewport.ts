import type Phaser from 'phaser';

/**
 * Where the canvas is. It is never the whole window: each screen fits it
 * around its DOM "slots" (empty elements the layout reserves for the face
 * and the mood meter), and scenes draw inside it. On machines without a
 * GPU the browser copies a transparent WebGL canvas back from the renderer
 * every frame, at a cost that grows with its area, so a canvas the size of
 * what moves keeps frames under 17 ms. Drawn at device resolution (capped
 * at 2×) so faces stay crisp on phones.
 */
export function pixelRatio(): number {
  return Math.min(2, Math.max(1, window.devicePixelRatio || 1));
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The stage's top-left corner in CSS pixels. */
let origin = { x: 0, y: 0 };

/**
 * Fits the canvas around `slots` (with room for the face's little bounces),
 * or hides it when there is nothing to draw.
 */
export function fitStage(game: Phaser.Game, slots: (Element | null | undefined)[], padding = 0.08): void {
  const stage = document.getElementById('stage');
  if (!stage) return;
  const boxes: Box[] = [];
  for (const el of slots) {
    if (!el || !el.isConnected) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) boxes.push({ x: r.left, y: r.top, width: r.width, height: r.height });
  }
  const ratio = pixelRatio();
  if (boxes.length === 0) {
    stage.style.display = 'none';
    origin = { x: 0, y: 0 };
    if (game.scale.width !== 2 || game.scale.height !== 2) game.scale.resize(2, 2);
    return;
  }
  const pad = Math.ceil(Math.max(...boxes.map((b) => Math.max(b.width, b.height))) * padding) + 4;
  const left = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x)) - pad));
  const top = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y)) - pad));
  const right = Math.min(window.innerWidth, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) + pad));
  const bottom = Math.min(window.innerHeight, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + pad));
  const width = Math.max(2, right - left);
  const height = Math.max(2, bottom - top);
  origin = { x: left, y: top };
  // Set through the CSSOM (never a style attribute in markup), which a strict CSP allows: the values are truly dynamic.
  Object.assign(stage.style, { display: 'block', left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` });
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (game.scale.width !== w || game.scale.height !== h) game.scale.resize(w, h);
}

/** A DOM element's rectangle in canvas pixels, relative to the fitted stage (null when not laid out). */
export function slotRect(el: Element | null | undefined): { x: number; y: number; width: number; height: number; cx: number; cy: number } | null {
  if (!el || !el.isConnected) return null;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const k = pixelRatio();
  const x = (r.left - origin.x) * k;
  const y = (r.top - origin.y) * k;
  return { x, y, width: r.width * k, height: r.height * k, cx: x + (r.width * k) / 2, cy: y + (r.height * k) / 2 };
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
