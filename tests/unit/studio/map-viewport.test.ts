import { describe, expect, it } from 'vitest';
import { firstViewport, fitViewport, MAX_ZOOM, MIN_ZOOM, panBy, READABLE_ZOOM, reveal, viewportTransform, zoomAt } from '../../../src/map/viewport.ts';

describe('panning and zooming the map', () => {
  it('fits a map in the panel, centred, never enlarging a small one past 1.2', () => {
    expect(fitViewport({ width: 400, height: 200 }, { width: 800, height: 600 }, 20)).toEqual({ x: 160, y: 180, k: 1.2 });
    const big = fitViewport({ width: 4000, height: 1000 }, { width: 420, height: 300 }, 10);
    expect(big.k).toBeCloseTo(0.1);
    expect(big.x).toBeCloseTo(10);
    expect(big.y).toBeCloseTo(100);
  });

  it('zooms about the pointer: the map point under it stays under it', () => {
    const v = { x: 30, y: -20, k: 0.5 };
    const z = zoomAt(v, 2, 200, 100);
    const before = { x: (200 - v.x) / v.k, y: (100 - v.y) / v.k };
    expect((200 - z.x) / z.k).toBeCloseTo(before.x);
    expect((100 - z.y) / z.k).toBeCloseTo(before.y);
    expect(zoomAt(v, 1000, 0, 0).k).toBe(MAX_ZOOM);
    expect(zoomAt(v, 0.0001, 0, 0).k).toBe(MIN_ZOOM);
  });

  it('pans by screen pixels, and brings an off-screen box just inside the panel', () => {
    expect(panBy({ x: 1, y: 2, k: 3 }, 10, -5)).toEqual({ x: 11, y: -3, k: 3 });
    const view = { width: 400, height: 300 };
    const v = { x: 0, y: 0, k: 1 };
    expect(reveal(v, { x: 10, y: 10, width: 100, height: 50 }, view, 24)).toEqual({ x: 14, y: 14, k: 1 });
    expect(reveal(v, { x: 100, y: 100, width: 100, height: 50 }, view, 24)).toEqual(v);
    expect(reveal(v, { x: 600, y: 100, width: 100, height: 50 }, view, 24)).toEqual({ x: -324, y: 0, k: 1 });
  });

  it('writes the viewport as a CSS transform from the top left', () => {
    expect(viewportTransform({ x: 10, y: -4.25, k: 0.5 })).toBe('translate(10.0px, -4.3px) scale(0.5000)');
  });
});

describe('the first view of a map', () => {
  it('shows the whole map when it reads at that size', () => {
    expect(firstViewport({ width: 400, height: 200 }, { width: 800, height: 600 }, undefined, 20)).toEqual({ x: 160, y: 180, k: 1.2 });
  });

  it('starts from the start box at a readable zoom when the whole map would be too small to read', () => {
    const v = firstViewport({ width: 3000, height: 5000 }, { width: 500, height: 400 }, { x: 1000, y: 0, width: 200, height: 60 }, 16);
    expect(v.k).toBe(READABLE_ZOOM);
    expect(v.x + 1100 * v.k).toBeCloseTo(250);
    expect(v.y).toBe(16);
  });
});
