/**
 * Generates large random scenarios for the benchmarks: valid, lint-clean
 * (no errors, no warnings), repeatable (seeded PRNG).
 *
 * Shape of a generated scenario with N nodes (ids n0..n{N-1}, endings e0..):
 * - every dialogue node has one unconditional reply that goes forward
 *   (to the next node, or to an ending from the last node), so every node is
 *   reachable from n0 and, whatever the state, the player can always move
 *   forward to an ending (no dead ends, no traps);
 * - the other replies jump forward, loop back (usually behind an `if`) or end
 *   the conversation; some are guarded by conditions on booleans, bounded
 *   counters (`c0 < 3` guards every `c0 + 1`) and mood, and some `set` variables;
 * - about 10% are branch nodes whose routes all go forward (no branch loops);
 * - about 20% have a reply timer (30 s, long enough to read the node), half of
 *   them with an `onTimeout` that moves on;
 * - every ending has an unconditional reply leading to it; every decision
 *   offers replies of at least two different tacts.
 *
 * The same graph is also returned as a plain model so bench/ink.ts can write
 * the equivalent ink story.
 *
 * @example
 * const { yaml, graph } = generateScenario({ nodes: 5000, seed: 1 });
 */
import { stringify } from 'yaml';
import { BUILT_IN_GOOD, BUILT_IN_POOR } from '../src/scenario/index.ts';

/** A small, fast, seedable PRNG (mulberry32). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** Number of nodes under `nodes:` (dialogue + branch). Endings come on top. */
  nodes: number;
  seed?: number;
  /** Boolean variables (default 6). */
  booleans?: number;
  /** Counter variables (default 3), each bounded by the `if` on its increments. */
  counters?: number;
  /** Largest value a counter reaches (default 3). */
  counterLimit?: number;
  /** Allow `mood` in conditions (default true). */
  moodConditions?: boolean;
}

/** One assignment, as written in `set` (value: a literal, or expression text). */
export interface GenAssignment {
  name: string;
  value: boolean | string;
}
export interface GenReply {
  say: string;
  goto: string;
  if?: string;
  tact: number;
  mood: number;
  set: GenAssignment[];
}
export type GenNode =
  | { kind: 'dialogue'; id: string; customer: string; replies: GenReply[]; timed: boolean; onTimeout?: { mood: number; goto: string } }
  | { kind: 'branch'; id: string; routes: { if?: string; goto: string }[] };
export interface GenEnding {
  id: string;
  customer: string;
  outcome: 'satisfied' | 'neutral' | 'dissatisfied' | 'escalated' | 'lost';
}
/** The generated scenario as a plain graph (what bench/ink.ts converts). */
export interface GenGraph {
  startMood: number;
  booleans: string[];
  counters: string[];
  nodes: GenNode[];
  endings: GenEnding[];
}

const WORDS = (
  'sorry refund receipt order broken late parcel manager policy week store card fee charge delivery warranty ' +
  'repair replace today again never always please thanks help check email phone account problem wait minute ' +
  'understand option offer voucher credit booking ticket seat room table bill price item box size colour'
).split(' ');
const OUTCOMES = ['satisfied', 'neutral', 'dissatisfied', 'escalated', 'lost'] as const;
const TECHNIQUES = [...BUILT_IN_GOOD, ...BUILT_IN_POOR];

