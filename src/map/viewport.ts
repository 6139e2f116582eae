/** Where the map is looked at from: screen = map × `k` + (`x`, `y`), in CSS pixels. */
export interface Viewport {
  x: number;
  y: number;
  k: number;
}

/** A width and height, in CSS pixels (the map's area on screen) or map units (the laid-out map). */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in map units. */
export interface Rect extends Size {
  x: number;
  y: number;
}

/** Zoom limits: a 2,000-node map fits in a panel at about 0.03, and text is large enough well before 3. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 3;
/** Fit never enlarges a small map past this (a three-box file stays at a readable size, not poster size). */
const FIT_MAX_ZOOM = 1.2;

const clampZoom = (k: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/**
 * The viewport that shows the whole map centred in `view`, `margin` pixels
 * from its edges.
 *
 * @example fitViewport({ width: 400, height: 200 }, { width: 800, height: 600 }, 20) // { x: 160, y: 180, k: 1.2 }
 */
export function fitViewport(map: Size, view: Size, margin = 16): Viewport {
  const k = clampZoom(Math.min(FIT_MAX_ZOOM, (view.width - 2 * margin) / Math.max(1, map.width), (view.height - 2 * margin) / Math.max(1, map.height)));
  return { k, x: (view.width - map.width * k) / 2, y: (view.height - map.height * k) / 2 };
}

/** Zooms by `factor` about the screen point (`px`, `py`): the map point under it stays under it. */
export function zoomAt(v: Viewport, factor: number, px: number, py: number): Viewport {
  const k = clampZoom(v.k * factor);
  const ratio = k / v.k;
  return { k, x: px - (px - v.x) * ratio, y: py - (py - v.y) * ratio };
}

/** Moves the map by (`dx`, `dy`) screen pixels. */
export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { k: v.k, x: v.x + dx, y: v.y + dy };
}

/** The least pan that brings `rect` (map units) inside `view`, `margin` pixels from its edges; centred when it cannot fit. */
export function reveal(v: Viewport, rect: Rect, view: Size, margin = 24): Viewport {
  const axis = (offset: number, start: number, length: number, viewLength: number): number => {
    const from = start * v.k + offset;
    const to = (start + length) * v.k + offset;
    if (to - from > viewLength - 2 * margin) return viewLength / 2 - (start + length / 2) * v.k;
    if (from < margin) return offset + margin - from;
    if (to > viewLength - margin) return offset - (to - (viewLength - margin));
    return offset;
  };
  return { k: v.k, x: axis(v.x, rect.x, rect.width, view.width), y: axis(v.y, rect.y, rect.height, view.height) };
}

/** The CSS transform that draws the map at this viewport (origin at the top left). */
export function viewportTransform(v: Viewport): string {
  return `translate(${v.x.toFixed(1)}px, ${v.y.toFixed(1)}px) scale(${v.k.toFixed(4)})`;
}

/** The zoom at which a box's text is comfortably read (12.5 px text at 0.8 is 10 px on screen). */
export const READABLE_ZOOM = 0.8;

/**
 * The first view of a map: the whole map when it fits at a readable zoom;
 * otherwise readable, with `top` (the start box) at the top, centred
 * across. Fit (the button, or 0) still shows everything.
 */
export function firstViewport(map: Size, view: Size, top: Rect | undefined, margin = 16): Viewport {
  const fit = fitViewport(map, view, margin);
  if (fit.k >= READABLE_ZOOM || !top) return fit;
  const k = READABLE_ZOOM;
  return { k, x: view.width / 2 - (top.x + top.width / 2) * k, y: margin - top.y * k };
}
