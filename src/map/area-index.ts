import type { Rect, Size, Viewport } from './viewport.ts';

/**
 * The part of the map (map units) a viewport shows in a panel of `view`'s size.
 *
 * @example shownArea({ x: -100, y: 0, k: 2 }, { width: 400, height: 300 }) // { x: 50, y: 0, width: 200, height: 150 }
 */
export function shownArea(v: Viewport, view: Size): Rect {
  return { x: -v.x / v.k, y: -v.y / v.k, width: view.width / v.k, height: view.height / v.k };
}

/** `rect` grown on every side by `by` times its own width (left and right) and height (top and bottom). */
export function grown(rect: Rect, by: number): Rect {
  return { x: rect.x - rect.width * by, y: rect.y - rect.height * by, width: rect.width * (1 + 2 * by), height: rect.height * (1 + 2 * by) };
}

/** Whether `inner` lies wholly inside `outer`. */
export function covers(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Whether two rectangles share any point (touching edges count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The smallest rectangle holding every point, grown by `pad` on every side. */
export function boundsOf(points: readonly { x: number; y: number }[], pad = 0): Rect {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x);
    bottom = Math.max(bottom, p.y);
  }
  if (left > right) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: left - pad, y: top - pad, width: right - left + 2 * pad, height: bottom - top + 2 * pad };
}

/**
 * Where the things drawn on a map are, on a grid of square cells, so the
 * ones near the part on screen are found without looking at the others
 * (a 2,000-node map has over 10,000 arrows; a panel shows a few dozen).
 */
export class AreaIndex {
  private readonly cells = new Map<string, number[]>();
  private readonly items: { id: string; rect: Rect }[] = [];

  constructor(private readonly cell = 512) {}

  /** How many things are indexed. */
  get size(): number {
    return this.items.length;
  }

  /** Adds a thing and the rectangle it covers. */
  add(id: string, rect: Rect): void {
    const index = this.items.push({ id, rect }) - 1;
    this.forCells(rect, false, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(index);
      else this.cells.set(key, [index]);
    });
  }

  /** The ids of the things that touch `area`, in the order they were added. */
  within(area: Rect): string[] {
    const found = new Set<number>();
    this.forCells(area, true, (key) => {
      for (const index of this.cells.get(key) ?? []) if (overlaps(this.items[index]!.rect, area)) found.add(index);
    });
    return [...found].sort((a, b) => a - b).map((index) => this.items[index]!.id);
  }

  /** Visits the cells `rect` covers; `filled` only those that hold something. */
  private forCells(rect: Rect, filled: boolean, visit: (key: string) => void): void {
    const [fromX, toX] = [Math.floor(rect.x / this.cell), Math.floor((rect.x + rect.width) / this.cell)];
    const [fromY, toY] = [Math.floor(rect.y / this.cell), Math.floor((rect.y + rect.height) / this.cell)];
    // An area far larger than the map (zoomed right out) visits only the cells that hold something.
    if (filled && (toX - fromX + 1) * (toY - fromY + 1) > this.cells.size) {
      for (const key of this.cells.keys()) {
        const [x, y] = key.split(',').map(Number) as [number, number];
        if (x >= fromX && x <= toX && y >= fromY && y <= toY) visit(key);
      }
      return;
    }
    for (let x = fromX; x <= toX; x++) for (let y = fromY; y <= toY; y++) visit(`${x},${y}`);
  }
}
