import { describe, expect, it } from 'vitest';
import { BIG_MAP_ABOVE, layersOf, layOutBigMap } from '../../../src/map/big-map-layout.ts';
import type { ConversationMap, MapEdge, MapNode } from '../../../src/map/conversation-map.ts';
import { layOut } from '../../../src/map/map-layout.ts';

const node = (id: string, extra: Partial<MapNode> = {}): MapNode => ({
  id, kind: 'dialogue', line: `Line of ${id}.`, conditions: [], sourceLine: 1, start: false, unreachable: false, deadEnd: false, ...extra,
});
const edge = (from: string, to: string, n: number): MapEdge => ({ id: `${from}>${to}#${n}`, from, to, kind: 'reply', label: String(n) });

/** a → b, a → c, b → d, c → d, d → a (a loop back), a → d (a jump ahead), e unreachable → d. */
function smallMap(): ConversationMap {
  const nodes = [node('a', { start: true }), node('b'), node('c'), node('d'), node('e', { unreachable: true })];
  const edges = [edge('a', 'b', 1), edge('a', 'c', 2), edge('b', 'd', 1), edge('c', 'd', 1), edge('d', 'a', 1), edge('a', 'd', 3), edge('e', 'd', 1)];
  return { nodes, edges };
}

const overlaps = (p: { x: number; y: number; width: number; height: number }, q: typeof p): boolean =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

describe('the big-map layout', () => {
  it('puts each box below every box that leads to it, except along an arrow that loops back', () => {
    // d is reached straight from a too, but sits below b and c; e (no arrow in) starts a layer 0 of its own.
    expect(Object.fromEntries(layersOf(smallMap()))).toEqual({ a: 0, b: 1, c: 1, d: 2, e: 0 });
  });

  it('lays out a chain thousands of boxes deep without running out of stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => node(`n${i}`, { start: i === 0 }));
    const edges = nodes.slice(1).map((n, i) => edge(`n${i}`, n.id, 1));
    edges.push(edge('n19999', 'n0', 2));
    const layers = layersOf({ nodes, edges });
    expect(layers.get('n19999')).toBe(19_999);
    expect(layers.get('n0')).toBe(0);
  });

  it('draws an arrow to the next layer as a line from the bottom of its box to the top of the next', () => {
    const laid = layOutBigMap(smallMap());
    const a = laid.boxes.get('a')!;
    const b = laid.boxes.get('b')!;
    expect(laid.routes.get('a>b#1')).toEqual([{ x: a.x + a.width / 2, y: a.y + a.height }, { x: b.x + b.width / 2, y: b.y }]);
    expect(b.y).toBeGreaterThan(a.y + a.height);
  });

  it('ends every other arrow at a tag beside its box naming its target', () => {
    const laid = layOutBigMap(smallMap());
    expect(laid.jumps.map((j) => [j.edge, j.to]).sort()).toEqual([['a>d#3', 'd'], ['d>a#1', 'a'], ['e>d#1', 'd']]);
    for (const jump of laid.jumps) {
      const from = laid.boxes.get(jump.edge.split('>')[0]!)!;
      expect(jump.box.x).toBeGreaterThan(from.x + from.width);
      expect(jump.box.y).toBeGreaterThanOrEqual(from.y);
      const route = laid.routes.get(jump.edge)!;
      expect(route[0]!.x).toBe(from.x + from.width);
      expect(route[1]!.x).toBe(jump.box.x);
    }
  });

  it('never lets boxes or tags overlap, and keeps them inside the map', () => {
    const laid = layOutBigMap(smallMap());
    const rects = [...laid.boxes.values(), ...laid.jumps.map((j) => j.box)];
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i]!;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(laid.size.width + 0.001);
      expect(r.y + r.height).toBeLessThanOrEqual(laid.size.height + 0.001);
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(r, rects[j]!), `${i} and ${j}`).toBe(false);
    }
  });

  it('orders a layer by where its boxes come from, so arrows from the left stay on the left', () => {
    // Written in the "wrong" order: y's parent is on the right, x's on the left.
    const nodes = [node('s', { start: true }), node('left'), node('right'), node('y'), node('x')];
    const edges = [edge('s', 'left', 1), edge('s', 'right', 2), edge('right', 'y', 1), edge('left', 'x', 1)];
    const laid = layOutBigMap({ nodes, edges });
    expect(laid.boxes.get('x')!.x).toBeLessThan(laid.boxes.get('y')!.x);
    expect(laid.boxes.get('left')!.x).toBeLessThan(laid.boxes.get('right')!.x);
  });

  it('is used instead of the layout engine above the big-map size', async () => {
    const nodes = Array.from({ length: BIG_MAP_ABOVE + 1 }, (_, i) => node(`n${i}`, { start: i === 0 }));
    const edges = nodes.slice(1).map((n, i) => edge(`n${i}`, n.id, 1));
    let asked = 0;
    const engine = () => {
      asked++;
      return Promise.reject(new Error('not for a big map'));
    };
    const laid = await layOut({ nodes, edges }, engine);
    expect(asked).toBe(0);
    expect(laid.boxes.size).toBe(nodes.length);
    expect(laid.routes.size).toBe(edges.length);
    expect(laid.jumps).toEqual([]);
    // One box per layer down a chain.
    expect(laid.boxes.get('n3')!.y).toBeGreaterThan(laid.boxes.get('n2')!.y);
    await expect(layOut({ nodes: nodes.slice(0, BIG_MAP_ABOVE), edges: edges.slice(0, BIG_MAP_ABOVE - 1) }, engine)).rejects.toThrow('not for a big map');
    expect(asked).toBe(1);
  });
});
