/**
 * Structure-level mutations: parse a scenario's YAML (comments kept), change
 * its tree the way a trainer's edit, a merge or a hostile file could, and
 * write it out again. Each mutation is plain data, so fast-check can print
 * and replay it; `pick` numbers choose among the places that fit, modulo
 * their count, so any number is valid.
 *
 * Text that the YAML writer would not produce (aliases bombs, very deep flow
 * collections, tags, directives) is put in as raw text: the tree holds a
 * placeholder that is swapped for the raw text after writing.
 */
import fc from 'fast-check';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Pair } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type StructureMutation =
  | { kind: 'delete-key'; pick: number }
  | { kind: 'duplicate-key'; pick: number }
  | { kind: 'swap-values'; pick: number; other: number }
  | { kind: 'swap-keys'; pick: number; other: number }
  | { kind: 'rename-key'; pick: number; name: string | number | null }
  | { kind: 'change-type'; pick: number; value: Json }
  | { kind: 'raw-scalar'; pick: number; numeric: boolean; raw: string }
  | { kind: 'huge-string'; pick: number; length: number; shape: 'words' | 'one-line' | 'lines' | 'unicode' }
  | { kind: 'deep-nesting'; pick: number; depth: number; style: 'seq' | 'map' | 'mixed' }
  | { kind: 'block-nesting'; depth: number; style: 'seq' | 'map' }
  | { kind: 'goto-missing'; pick: number; id: string }
  | { kind: 'cycle'; pick: number; other: number; variant: 'self' | 'start' | 'all-self' | 'branch-loop' | 'branch-self' }
  | { kind: 'duplicate-id'; pick: number; other: number; variant: 'node-as-ending' | 'ending-as-node' | 'twin-node' }
  | { kind: 'anchor-alias'; pick: number; other: number; variant: 'copy' | 'ancestor' }
  | { kind: 'alias-bomb'; levels: number; width: number; style: 'seq' | 'map'; where: 'new-key' | 'tags' | 'objectives' | 'customer' | 'variables' | 'reply' | 'node' }
  | { kind: 'long-chain'; length: number; variant: 'to-ending' | 'to-start' | 'branch' | 'timed' }
  | { kind: 'prune'; keep: number }
  | { kind: 'proto-name'; pick: number; name: string; what: 'node' | 'ending' | 'variable' | 'dimension' | 'field' }
  | { kind: 'expression'; pick: number; shape: 'parens' | 'nots' | 'ors' | 'minus' | 'text'; size: number; text: string }
  | { kind: 'yaml-tag'; pick: number; raw: string }
  | { kind: 'documents'; variant: 'second-doc' | 'directive' | 'end-marker' | 'tag-directive' | 'empty-first' | 'only-marker' }
  | { kind: 'complex-key'; pick: number; key: Json }
  | { kind: 'replies-count'; pick: number; count: number }
  | { kind: 'root'; variant: 'list' | 'scalar' | 'null' | 'wrap' };

/** Names that are special to JavaScript objects: a scenario using them as ids must still be checked as data. */
export const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__', 'prototype', 'then'];

const KEY_NAMES: (string | number | null)[] = [
  'id', 'title', 'summary', 'nodes', 'endings', 'start', 'customer', 'name', 'mood', 'patience', 'replies', 'say', 'goto', 'if', 'set', 'tact', 'score',
  'branch', 'timeLimit', 'onTimeout', 'outcome', 'techniques', 'variables', 'scoring', 'weights', 'dimensions', 'label', 'passMark', 'critical', 'order',
  'emotion', 'feedback', 'difficulty', 'tags', 'locale', 'Goto', 'replys', 'goto ', ' say', '', ' ', '<<', '~', 'null', 'true', '1', '-1', '0x1', 'a:b',
  'a #b', 'ключ', '名前', '🙂', 'x'.repeat(300), 1, 0, -1, 1.5, null, ...PROTOTYPE_NAMES,
];

const VALUES: Json[] = [
  null, true, false, 0, -1, 1, 1.5, -0.5, 100, 101, '', ' ', 'text', 'none', '0s', '-5s', '1e3', '12:30', '2026-01-01', 'yes', '0b101', [], {}, ['a', 1],
  { a: 1 }, [[]], [{}], { say: 'x', goto: 'nowhere' }, [{ say: 'x', goto: 'nowhere' }], { outcome: 'satisfied' }, { branch: [{ goto: 'x' }] },
];

