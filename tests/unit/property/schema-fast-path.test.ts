import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenarioSource, scenarioSchema } from '../../../src/scenario/index.ts';
import { shippedScenarioFiles } from '../helpers.ts';
import { validScenarioYaml } from './random-scenarios.ts';

/**
 * parseScenarioSource hands valid data on as it is, without zod's copy, when
 * a walk of the schema's definition vouches for it; everything else goes to
 * zod. The walk must never vouch for data zod would refuse or change: for
 * valid files and for every kind of damage to them, the result is zod's.
 */

type Data = Record<string, unknown>;
const clone = (data: unknown): Data => structuredClone(data) as Data;

/** Every place in the data: the containers and the key or index in each. */
function places(data: unknown): { parent: Data | unknown[]; key: string | number }[] {
  const out: { parent: Data | unknown[]; key: string | number }[] = [];
  const stack = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push({ parent: node, key: i });
        stack.push(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push({ parent: node as Data, key: k });
        stack.push(v);
      }
    }
  }
  return out;
}

/** Values a file can hold in the wrong place, the edges of every range among them. */
const odd = fc.constantFrom<unknown>(
  null, undefined, true, false, 0, -0, 1, 1.5, -1, 3, 4, -3, -4, 5, 6, 9, 10, 99, 100, 101, -100, -101, 2 ** 53, NaN, Infinity, -Infinity,
  '', ' ', 'x', 'x y', 'none', '15s', '1.5s', '0s', 'en-GB', 'e', 'angry', 'shuffled', 'satisfied', 'bad id', '-id', '__proto__', [], [1], {}, { say: 'x' },
);

type Damage = { kind: 'set' | 'delete' | 'add' | 'proto-key' | 'no-prototype' | 'hidden' | 'to-array'; pick: number; value: unknown; name: string };
const damage: fc.Arbitrary<Damage> = fc.record({
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'proto-key', 'no-prototype', 'hidden', 'to-array'),
  pick: fc.nat(),
  value: odd,
  name: fc.constantFrom('say', 'goto', 'extra', 'if', 'mood', 'label', 'constructor', 'toString', 'n0', 'e0', 'weights'),
});

function applyDamage(data: Data, d: Damage): void {
  // A fresh copy of an object value: the constants are shared between runs, and a later damage could
  // change one in place (or make it contain itself), so data would grow from run to run.
  const value = typeof d.value === 'object' && d.value !== null ? structuredClone(d.value) : d.value;
  const all = places(data);
  const objects = [data, ...all.map((p) => (p.parent as Data)[p.key as string]).filter((v) => v && typeof v === 'object' && !Array.isArray(v))] as Data[];
  const place = all[d.pick % Math.max(1, all.length)];
  const target = objects[d.pick % objects.length]!;
  switch (d.kind) {
    case 'set':
      if (place) (place.parent as Data)[place.key as string] = value;
      break;
    case 'delete':
      if (place && !Array.isArray(place.parent)) delete place.parent[place.key as string];
      break;
    case 'add':
      target[d.name] = value;
      break;
    case 'proto-key':
      Object.defineProperty(target, '__proto__', { value, enumerable: true, configurable: true, writable: true });
      break;
    case 'no-prototype':
      if (place && place.parent[place.key as never] && typeof place.parent[place.key as never] === 'object') {
        (place.parent as Data)[place.key as string] = Object.assign(Object.create(null), place.parent[place.key as never]);
      }
      break;
    case 'hidden':
      Object.defineProperty(target, d.name, { value, enumerable: false, configurable: true, writable: true });
      break;
    case 'to-array':
      if (place) (place.parent as Data)[place.key as string] = Object.values((place.parent as Data)[place.key as string] ?? {});
      break;
  }
}

function expectZodResult(data: unknown): boolean {
  const fast = parseScenarioSource(data);
  const zod = scenarioSchema.safeParse(data);
  expect(fast.success).toBe(zod.success);
  if (fast.success && zod.success) expect(zod.data).toEqual(fast.data);
  if (!fast.success && !zod.success) expect(fast.error.issues).toEqual(zod.error.issues);
  return fast.success && fast.data === data;
}

describe('the schema fast path', () => {
  it('hands every shipped scenario on unchanged, as zod reads it', () => {
    for (const file of shippedScenarioFiles()) expect(expectZodResult(parse(readFileSync(file, 'utf8'))), file).toBe(true);
  });

  it('vouches for valid random scenarios', () => {
    fc.assert(
      fc.property(validScenarioYaml, (yaml) => {
        expect(expectZodResult(parse(yaml))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('gives zod\u2019s answer for damaged scenarios', () => {
    const shipped = shippedScenarioFiles().map((f) => parse(readFileSync(f, 'utf8')) as Data);
    const base = fc.oneof(fc.constantFrom(...shipped), validScenarioYaml.map((y) => parse(y) as Data));
    let vouched = 0;
    let refused = 0;
    fc.assert(
      fc.property(base, fc.array(damage, { minLength: 1, maxLength: 3 }), (original, damages) => {
        const data = clone(original);
        for (const d of damages) applyDamage(data, d);
        if (expectZodResult(data)) vouched++;
        else refused++;
      }),
      { numRuns: 3_000 },
    );
    // Both sides are exercised: damage zod still accepts unchanged, and damage left to zod.
    expect(Math.min(vouched, refused)).toBeGreaterThan(300);
  });
});
