import { describe, expect, it } from 'vitest';
import { AreaIndex, boundsOf, covers, grown, overlaps, shownArea } from '../../../src/map/area-index.ts';

describe('the part of the map on screen', () => {
  it('undoes the pan and the zoom', () => {
    expect(shownArea({ x: -100, y: 40, k: 2 }, { width: 400, height: 300 })).toEqual({ x: 50, y: -20, width: 200, height: 150 });
  });

  it('grows by a share of its own size on every side', () => {
    expect(grown({ x: 100, y: 200, width: 40, height: 10 }, 0.5)).toEqual({ x: 80, y: 195, width: 80, height: 20 });
  });

  it('is covered only when it lies wholly inside, edges included', () => {
    const outer = { x: 0, y: 0, width: 100, height: 100 };
    expect(covers(outer, { x: 0, y: 0, width: 100, height: 100 })).toBe(true);
    expect(covers(outer, { x: 10, y: 10, width: 91, height: 5 })).toBe(false);
    expect(covers(outer, { x: -1, y: 10, width: 5, height: 5 })).toBe(false);
    expect(covers(outer, { x: 10, y: 96, width: 5, height: 5 })).toBe(false);
  });

  it('overlaps a rectangle that touches it, not one beside it', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(overlaps(a, { x: 10, y: 10, width: 5, height: 5 })).toBe(true);
    expect(overlaps(a, { x: 10.5, y: 0, width: 5, height: 5 })).toBe(false);
    expect(overlaps(a, { x: 0, y: -6, width: 5, height: 5 })).toBe(false);
  });
});

describe('an arrow\'s bounds', () => {
  it('hold every point of its line, with room around it', () => {
    expect(boundsOf([{ x: 10, y: 50 }, { x: 30, y: 20 }, { x: 20, y: 90 }], 5)).toEqual({ x: 5, y: 15, width: 30, height: 80 });
  });

  it('are empty for a line with no points', () => {
    expect(boundsOf([])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});

describe('finding what is drawn near the part on screen', () => {
  it('gives the things that touch the area, in the order they were added, each once', () => {
    const index = new AreaIndex(100);
    index.add('wide', { x: 0, y: 0, width: 450, height: 20 });
    index.add('far', { x: 2000, y: 2000, width: 10, height: 10 });
    index.add('near', { x: 120, y: 30, width: 10, height: 10 });
    index.add('just-outside', { x: 131, y: 30, width: 10, height: 10 });
    expect(index.within({ x: 100, y: 0, width: 30, height: 50 })).toEqual(['wide', 'near']);
    expect(index.size).toBe(4);
  });

  it('finds things in cells left of and above the origin', () => {
    const index = new AreaIndex(100);
    index.add('up-left', { x: -250, y: -130, width: 20, height: 20 });
    expect(index.within({ x: -300, y: -200, width: 100, height: 100 })).toEqual(['up-left']);
    expect(index.within({ x: 0, y: 0, width: 100, height: 100 })).toEqual([]);
  });

  it('gives everything for an area far larger than the map (zoomed right out)', () => {
    const index = new AreaIndex(10);
    for (let i = 0; i < 50; i++) index.add(`n${i}`, { x: i * 30, y: i * 7, width: 5, height: 5 });
    const all = index.within({ x: -1e6, y: -1e6, width: 2e6, height: 2e6 });
    expect(all).toHaveLength(50);
    expect(all[0]).toBe('n0');
    expect(all[49]).toBe('n49');
    expect(index.within({ x: 29, y: 6, width: 2, height: 2 })).toEqual(['n1']);
  });
});