/** Scalars written as YAML text, where their reading is the point: number forms, YAML 1.1 leftovers, extremes. */
const RAW_SCALARS = [
  '1e308', '-1e308', '1e309', '-1e400', '.inf', '-.inf', '.nan', '.NaN', '9007199254740993', '-9007199254740993', '123456789012345678901234567890', '-0',
  '0.0000000000000000000000001', '5e-324', '0x7FFFFFFFFFFFFFFF', '0o777', '0b101', '1_000', '+12', '00012', '1.', '.5', '1:30', '2001-12-14t21:59:43.10-05:00',
  'yes', 'No', 'on', 'OFF', 'y', '~', 'Null', '""', "''", '"\\u0000"', '"\\ud800"', '"\\x00\\x01"', '"\\N\\_\\L\\P"', '|-\n', '>', '!!null', '!!str', '2147483648', '4294967296',
];

const MISSING_IDS = ['nowhere', 'opening ', 'Opening', 'a b', '-x', '_x', 'café', 'x.y', '', 'end!', '12', 'null', 'a'.repeat(200), ...PROTOTYPE_NAMES];

const YAML_TAGS = [
  '!!binary aGVsbG8=', '!!set {a, b}', '!!omap [a: 1, b: 2]', '!!pairs [a: 1]', '!custom value', '!!timestamp 2001-12-14', '!!int "12"', '!!float "x"',
  '!!str 5', '!!map []', '!!seq {}', '!!bool maybe', '!<tag:yaml.org,2002:js/undefined> ~', '!<tag:yaml.org,2002:js/function> "function(){}"',
  '!!python/object:os.system x', '!!merge <<', '!! x', '!<> x',
];

const pick = fc.nat();

/**
 * How big the big mutations get. `unit` keeps a case under a second or so
 * (Vitest); `bench` adds the sizes that take seconds per case: chains of
 * 2,000 and 5,000 nodes, 300,000-character strings, 20,000 levels of nesting,
 * 50,000-term expressions.
 */
export type Profile = 'unit' | 'bench';

/** A structure mutation, sized for `profile`. */
export function structureMutation(profile: Profile = 'unit'): fc.Arbitrary<StructureMutation> {
  const bench = profile === 'bench';
  const sizes = <T>(unit: T[], more: T[]): fc.Arbitrary<T> => fc.constantFrom(...unit, ...(bench ? more : []));
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-key' as const), pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap-values' as const), pick, other: pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-keys' as const), pick, other: pick }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename-key' as const), pick, name: fc.constantFrom(...KEY_NAMES) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('change-type' as const), pick, value: fc.constantFrom(...VALUES) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('raw-scalar' as const), pick, numeric: fc.boolean(), raw: fc.constantFrom(...RAW_SCALARS) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('huge-string' as const), pick,
        length: sizes([1_000, 10_000, 100_000], [300_000]), shape: fc.constantFrom('words' as const, 'one-line' as const, 'lines' as const, 'unicode' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep-nesting' as const), pick, depth: sizes([50, 500, 5_000], [20_000]), style: fc.constantFrom('seq' as const, 'map' as const, 'mixed' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('block-nesting' as const), depth: sizes([50, 300], [1_000]), style: fc.constantFrom('seq' as const, 'map' as const) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('goto-missing' as const), pick, id: fc.constantFrom(...MISSING_IDS) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('cycle' as const), pick, other: pick, variant: fc.constantFrom('self' as const, 'start' as const, 'all-self' as const, 'branch-loop' as const, 'branch-self' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-id' as const), pick, other: pick, variant: fc.constantFrom('node-as-ending' as const, 'ending-as-node' as const, 'twin-node' as const) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('anchor-alias' as const), pick, other: pick, variant: fc.constantFrom('copy' as const, 'ancestor' as const) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('alias-bomb' as const), levels: fc.integer({ min: 1, max: 12 }), width: fc.integer({ min: 2, max: 10 }), style: fc.constantFrom('seq' as const, 'map' as const),
        where: fc.constantFrom('new-key' as const, 'tags' as const, 'objectives' as const, 'customer' as const, 'variables' as const, 'reply' as const, 'node' as const),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('long-chain' as const), length: bench ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(10, 300) }, { weight: 2, arbitrary: fc.constant(2_000) }, { weight: 1, arbitrary: fc.constant(5_000) }) : fc.constantFrom(10, 300), variant: fc.constantFrom('to-ending' as const, 'to-start' as const, 'branch' as const, 'timed' as const) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('prune' as const), keep: fc.integer({ min: 0, max: 2 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('proto-name' as const), pick, name: fc.constantFrom(...PROTOTYPE_NAMES), what: fc.constantFrom('node' as const, 'ending' as const, 'variable' as const, 'dimension' as const, 'field' as const) }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('expression' as const), pick,
        shape: fc.constantFrom('parens' as const, 'nots' as const, 'ors' as const, 'minus' as const, 'text' as const), size: sizes([10, 1_000], [10_000, 50_000]),
        text: fc.constantFrom('"open', "'x' + ", '1/0', 'mood > 1e309', 'x.y', 'f()', '[1, 2]', 'a ? b : c', '===', '\u0000', '', ' ', 'mood >= ', 'true and', '((mood)', 'ключ > 1', '"a" * 3', '9007199254740993 + 1', 'not not not mood'),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('yaml-tag' as const), pick, raw: fc.constantFrom(...YAML_TAGS) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('documents' as const), variant: fc.constantFrom('second-doc' as const, 'directive' as const, 'end-marker' as const, 'tag-directive' as const, 'empty-first' as const, 'only-marker' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('complex-key' as const), pick, key: fc.constantFrom<Json>(['a', 'b'], { k: 'v' }, [], null, 1) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('replies-count' as const), pick, count: fc.constantFrom(0, 1, 9, 10, 50) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('root' as const), variant: fc.constantFrom('list' as const, 'scalar' as const, 'null' as const, 'wrap' as const) }) },
  );
}

