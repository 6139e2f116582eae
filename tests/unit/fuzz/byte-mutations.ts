/**
 * Byte-level mutations: what a bad save, a wrong encoding, a stray keystroke
 * or a copy from a web page does to a file. Each mutation is plain data (so
 * fast-check can print and replay it); `at` numbers are taken modulo the
 * file's length when applied, so any number is a valid position.
 */
import fc from 'fast-check';

export type ByteMutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'tab'; at: number; lineStart: boolean }
  | { kind: 'nul'; at: number }
  | { kind: 'invalid-utf8'; at: number; bytes: number[] }
  | { kind: 'crlf'; everyLine: boolean; at: number }
  | { kind: 'lone-cr'; at: number }
  | { kind: 'bom'; bytes: number[]; atStart: boolean; at: number }
  | { kind: 'text'; at: number; text: string }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'indent'; at: number; by: number };

const at = fc.nat();

/** Sequences no UTF-8 decoder accepts: stray continuation bytes, overlongs, surrogates, cut-off characters, 0xFE/0xFF. */
const INVALID_UTF8 = [[0xff], [0xfe], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3]];

/** Byte order marks: UTF-8 (the one editors write), UTF-16 LE/BE and UTF-32 LE (a file saved in the wrong encoding). */
const BOMS = [[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0x00, 0x00]];

/** Text a keystroke or a paste adds: YAML's special characters, and Unicode that is unusual in a YAML file. */
const INSERTED_TEXT = [
  ':', ': ', '-', '- ', '#', ' #', '&', '*', '!', '|', '>', '%', '@', '`', '{', '}', '[', ']', ',', '?', "'", '"', '\\', '---', '...', '\n', '\n  ', ' ', '<<: ',
  '\u2028', '\u2029', '\u0085', '\u00a0', '\u200b', '\u200f', '\u202e', '\ufeff', '\ufffe', '\u{1f600}', 'e\u0301', '\u{10ffff}', '\u0007', '\u001b[31m', '\u000b', '\u000c',
];

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('tab' as const), at, lineStart: fc.boolean() }),
  fc.record({ kind: fc.constant('nul' as const), at }),
  fc.record({ kind: fc.constant('invalid-utf8' as const), at, bytes: fc.constantFrom(...INVALID_UTF8) }),
  fc.record({ kind: fc.constant('crlf' as const), everyLine: fc.boolean(), at }),
  fc.record({ kind: fc.constant('lone-cr' as const), at }),
  fc.record({ kind: fc.constant('bom' as const), bytes: fc.constantFrom(...BOMS), atStart: fc.boolean(), at }),
  fc.record({ kind: fc.constant('text' as const), at, text: fc.constantFrom(...INSERTED_TEXT) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at }),
  fc.record({ kind: fc.constant('delete-line' as const), at }),
  fc.record({ kind: fc.constant('swap-lines' as const), at, other: at }),
  fc.record({ kind: fc.constant('indent' as const), at, by: fc.integer({ min: -6, max: 6 }) }),
);

/** Every kind, for tests that want each one at least once. */
export const BYTE_MUTATION_KINDS: readonly ByteMutation['kind'][] = [
  'flip', 'insert', 'delete', 'truncate', 'tab', 'nul', 'invalid-utf8', 'crlf', 'lone-cr', 'bom', 'text', 'duplicate-line', 'delete-line', 'swap-lines', 'indent',
];

const NL = 0x0a;

function splice(bytes: Uint8Array, start: number, remove: number, insert: ArrayLike<number> = []): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(start + remove), start + insert.length);
  return out;
}

/** Start offsets of every line (after each "\n"), the first line included. */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === NL && i + 1 < bytes.length) starts.push(i + 1);
  return starts;
}

/** The bytes of line `n` (mod the line count), with its "\n", as [start, end). */
function lineRange(bytes: Uint8Array, n: number): [number, number] {
  const starts = lineStarts(bytes);
  const start = starts[n % starts.length]!;
  let end = bytes.indexOf(NL, start);
  end = end < 0 ? bytes.length : end + 1;
  return [start, end];
}

/** Applies one mutation; the input is never changed. */
export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const pos = (n: number): number => (bytes.length === 0 ? 0 : n % (bytes.length + 1));
  const inside = (n: number): number => (bytes.length === 0 ? 0 : n % bytes.length);
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = inside(m.at);
      out[i] = out[i]! ^ (1 << m.bit);
      return out;
    }
    case 'insert':
      return splice(bytes, pos(m.at), 0, m.bytes);
    case 'delete': {
      const start = inside(m.at);
      return splice(bytes, start, Math.min(m.length, bytes.length - start));
    }
    case 'truncate':
      return bytes.slice(0, pos(m.at));
    case 'tab':
      return splice(bytes, m.lineStart ? lineRange(bytes, m.at)[0] : pos(m.at), 0, [0x09]);
    case 'nul':
      return splice(bytes, pos(m.at), 0, [0x00]);
    case 'invalid-utf8':
      return splice(bytes, pos(m.at), 0, m.bytes);
    case 'crlf': {
      if (!m.everyLine) {
        const [, end] = lineRange(bytes, m.at);
        return bytes[end - 1] === NL ? splice(bytes, end - 1, 0, [0x0d]) : bytes;
      }
      const out: number[] = [];
      for (const b of bytes) {
        if (b === NL) out.push(0x0d);
        out.push(b);
      }
      return Uint8Array.from(out);
    }
    case 'lone-cr': {
      // Turns one "\n" into "\r" (old Mac line ending), or adds one.
      const [, end] = lineRange(bytes, m.at);
      if (bytes[end - 1] !== NL) return splice(bytes, pos(m.at), 0, [0x0d]);
      const out = bytes.slice();
      out[end - 1] = 0x0d;
      return out;
    }
    case 'bom':
      return splice(bytes, m.atStart ? 0 : pos(m.at), 0, m.bytes);
    case 'text':
      return splice(bytes, pos(m.at), 0, new TextEncoder().encode(m.text));
    case 'duplicate-line': {
      const [start, end] = lineRange(bytes, m.at);
      return splice(bytes, end, 0, bytes.slice(start, end));
    }
    case 'delete-line': {
      const [start, end] = lineRange(bytes, m.at);
      return splice(bytes, start, end - start);
    }
    case 'swap-lines': {
      let [a, b] = [lineRange(bytes, m.at), lineRange(bytes, m.other)];
      if (a[0] === b[0]) return bytes;
      if (a[0] > b[0]) [a, b] = [b, a];
      const first = bytes.slice(a[0], a[1]);
      const second = bytes.slice(b[0], b[1]);
      const middle = bytes.slice(a[1], b[0]);
      return splice(bytes, a[0], b[1] - a[0], [...second, ...middle, ...first]);
    }
    case 'indent': {
      const [start, end] = lineRange(bytes, m.at);
      if (m.by >= 0) return splice(bytes, start, 0, new Array<number>(m.by).fill(0x20));
      let spaces = 0;
      while (spaces < -m.by && start + spaces < end && bytes[start + spaces] === 0x20) spaces++;
      return splice(bytes, start, spaces);
    }
  }
}

/** Applies mutations in order. */
export function applyByteMutations(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  return mutations.reduce(applyByteMutation, bytes);
}
