import { describe, expect, it } from 'vitest';
import { idFromName, uniqueIds } from '../../../../src/authoring/twee/node-ids.ts';

describe('ids from passage names', () => {
  it.each([
    ['Walked out', 'walked-out'],
    ["The repair that isn't ready", 'the-repair-that-isnt-ready'],
    ['Café — Zoë’s order (2)', 'cafe-zoes-order-2'],
    ['???', 'passage'],
  ])('"%s" becomes "%s"', (name, id) => {
    expect(idFromName(name)).toBe(id);
  });

  it('gives names that make the same id -2, -3… in file order', () => {
    expect([...uniqueIds(['Why?', 'why', 'WHY', 'why-2'])]).toEqual([['Why?', 'why'], ['why', 'why-2'], ['WHY', 'why-3'], ['why-2', 'why-2-2']]);
  });
});