/** Every kind, for tests that want each one at least once. */
export const STRUCTURE_MUTATION_KINDS: readonly StructureMutation['kind'][] = [
  'delete-key', 'duplicate-key', 'swap-values', 'swap-keys', 'rename-key', 'change-type', 'raw-scalar', 'huge-string', 'deep-nesting', 'block-nesting',
  'goto-missing', 'cycle', 'duplicate-id', 'anchor-alias', 'alias-bomb', 'long-chain', 'prune', 'proto-name', 'expression', 'yaml-tag', 'documents',
  'complex-key', 'replies-count', 'root',
];

/** A place in the tree: entry `index` of a mapping (a pair) or a sequence (an item). */
interface Slot {
  parent: YAMLMap | YAMLSeq;
  index: number;
  path: (string | number)[];
}

type Doc = Document;

/** The working state of one mutated file. */
interface Work {
  doc: Doc;
  raws: Map<string, string>;
  prefix: string[];
  suffix: string[];
}

const keyText = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : '');

/** Every pair and sequence item, in document order (pre-order). Aliases are not followed. */
function slots(doc: Doc): Slot[] {
  const out: Slot[] = [];
  const childrenOf = (node: unknown, path: (string | number)[]): Slot[] => {
    if (isMap(node)) return node.items.map((pair, index) => ({ parent: node, index, path: [...path, keyText(pair)] }));
    if (isSeq(node)) return node.items.map((_, index) => ({ parent: node, index, path: [...path, index] }));
    return [];
  };
  // Reversed on the stack, so the first child comes off first.
  const stack = childrenOf(doc.contents, []).reverse();
  while (stack.length > 0) {
    const slot = stack.pop()!;
    out.push(slot);
    stack.push(...childrenOf(valueOf(slot), slot.path).reverse());
  }
  return out;
}

function valueOf(slot: Slot): unknown {
  const item = slot.parent.items[slot.index];
  return isMap(slot.parent) ? (item as Pair).value : item;
}

function setValue(slot: Slot, value: unknown): void {
  if (isMap(slot.parent)) (slot.parent.items[slot.index] as Pair).value = value;
  else slot.parent.items[slot.index] = value;
}

function choose<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** A plain scalar in the tree that is replaced by `raw` text once written. */
function raw(work: Work, text: string): Scalar {
  const marker = `FUZZRAW${work.raws.size}X`;
  work.raws.set(marker, text);
  return new Scalar(marker);
}

/** The mapping at a top-level key, or undefined. */
function topMap(work: Work, key: string): YAMLMap | undefined {
  const contents = work.doc.contents;
  if (!isMap(contents)) return undefined;
  const value = contents.get(key, true);
  return isMap(value) ? value : undefined;
}

