/**
 * The reference: the same generated graph written as an ink story, compiled
 * with inkjs's compiler and played with random choices.
 *
 * Mapping (bench/generate.ts graph → ink):
 * - variables → `VAR b0 = false`, `VAR c0 = 0`, plus `VAR mood = 50`;
 * - a dialogue node → a knot: the customer line, then one sticky choice
 *   `+ {cond} [say]` per reply (sticky, because our replies are offered again
 *   when a loop comes back; ink's `*` choices would be used up), followed by
 *   `~ mood = MIN(MAX(mood + d, 0), 100)`, the `~ x = …` sets and `-> target`;
 * - a branch node → a knot holding one multi-line conditional of diverts
 *   (`{ - cond: -> a  - else: -> b }`);
 * - an ending → a knot with the last line and `-> END`.
 * Timers have no ink counterpart; ours are played with timers off.
 */
import { Compiler, Story } from 'inkjs/full';
import type { GenGraph } from './generate.ts';
import { playFor, retainedMB, type PlayFigures } from './measure.ts';

/** Writes the graph as ink source. */
export function graphToInk(graph: GenGraph): string {
  const out: string[] = [];
  for (const b of graph.booleans) out.push(`VAR ${b} = false`);
  for (const c of graph.counters) out.push(`VAR ${c} = 0`);
  out.push(`VAR mood = ${graph.startMood}`, '', `-> ${graph.nodes[0]!.id}`, '');
  for (const node of graph.nodes) {
    out.push(`=== ${node.id} ===`);
    if (node.kind === 'branch') {
      out.push('{');
      for (const r of node.routes) out.push(r.if ? `- ${r.if}: -> ${r.goto}` : `- else: -> ${r.goto}`);
      out.push('}', '');
      continue;
    }
    out.push(node.customer);
    for (const r of node.replies) {
      out.push(`+ ${r.if ? `{${r.if}} ` : ''}[${r.say}]`);
      if (r.mood !== 0) out.push(`  ~ mood = MIN(MAX(mood + ${r.mood}, 0), 100)`);
      for (const a of r.set) out.push(`  ~ ${a.name} = ${a.value}`);
      out.push(`  -> ${r.goto}`);
    }
    out.push('');
  }
  for (const e of graph.endings) out.push(`=== ${e.id} ===`, e.customer, '-> END', '');
  return out.join('\n');
}

/** Compiles ink source; throws with the compiler's messages when it fails. */
export function compileInk(source: string): Story {
  const compiler = new Compiler(source);
  let story: Story | null = null;
  try {
    story = compiler.Compile();
  } catch (error) {
    if (compiler.errors.length === 0) throw error;
  }
  if (!story || compiler.errors.length > 0) throw new Error(`ink compile failed: ${compiler.errors.slice(0, 5).join('; ')}`);
  return story;
}

/** Plays random playthroughs for about `ms` milliseconds; counts playthroughs and choices. */
export function playInk(story: Story, ms: number, seed = 7): PlayFigures {
  return playFor(ms, seed, (pick) => {
    let choices = 0;
    story.ResetState();
    for (;;) {
      story.ContinueMaximally();
      const n = story.currentChoices.length;
      if (n === 0) break;
      story.ChooseChoiceIndex(pick(n));
      choices++;
    }
    return choices;
  });
}

export interface InkResult {
  inkBytes: number;
  /** Compile times (ms), one per run. */
  compileMs: number[];
  /** Loading the compiled JSON into a Story (the usual shipping path), ms. */
  loadJsonMs: number;
  /** Heap retained by the Story loaded from the compiled JSON (MB), when gc is available. */
  heapMB: number | null;
  /** The story, loaded from the compiled JSON, ready to play. */
  story: Story;
}

/** Compiles the ink version of a graph `runs` times and loads the result from JSON. */
export function runInk(graph: GenGraph, options: { runs: number; gc?: () => void }): InkResult {
  const source = graphToInk(graph);
  const compileMs: number[] = [];
  let story: Story | null = null;
  let heapMB: number | null = null;
  for (let i = 0; i < options.runs; i++) {
    const t0 = performance.now();
    story = compileInk(source);
    compileMs.push(performance.now() - t0);
  }
  const json = story!.ToJson()!;
  story = null;
  // What a game keeps to play: the story loaded from the compiled JSON.
  let loadJsonMs = 0;
  const loadJson = (): Story => {
    const t0 = performance.now();
    const loaded = new Story(json);
    loadJsonMs = performance.now() - t0;
    return loaded;
  };
  let loaded: Story;
  if (options.gc) {
    const measured = retainedMB(options.gc, loadJson);
    heapMB = measured.mb;
    loaded = measured.value;
  } else {
    loaded = loadJson();
  }
  return { inkBytes: source.length, compileMs, loadJsonMs, heapMB, story: loaded };
}