/** Builds the random graph. */
export function generateGraph(options: GenerateOptions): GenGraph {
  const n = options.nodes;
  if (n < 2) throw new Error('need at least 2 nodes');
  const rand = mulberry32(options.seed ?? 1);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const sentence = (words: number): string => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(pick(WORDS));
    const text = out.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };

  const booleans = Array.from({ length: options.booleans ?? 6 }, (_, i) => `b${i}`);
  const counters = Array.from({ length: options.counters ?? 3 }, (_, i) => `c${i}`);
  const limit = options.counterLimit ?? 3;
  const moodConditions = options.moodConditions ?? true;
  const endingCount = Math.max(3, Math.round(n / 50));
  const endings: GenEnding[] = Array.from({ length: endingCount }, (_, i) => ({
    id: `e${i}`, customer: sentence(int(4, 9)), outcome: OUTCOMES[i % OUTCOMES.length]!,
  }));
  const id = (i: number): string => `n${i}`;
  const randomEnding = (): string => pick(endings).id;
  /** A forward target from node i: a later node, or an ending past the last node. */
  const forward = (i: number, maxJump: number): string => {
    const j = i + int(1, maxJump);
    return j < n ? id(j) : randomEnding();
  };

  const condition = (): string => {
    const r = rand();
    if (booleans.length > 0 && r < 0.35) return rand() < 0.5 ? pick(booleans) : `not ${pick(booleans)}`;
    if (counters.length > 0 && r < 0.6) return `${pick(counters)} ${pick(['>=', '<', '=='])} ${int(0, limit)}`;
    if (moodConditions && r < 0.8) return `mood ${pick(['>=', '<'])} ${5 * int(4, 14)}`;
    if (booleans.length > 0 && counters.length > 0) return `${pick(booleans)} and ${pick(counters)} > 0`;
    return booleans.length > 0 ? pick(booleans) : 'mood > 50';
  };

  const nodes: GenNode[] = [];
  const dialogueIds: number[] = [];
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const next = last ? randomEnding() : id(i + 1);
    if (i > 0 && rand() < 0.1) {
      // Branch node: every route goes forward, the fallback to the next node.
      const routes: { if?: string; goto: string }[] = [];
      const conditional = int(1, 2);
      for (let k = 0; k < conditional; k++) routes.push({ if: condition(), goto: forward(i, 20) });
      routes.push({ goto: next });
      nodes.push({ kind: 'branch', id: id(i), routes });
      continue;
    }
    dialogueIds.push(i);
    const count = int(2, 4);
    const replies: GenReply[] = [];
    const reply = (goto: string, extra: Partial<GenReply> = {}): GenReply => ({
      say: sentence(int(3, 8)), goto, tact: int(-3, 3), mood: 5 * int(-4, 4), set: [], ...extra,
    });
    replies.push(reply(next)); // the way forward: unconditional
    for (let k = 1; k < count; k++) {
      const r = rand();
      let goto: string;
      let guard: string | undefined;
      if (r < 0.12) goto = randomEnding();
      else if (r < 0.4 && i > 0) {
        goto = id(Math.max(0, i - int(1, 60))); // a loop back: usually behind a condition
        if (rand() < 0.7) guard = condition();
      } else {
        goto = forward(i, 30);
        if (rand() < 0.4) guard = condition();
      }
      const set: GenAssignment[] = [];
      if (rand() < 0.35) {
        if (counters.length > 0 && rand() < 0.5) {
          const c = pick(counters);
          set.push({ name: c, value: `${c} + 1` });
          guard = guard ? `${guard} and ${c} < ${limit}` : `${c} < ${limit}`;
        } else if (booleans.length > 0) {
          set.push({ name: pick(booleans), value: rand() < 0.7 });
        }
      }
      replies.push(reply(goto, { ...(guard ? { if: guard } : {}), set }));
    }
    // At least two different tacts, so every choice teaches something.
    if (replies.every((x) => x.tact === replies[0]!.tact)) replies[1]!.tact = replies[0]!.tact === 3 ? 2 : replies[0]!.tact + 1;
    // Shuffle so the way forward is not always reply 1.
    for (let k = replies.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [replies[k], replies[j]] = [replies[j]!, replies[k]!];
    }
    const timed = rand() < 0.2;
    nodes.push({
      kind: 'dialogue', id: id(i), customer: sentence(int(5, 14)), replies, timed,
      ...(timed && rand() < 0.5 ? { onTimeout: { mood: -10, goto: next } } : {}),
    });
  }
  // Every ending gets an unconditional reply leading to it (when the node has room).
  for (const ending of endings) {
    for (let tries = 0; tries < 50; tries++) {
      const node = nodes[pick(dialogueIds)] as Extract<GenNode, { kind: 'dialogue' }>;
      if (node.replies.length >= 9) continue;
      node.replies.push({ say: sentence(int(3, 8)), goto: ending.id, tact: int(-3, 3), mood: 5 * int(-4, 4), set: [] });
      break;
    }
  }
  return { startMood: 50, booleans, counters, nodes, endings };
}

/** Writes a graph as scenario YAML (format v1). */
export function graphToYaml(graph: GenGraph, seed = 1): string {
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const variables: Record<string, boolean | number> = {};
  for (const b of graph.booleans) variables[b] = false;
  for (const c of graph.counters) variables[c] = 0;
  const nodes: Record<string, unknown> = {};
  for (const node of graph.nodes) {
    if (node.kind === 'branch') {
      nodes[node.id] = { branch: node.routes.map((r) => (r.if ? { if: r.if, goto: r.goto } : { goto: r.goto })) };
      continue;
    }
    nodes[node.id] = {
      customer: node.customer,
      ...(node.timed ? { timeLimit: '30s' } : {}),
      ...(node.onTimeout ? { onTimeout: { mood: node.onTimeout.mood, goto: node.onTimeout.goto } } : {}),
      replies: node.replies.map((r) => {
        const techniques = rand() < 0.5 ? [TECHNIQUES[Math.floor(rand() * TECHNIQUES.length)]!] : [];
        return {
          say: r.say,
          ...(r.if ? { if: r.if } : {}),
          tact: r.tact,
          ...(r.mood !== 0 ? { mood: r.mood } : {}),
          ...(r.set.length > 0 ? { set: Object.fromEntries(r.set.map((a) => [a.name, a.value])) } : {}),
          ...(techniques.length > 0 ? { techniques } : {}),
          goto: r.goto,
          ...(rand() < 0.3 ? { feedback: 'Generated feedback for the debrief.' } : {}),
        };
      }),
    };
  }
  const endings: Record<string, unknown> = {};
  for (const e of graph.endings) endings[e.id] = { customer: e.customer, outcome: e.outcome, feedback: 'Generated ending.' };
  const doc = {
    id: `bench-${graph.nodes.length}`,
    title: `Generated benchmark scenario (${graph.nodes.length} nodes)`,
    summary: 'Random scenario for the performance benchmark.',
    difficulty: 3,
    customer: { name: 'Bench', mood: graph.startMood },
    variables,
    start: graph.nodes[0]!.id,
    nodes,
    endings,
  };
  return stringify(doc, { lineWidth: 0 });
}

/** A generated scenario: the YAML text and the graph it encodes. */
export function generateScenario(options: GenerateOptions): { yaml: string; graph: GenGraph } {
  const graph = generateGraph(options);
  return { yaml: graphToYaml(graph, options.seed ?? 1), graph };
}

// `tsx bench/generate.ts 500 [seed]` prints a scenario.
if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 50);
  process.stdout.write(generateScenario({ nodes: size, seed: Number(process.argv[3] ?? 1) }).yaml);
}