function topScalar(work: Work, key: string): string | undefined {
  const contents = work.doc.contents;
  if (!isMap(contents)) return undefined;
  const value = contents.get(key, true);
  return isScalar(value) ? String(value.value) : undefined;
}

/** Every `goto` value and `start`, whatever their place. */
function gotoSlots(all: Slot[]): Slot[] {
  return all.filter((s) => isMap(s.parent) && ['goto', 'start'].includes(String(s.path[s.path.length - 1])) && isScalar(valueOf(s)));
}

/** Renames every `goto`/`start` equal to `from`. */
function retarget(all: Slot[], from: string, to: string): void {
  for (const s of gotoSlots(all)) {
    const v = valueOf(s);
    if (isScalar(v) && String(v.value) === from) v.value = to;
  }
}

function flowText(depth: number, style: 'seq' | 'map' | 'mixed'): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    const seq = style === 'seq' || (style === 'mixed' && i % 2 === 0);
    open.push(seq ? '[' : '{a: ');
    close.push(seq ? ']' : '}');
  }
  return `${open.join('')}x${close.reverse().join('')}`;
}

function bombText(levels: number, width: number, style: 'seq' | 'map'): string {
  const row = (items: string[]): string => (style === 'seq' ? `[${items.join(', ')}]` : `{${items.map((v, i) => `k${i}: ${v}`).join(', ')}}`);
  const parts = [`&lol0 ${row(new Array<string>(width).fill('lol'))}`];
  for (let l = 1; l <= levels; l++) parts.push(`&lol${l} ${row(new Array<string>(width).fill(`*lol${l - 1}`))}`);
  return style === 'seq' ? `[${parts.join(', ')}]` : `{${parts.map((p, i) => `b${i}: ${p}`).join(', ')}}`;
}

function hugeString(length: number, shape: 'words' | 'one-line' | 'lines' | 'unicode'): string {
  switch (shape) {
    case 'words':
      return 'word '.repeat(Math.ceil(length / 5)).slice(0, length).trim() || 'x';
    case 'one-line':
      return 'x'.repeat(length);
    case 'lines':
      return 'a line of text\n'.repeat(Math.ceil(length / 15)).slice(0, length);
    case 'unicode':
      return '\u{1f600}e\u0301\u202e\u05d0\u200b'.repeat(Math.ceil(length / 7)).slice(0, length);
  }
}

function expressionText(m: Extract<StructureMutation, { kind: 'expression' }>): string {
  switch (m.shape) {
    case 'parens':
      return `${'('.repeat(m.size)}mood${')'.repeat(m.size)}`;
    case 'nots':
      return `${'not '.repeat(m.size)}true`;
    case 'ors':
      return new Array<string>(m.size).fill('mood > 1').join(' or ');
    case 'minus':
      return `${'-'.repeat(m.size)}1 > 0`;
    case 'text':
      return m.text;
  }
}

