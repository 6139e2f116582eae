import type { Size } from '../../map/viewport.ts';

/** Never drawn larger than this: a small map stays at the size its text was made for. */
const MAX_SCALE = 1;
/** Never smaller than this (box labels stay about 9 px and up): a larger map scrolls inside its box instead. */
export const MIN_SCALE = 0.7;

/**
 * The size the map is drawn at in a box of `available` pixels: the whole
 * map when it fits, scaled down to fit, not enlarged, and never so small
 * its labels cannot be read (the box then scrolls).
 *
 * @example mapScale({ width: 800, height: 300 }, { width: 400, height: 400 }) // { width: 560, height: 210 } (0.7: it scrolls across)
 */
export function mapScale(map: Size, available: Size): Size {
  const fit = Math.min(available.width / Math.max(1, map.width), available.height / Math.max(1, map.height));
  const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, fit));
  return { width: Math.round(map.width * k), height: Math.round(map.height * k) };
}