function applyOne(work: Work, m: StructureMutation): void {
  const { doc } = work;
  const all = slots(doc);
  const mapSlots = all.filter((s) => isMap(s.parent));
  const nodes = topMap(work, 'nodes');
  const endings = topMap(work, 'endings');
  const nodePairs = nodes ? nodes.items.filter(isPair) : [];
  const endingPairs = endings ? endings.items.filter(isPair) : [];
  switch (m.kind) {
    case 'delete-key': {
      const s = choose(all, m.pick);
      if (s) s.parent.items.splice(s.index, 1);
      return;
    }
    case 'duplicate-key': {
      const s = choose(all, m.pick);
      if (!s) return;
      const item = s.parent.items[s.index];
      const copy: unknown = isPair(item) || isScalar(item) || isMap(item) || isSeq(item) ? item.clone() : item;
      (s.parent.items as unknown[]).splice(s.index + 1, 0, copy);
      return;
    }
    case 'swap-values': {
      const a = choose(all, m.pick);
      const b = choose(all, m.other);
      if (!a || !b || a === b) return;
      // Never put a node inside itself.
      const [va, vb] = [valueOf(a), valueOf(b)];
      if (isPrefix(a.path, b.path) || isPrefix(b.path, a.path)) return;
      setValue(a, vb);
      setValue(b, va);
      return;
    }
    case 'swap-keys': {
      const a = choose(mapSlots, m.pick);
      if (!a) return;
      const siblings = mapSlots.filter((s) => s.parent === a.parent && s !== a);
      const b = choose(siblings, m.other);
      if (!b) return;
      const pa = a.parent.items[a.index] as Pair;
      const pb = b.parent.items[b.index] as Pair;
      [pa.key, pb.key] = [pb.key, pa.key];
      return;
    }
    case 'rename-key': {
      const s = choose(mapSlots, m.pick);
      if (s) (s.parent.items[s.index] as Pair).key = new Scalar(m.name);
      return;
    }
    case 'change-type': {
      const s = choose(all, m.pick);
      if (s) setValue(s, doc.createNode(m.value));
      return;
    }
    case 'raw-scalar': {
      const numeric = all.filter((s) => {
        const v = valueOf(s);
        return isScalar(v) && typeof v.value === 'number';
      });
      const s = choose(m.numeric && numeric.length > 0 ? numeric : all, m.pick);
      if (s) setValue(s, raw(work, m.raw));
      return;
    }
    case 'huge-string': {
      const scalars = all.filter((s) => isScalar(valueOf(s)));
      const s = choose(scalars, m.pick);
      if (s) setValue(s, new Scalar(hugeString(m.length, m.shape)));
      return;
    }
    case 'deep-nesting': {
      const s = choose(all, m.pick);
      if (s) setValue(s, raw(work, flowText(m.depth, m.style)));
      return;
    }
    case 'block-nesting': {
      const lines = ['deep:'];
      for (let i = 1; i <= m.depth; i++) lines.push(`${'  '.repeat(i)}${m.style === 'seq' ? '-' : `k${i}:`}`);
      lines.push(`${'  '.repeat(m.depth + 1)}x`);
      work.suffix.push(`${lines.join('\n')}\n`);
      return;
    }
    case 'goto-missing': {
      const s = choose(gotoSlots(all), m.pick);
      if (s) setValue(s, new Scalar(m.id));
      return;
    }
    case 'cycle': {
      const nodePair = choose(nodePairs, m.pick);
      if (!nodePair) return;
      const id = keyText(nodePair);
      const start = topScalar(work, 'start') ?? id;
      const own = gotoSlots(all).filter((s) => s.path[0] === 'nodes' && s.path[1] === id);
      switch (m.variant) {
        case 'self':
        case 'start': {
          const s = choose(own, m.other);
          if (s) setValue(s, new Scalar(m.variant === 'self' ? id : start));
          return;
        }
        case 'all-self':
          for (const s of own) setValue(s, new Scalar(id));
          return;
        case 'branch-self':
          nodePair.value = doc.createNode({ branch: [{ if: 'mood > 50', goto: id }, { goto: id }] });
          return;
        case 'branch-loop': {
          const other = choose(nodePairs.filter((p) => p !== nodePair), m.other);
          if (!other) return;
          nodePair.value = doc.createNode({ branch: [{ goto: keyText(other) }] });
          other.value = doc.createNode({ branch: [{ if: 'mood < 200', goto: id }, { goto: id }] });
          return;
        }
      }
      return;
    }
    case 'duplicate-id': {
      const node = choose(nodePairs, m.pick);
      const ending = choose(endingPairs, m.other);
      if (m.variant === 'node-as-ending' && node && ending) {
        const old = keyText(node);
        node.key = new Scalar(keyText(ending));
        retarget(all, old, keyText(ending));
      } else if (m.variant === 'ending-as-node' && node && ending) {
        ending.key = new Scalar(keyText(node));
      } else if (m.variant === 'twin-node' && node && nodes) {
        const other = choose(nodePairs, m.other)!;
        const value = other.value;
        nodes.items.push(doc.createPair(keyText(node), isMap(value) || isSeq(value) || isScalar(value) ? value.clone() : value));
      }
      return;
    }
    case 'anchor-alias': {
      const collections = all.filter((s) => {
        const v = valueOf(s);
        return isMap(v) || isSeq(v) || isScalar(v);
      });
      const a = choose(collections, m.pick);
      if (!a) return;
      const source = valueOf(a) as Scalar | YAMLMap | YAMLSeq;
      if (m.variant === 'ancestor') {
        // An alias inside the very node it names: the data becomes circular.
        const inside = all.filter((s) => s.path.length > a.path.length && isPrefix(a.path, s.path));
        const b = choose(inside, m.other);
        if (b) setValue(b, doc.createAlias(source));
        return;
      }
      // The alias must come after its anchor in the file.
      const after = all.slice(all.indexOf(a) + 1).filter((s) => !isPrefix(a.path, s.path));
      const b = choose(after, m.other);
      if (b) setValue(b, doc.createAlias(source));
      return;
    }
    case 'alias-bomb': {
      const bomb = bombText(m.levels, m.width, m.style);
      const contents = doc.contents;
      const put = (key: string): void => {
        if (isMap(contents)) contents.set(key, raw(work, bomb));
      };
      switch (m.where) {
        case 'new-key':
          work.suffix.push(`lol: ${bomb}\n`);
          return;
        case 'tags':
        case 'objectives':
        case 'variables':
          put(m.where);
          return;
        case 'customer': {
          const customer = topMap(work, 'customer');
          if (customer) customer.set('name', raw(work, bomb));
          return;
        }
        case 'node': {
          const node = choose(nodePairs, m.levels);
          if (node) node.value = raw(work, bomb);
          return;
        }
        case 'reply': {
          const says = all.filter((s) => s.path.includes('replies') && s.path[s.path.length - 1] === 'say');
          const s = choose(says, m.levels * 7 + m.width);
          if (s) setValue(s, raw(work, bomb));
          return;
        }
      }
      return;
    }
    case 'long-chain': {
      if (!nodes) return;
      const target = m.variant === 'to-start' ? (topScalar(work, 'start') ?? 'nowhere') : (endingPairs[0] ? keyText(endingPairs[0]) : 'nowhere');
      for (let i = 0; i < m.length; i++) {
        const next = i === m.length - 1 ? target : `fz${i + 1}`;
        const value =
          m.variant === 'branch' ? { branch: [{ if: 'mood > 200', goto: target }, { goto: next }] }
          : m.variant === 'timed' ? { customer: `Step ${i}`, timeLimit: 1, onTimeout: { goto: next }, replies: [{ say: 'On', goto: next }] }
          : { customer: `Step ${i}`, replies: [{ say: 'On', goto: next }] };
        const node = doc.createNode(value);
        node.flow = true;
        nodes.items.push(doc.createPair(`fz${i}`, node));
      }
      if (isMap(doc.contents)) doc.contents.set('start', 'fz0');
      return;
    }
    case 'prune':
      for (const pair of nodePairs) {
        if (!isMap(pair.value)) continue;
        const replies = pair.value.get('replies', true);
        if (isSeq(replies)) replies.items.splice(m.keep);
      }
      return;
    case 'proto-name': {
      switch (m.what) {
        case 'node':
        case 'ending': {
          const pair = choose(m.what === 'node' ? nodePairs : endingPairs, m.pick);
          if (!pair) return;
          const old = keyText(pair);
          pair.key = new Scalar(m.name);
          retarget(all, old, m.name);
          return;
        }
        case 'variable': {
          const variables = topMap(work, 'variables');
          const pair = variables ? choose(variables.items.filter(isPair), m.pick) : undefined;
          if (!pair) {
            if (isMap(doc.contents)) doc.contents.set('variables', doc.createNode({ [m.name]: 0 }));
            return;
          }
          const old = keyText(pair);
          pair.key = new Scalar(m.name);
          const word = new RegExp(`\\b${old}\\b`, 'g');
          for (const s of all) {
            const v = valueOf(s);
            if (isScalar(v) && typeof v.value === 'string' && (s.path.includes('if') || s.path.includes('set'))) v.value = v.value.replace(word, m.name);
            const item = s.parent.items[s.index];
            if (isPair(item) && isScalar(item.key) && item.key.value === old && s.path.includes('set')) item.key = new Scalar(m.name);
          }
          return;
        }
        case 'dimension': {
          const scoring = topMap(work, 'scoring');
          if (!scoring) return;
          scoring.set('dimensions', doc.createNode({ [m.name]: { label: 'Odd' } }));
          const weights = scoring.get('weights', true);
          if (isMap(weights)) weights.set(m.name, 1);
          const node = choose(nodePairs, m.pick);
          const replies = node && isMap(node.value) ? node.value.get('replies', true) : undefined;
          const first = isSeq(replies) ? replies.items[0] : undefined;
          if (isMap(first)) first.set('score', doc.createNode({ [m.name]: 2 }));
          return;
        }
        case 'field': {
          const s = choose(mapSlots, m.pick);
          if (s) (s.parent.items[s.index] as Pair).key = new Scalar(m.name);
          return;
        }
      }
      return;
    }
    case 'expression': {
      const places = all.filter((s) => {
        const last = s.path[s.path.length - 1];
        const v = valueOf(s);
        return isScalar(v) && (last === 'if' || (s.path[s.path.length - 2] === 'set' && typeof v.value === 'string'));
      });
      const s = choose(places, m.pick);
      if (s) setValue(s, new Scalar(expressionText(m)));
      else {
        const reply = choose(all.filter((x) => x.path.includes('replies') && typeof x.path[x.path.length - 1] === 'number'), m.pick);
        const v = reply ? valueOf(reply) : undefined;
        if (isMap(v)) v.set('if', expressionText(m));
      }
      return;
    }
    case 'yaml-tag': {
      const s = choose(all, m.pick);
      if (s) setValue(s, raw(work, m.raw));
      return;
    }
    case 'documents':
      switch (m.variant) {
        case 'second-doc':
          work.suffix.push('---\nid: second-document\ntitle: Another\n');
          return;
        case 'directive':
          work.prefix.push('%YAML 1.1\n---\n');
          return;
        case 'end-marker':
          work.suffix.push('...\n');
          return;
        case 'tag-directive':
          work.prefix.push('%TAG !t! tag:example.com,2000:\n---\n');
          return;
        case 'empty-first':
          work.prefix.push('---\n---\n');
          return;
        case 'only-marker':
          work.prefix.push('--- ');
          return;
      }
      return;
    case 'complex-key': {
      const s = choose(mapSlots, m.pick);
      if (s) (s.parent.items[s.index] as Pair).key = doc.createNode(m.key);
      return;
    }
    case 'replies-count': {
      const node = choose(nodePairs, m.pick);
      if (!node || !isMap(node.value)) return;
      const replies = node.value.get('replies', true);
      const first = isSeq(replies) ? replies.items[0] : undefined;
      const seq = new YAMLSeq();
      for (let i = 0; i < m.count; i++) seq.items.push(isMap(first) ? first.clone() : doc.createNode({ say: `Reply ${i}`, goto: keyText(node) }));
      node.value.set('replies', seq);
      return;
    }
    case 'root':
      switch (m.variant) {
        case 'list':
          doc.contents = doc.createNode(['id', 'title']);
          return;
        case 'scalar':
          doc.contents = new Scalar('just text');
          return;
        case 'null':
          doc.contents = new Scalar(null);
          return;
        case 'wrap': {
          const seq = new YAMLSeq();
          seq.items.push(doc.contents);
          doc.contents = seq;
          return;
        }
      }
  }
}

/**
 * An alias whose anchored node a later mutation deleted can't be written by
 * the YAML writer; it goes in as raw text (`*a1`), an alias to nothing, which
 * is one more thing a broken file can hold.
 */
function keepDanglingAliases(work: Work): void {
  const anchors = new Set<string>();
  const aliases: { holder: Slot | null; name: string }[] = [];
  const note = (node: unknown, holder: Slot | null): void => {
    if (isAlias(node)) aliases.push({ holder, name: node.source });
    else if ((isMap(node) || isSeq(node) || isScalar(node)) && node.anchor) anchors.add(node.anchor);
  };
  note(work.doc.contents, null);
  for (const slot of slots(work.doc)) {
    note(valueOf(slot), slot);
    const item = slot.parent.items[slot.index];
    if (isPair(item)) note(item.key, null);
  }
  for (const { holder, name } of aliases) {
    if (anchors.has(name)) continue;
    if (holder) setValue(holder, raw(work, `*${name}`));
    else work.doc.contents = raw(work, `*${name}`);
  }
}

function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/**
 * Parses `text`, applies the mutations in order and writes YAML again (long
 * lines are never folded, so a long string stays one long line).
 */
export function applyStructureMutations(text: string, mutations: readonly StructureMutation[]): string {
  const work: Work = { doc: parseDocument(text), raws: new Map(), prefix: [], suffix: [] };
  for (const m of mutations) applyOne(work, m);
  keepDanglingAliases(work);
  let out = work.doc.toString({ lineWidth: 0, minContentWidth: 0 });
  for (const [marker, rawText] of work.raws) out = out.split(marker).join(rawText);
  if (!out.endsWith('\n')) out += '\n';
  return `${work.prefix.join('')}${out}${work.suffix.join('')}`;
}
