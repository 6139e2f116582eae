/**
 * Engine benchmark: load (parse + validate + lint + compile), memory and
 * random playthroughs of generated scenarios of 500, 5,000 and 20,000 nodes,
 * against inkjs compiling and playing the same graph (bench/ink.ts).
 *
 * `runEngineBench()` returns the "## Engine" markdown section; `npm run bench`
 * (bench/run.ts) prints it and writes it into docs/performance.md.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import os from 'node:os';
import { createActor } from 'xstate';
import { buildCatalogue, offeredReplies, parseScenarioSource, type DialogueNode } from '../src/scenario/index.ts';
import { compileMachine, loadScenario, type CompiledScenario } from '../src/engine/index.ts';
import { readSource } from '../src/scenario/source.ts';
import { normalise } from '../src/scenario/normalise.ts';
import { analyse } from '../src/scenario/analysis.ts';
import { SteppedClock, startConversation } from '../src/engine/index.ts';
import { generateScenario } from './generate.ts';
import { playInk, runInk, type InkResult } from './ink.ts';
import { playFor, retainedMB, type PlayFigures } from './measure.ts';

/** A garbage collector, exposed at run time so `tsx bench/run.ts` needs no flag. */
export function exposeGc(): (() => void) | undefined {
  // Without bytecode flushing, a GC does not free unrelated compiled code, which
  // would otherwise offset the heap deltas measured around a load.
  setFlagsFromString('--no-flush-bytecode');
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose_gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Playing rounds per size (each player gets playMs / PLAY_ROUNDS per round). */
const PLAY_ROUNDS = 7;

/** The round with the median choices per second. */
function medianRound(rounds: PlayFigures[]): PlayFigures {
  const sorted = [...rounds].sort((a, b) => a.choices / a.seconds - b.choices / b.seconds);
  return sorted[sorted.length >> 1]!;
}

export interface SizeResult {
  nodes: number;
  endings: number;
  replies: number;
  yamlBytes: number;
  warnings: number;
  exact: boolean;
  states: number;
  /** Medians, ms. */
  loadMs: number;
  loadRunsMs: number[];
  phases: { read: number; schema: number; normalise: number; analyse: number; problems: number; compile: number };
  /** checkScenario (read + validate + lint), ms. */
  lintMs: number;
  heapMB: number | null;
  playApi: PlayFigures;
  playActor: PlayFigures;
  meanChoices: number;
  ink: Omit<InkResult, 'story'> & { play: PlayFigures };
}

/** Times `fn` `runs` times; returns each duration and the last value. */
function timed<T>(runs: number, fn: () => T): { ms: number[]; value: T } {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    ms.push(performance.now() - t0);
  }
  return { ms, value };
}

/** Random playthroughs through the Conversation API (what the game and CLI use). */
export function playConversations(compiled: CompiledScenario, ms: number, seed = 7): PlayFigures {
  return playFor(ms, seed, (pick) => {
    let choices = 0;
    const talk = startConversation(compiled, { clock: new SteppedClock(), timers: 'off' });
    while (!talk.ended) {
      const n = talk.view().replies.length;
      if (!talk.reply(1 + pick(n))) throw new Error(`reply refused at ${talk.context.node}`);
      choices++;
    }
    if (!talk.result()) throw new Error('ended without a result');
    talk.stop();
    return choices;
  });
}

/** Random playthroughs sending REPLY events straight to the XState actor. */
export function playActor(compiled: CompiledScenario, ms: number, seed = 7): PlayFigures {
  const { scenario } = compiled;
  return playFor(ms, seed, (pick) => {
    let choices = 0;
    const actor = createActor(compiled.machine, { input: { timers: 'off' } });
    actor.start();
    for (;;) {
      const snapshot = actor.getSnapshot();
      if (snapshot.status === 'done') break;
      const node = scenario.nodes[snapshot.context.node] as DialogueNode;
      const n = offeredReplies(node, snapshot.context).length;
      actor.send({ type: 'REPLY', reply: 1 + pick(n) });
      choices++;
    }
    actor.stop();
    return choices;
  });
}

/** Load figures for a variant whose state walk completes (few variables, no mood conditions). */
export interface VariantResult {
  nodes: number;
  label: string;
  loadMs: number;
  lintMs: number;
  analyseMs: number;
  exact: boolean;
  states: number;
}

/** Loads a variant with a small state space, so the linter's walk is exact (load figures only). */
export function benchExactVariant(nodes: number, seed: number): VariantResult {
  const { catalogue } = buildCatalogue();
  const { yaml } = generateScenario({ nodes, seed, booleans: 1, counters: 1, counterLimit: 1, moodConditions: false });
  const file = `bench-exact-${nodes}.yaml`;
  const load = timed(3, () => loadScenario(file, yaml, catalogue));
  const compiled = load.value.compiled;
  if (!compiled) throw new Error(`generated variant has errors: ${JSON.stringify(load.value.problems.slice(0, 3))}`);
  const an = timed(3, () => analyse(compiled.scenario));
  const comp = timed(1, () => compileMachine(compiled.scenario));
  return {
    nodes, label: '1 boolean, 1 counter (0..1), no mood conditions', loadMs: median(load.ms), lintMs: median(load.ms) - median(comp.ms),
    analyseMs: median(an.ms), exact: compiled.analysis.exact, states: compiled.analysis.states,
  };
}

export interface EngineBenchOptions {
  sizes?: number[];
  seed?: number;
  /** Playing time per measurement, ms. */
  playMs?: number;
  log?: (line: string) => void;
}

/** Measures one size. */
export function benchSize(nodes: number, options: { seed: number; playMs: number; gc?: () => void; log: (l: string) => void }): SizeResult {
  const { seed, playMs, gc, log } = options;
  const { catalogue } = buildCatalogue();
  const { yaml, graph } = generateScenario({ nodes, seed });
  const file = `bench-${nodes}.yaml`;
  // Big sizes take seconds per load: fewer runs keep the whole bench within minutes.
  const runs = nodes <= 500 ? 15 : nodes <= 5000 ? 3 : 1;
  log(`  ${nodes} nodes: ${(yaml.length / 1e6).toFixed(2)} MB of YAML, ${runs} load run(s)…`);

  // The headline: loadScenario, from text to a playable machine. (runEngineBench
  // warms the code up on a small scenario first.)
  // Heap the loaded scenario retains (model + analysis + machine), measured in
  // its own frame so no earlier result is still referenced from a register.
  // The first timed run also measures the heap the loaded scenario retains
  // (model + analysis + machine). It must be the first load of this text:
  // measured again, part of the previous result is freed inside the window.
  const loadMs: number[] = [];
  let loaded!: ReturnType<typeof loadScenario>;
  const timedLoad = (): ReturnType<typeof loadScenario> => {
    const t0 = performance.now();
    const value = loadScenario(file, yaml, catalogue);
    loadMs.push(performance.now() - t0);
    return value;
  };
  let heapMB: number | null = null;
  if (gc) {
    const measured = retainedMB(gc, timedLoad);
    heapMB = measured.mb;
    loaded = measured.value;
  }
  for (let i = gc ? 1 : 0; i < runs; i++) loaded = timedLoad();
  if (!loaded.compiled) throw new Error(`generated scenario has errors: ${JSON.stringify(loaded.problems.slice(0, 3))}`);
  const compiled = loaded.compiled;

  // Phase breakdown: the stages checkScenario and loadScenario run, called one by one.
  const read = timed(runs, () => readSource(file, yaml));
  const source = read.value.source!;
  const schema = timed(runs, () => parseScenarioSource(source.data));
  if (!schema.value.success) throw new Error('schema failed');
  const data = schema.value.data;
  const norm = timed(runs, () => normalise(source, data, catalogue));
  const scenario = norm.value.scenario!;
  const an = timed(runs, () => analyse(scenario));
  const comp = timed(runs, () => compileMachine(scenario));
  const phases = {
    read: median(read.ms), schema: median(schema.ms), normalise: median(norm.ms), analyse: median(an.ms),
    problems: 0, compile: median(comp.ms),
  };
  const loadMedian = median(loadMs);
  const lintMs = Math.max(0, loadMedian - phases.compile);
  phases.problems = Math.max(0, lintMs - phases.read - phases.schema - phases.normalise - phases.analyse);

  log(`  ${nodes} nodes: ink compile…`);
  const ink = runInk(graph, { runs: nodes <= 500 ? 5 : nodes <= 5000 ? 3 : 1, gc });

  // Playthroughs: the three players take turns in short rounds with the same seed
  // (so they walk the same paths), and each reports its median round: a burst of
  // other work on the machine then hits all three alike.
  log(`  ${nodes} nodes: playing…`);
  const roundMs = playMs / PLAY_ROUNDS;
  playConversations(compiled, 200);
  playActor(compiled, 200);
  playInk(ink.story, 200);
  const rounds: { api: PlayFigures; actor: PlayFigures; ink: PlayFigures }[] = [];
  for (let r = 0; r < PLAY_ROUNDS; r++) {
    rounds.push({
      api: playConversations(compiled, roundMs, 7 + r),
      actor: playActor(compiled, roundMs, 7 + r),
      ink: playInk(ink.story, roundMs, 7 + r),
    });
  }
  const playApi = medianRound(rounds.map((x) => x.api));
  const playAct = medianRound(rounds.map((x) => x.actor));
  const playInkFigures = medianRound(rounds.map((x) => x.ink));

  return {
    nodes,
    endings: graph.endings.length,
    replies: graph.nodes.reduce((n, x) => n + (x.kind === 'dialogue' ? x.replies.length : 0), 0),
    yamlBytes: yaml.length,
    warnings: loaded.problems.length,
    exact: compiled.analysis.exact,
    states: compiled.analysis.states,
    loadMs: loadMedian,
    loadRunsMs: loadMs,
    phases,
    lintMs,
    heapMB,
    playApi,
    playActor: playAct,
    meanChoices: playApi.choices / playApi.playthroughs,
    ink: { ...ink, play: playInkFigures },
  };
}

const f0 = (x: number): string => Math.round(x).toLocaleString('en-GB');
const f1 = (x: number): string => x.toFixed(1);
const rate = (p: { choices: number; seconds: number }): number => p.choices / p.seconds;
const ok = (met: boolean): string => (met ? '**met**' : '**missed**');

/** Formats the results as the "## Engine" markdown section. */
export function engineMarkdown(
  results: SizeResult[],
  meta: { date: string; seconds: number; gc: boolean; load: [number, number]; variants: VariantResult[] },
): string {
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  lines.push('## Engine', '');
  lines.push(
    `Measured ${meta.date} on ${os.cpus().length} cores (${cpu}), Node ${process.version}, ` +
      `by \`npm run bench\` (bench/engine.ts, bench/ink.ts; ${Math.round(meta.seconds)} s). ` +
      'Scenarios come from bench/generate.ts (seed 1): booleans, bounded counters, `if` on replies, `set`, ' +
      'branch nodes (~10%), timers (~20%), one ending per 50 nodes; every node reachable and able to end; lint-clean.',
    '',
  );
  const cores = os.cpus().length;
  lines.push(
    `Load average (1 min) at start / end: ${meta.load[0].toFixed(1)} / ${meta.load[1].toFixed(1)} on ${cores} cores` +
      (Math.max(...meta.load) > cores * 0.75 ? ' — **the machine was busy with other work; absolute times are inflated and noisy, ratios less so**.' : '.'),
    '',
  );
  lines.push('### Load, lint and memory', '');
  lines.push('Times in ms, medians of 15 runs (500 nodes), 3 (5,000) or 1 (20,000). *load* = `loadScenario` (YAML parse + schema + lint + compile '
    + 'to an XState machine); the phases are the same stages called one by one (*read YAML* = `readSource`, *schema* = `parseScenarioSource` (a walk of the zod schema that vouches for valid data, zod `safeParse` otherwise), '
    + '*normalise* = defaults, ids, expressions, *analyse* = reachability and the state walk, *compile* = `compileMachine`); '
    + '*lint* = load − compile (= `checkScenario`); *rest* = lint − the four lint phases (problem collection and sorting, and garbage collection the phases alone do not trigger). '
    + '*heap retained*: heap still used by the loaded scenario after a full GC.', '');
  lines.push('| nodes | endings | replies | YAML | load | read YAML | schema | normalise | analyse | rest | compile | lint | lint µs/node | heap retained | states explored |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const p = r.phases;
    lines.push(`| ${f0(r.nodes)} | ${r.endings} | ${f0(r.replies)} | ${(r.yamlBytes / 1e6).toFixed(2)} MB | **${f1(r.loadMs)}** | ${f1(p.read)} | ${f1(p.schema)} | ${f1(p.normalise)} | ${f1(p.analyse)} | ${f1(p.problems)} | ${f1(p.compile)} | ${f1(r.lintMs)} | ${f1((r.lintMs * 1000) / r.nodes)} | ${r.heapMB === null ? 'n/a' : `${f1(r.heapMB)} MB`} | ${f0(r.states)}${r.exact ? '' : ' (budget hit)'} |`);
  }
  lines.push('');
  if (meta.variants.length > 0) {
    lines.push('The generated scenarios above have far more reachable states (6 booleans, 3 counters and `mood` in conditions) than the linter '
      + 'explores, so its state walk stops at its budget and the semantic checks (traps, endings never reached) are skipped, as designed. '
      + 'A variant with a small state space, where the walk can finish:', '');
    lines.push('| nodes | variant | load | lint | analyse | states explored |');
    lines.push('|---:|---|---:|---:|---:|---:|');
    for (const v of meta.variants) lines.push(`| ${f0(v.nodes)} | ${v.label} | ${f1(v.loadMs)} | ${f1(v.lintMs)} | ${f1(v.analyseMs)} | ${f0(v.states)}${v.exact ? ' (exact)' : ' (budget hit)'} |`);
    lines.push('');
  }
  lines.push('### Random playthroughs', '');
  lines.push(`A random offered reply at each decision until an ending, timers off; the three players take turns in ${PLAY_ROUNDS} rounds of `
    + `${Math.round(2800 / PLAY_ROUNDS)} ms with the same seeds (so they walk the same paths), and each figure is the player's median round. `
    + '*API* = `startConversation` + `view()` + `reply()` + `result()` '
    + '(the path the game and CLI use); *actor* = `REPLY` events sent straight to the XState actor (`createActor(compiled.machine)`), '
    + 'reply count from `offeredReplies`. ink: `ContinueMaximally` + `ChooseChoiceIndex`, `ResetState` between playthroughs.', '');
  lines.push('| nodes | mean choices / playthrough | API playthroughs/s | API choices/s | actor playthroughs/s | actor choices/s | ink playthroughs/s | ink choices/s |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const inkMean = r.ink.play.choices / r.ink.play.playthroughs;
    lines.push(`| ${f0(r.nodes)} | ${f1(r.meanChoices)} (ink ${f1(inkMean)}) | ${f0(r.playApi.playthroughs / r.playApi.seconds)} | **${f0(rate(r.playApi))}** | ${f0(r.playActor.playthroughs / r.playActor.seconds)} | ${f0(rate(r.playActor))} | ${f0(r.ink.play.playthroughs / r.ink.play.seconds)} | ${f0(rate(r.ink.play))} |`);
  }
  lines.push('');
  lines.push('### Against inkjs (same graph)', '');
  lines.push('Ratios > 1 mean Tactful is faster. ink compile = inkjs `Compiler.Compile()` from source text to a playable Story (median); '
    + 'ink JSON load = `new Story(json)` of the precompiled story, for reference. Heap retained: ours = the loaded scenario (table above); ink = the Story loaded from JSON.', '');
  lines.push('| nodes | ours load | ink compile | ink JSON load | compile speed-up (ink ÷ ours) | ink heap retained (Story from JSON) | choices/s ratio, API (ours ÷ ink) | choices/s ratio, actor |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const inkMs = median(r.ink.compileMs);
    lines.push(`| ${f0(r.nodes)} | ${f1(r.loadMs)} ms | ${f0(inkMs)} ms | ${f1(r.ink.loadJsonMs)} ms | ${(inkMs / r.loadMs).toFixed(1)}× | ${r.ink.heapMB === null ? 'n/a' : `${f1(r.ink.heapMB)} MB`} | ${(rate(r.playApi) / rate(r.ink.play)).toFixed(2)}× | ${(rate(r.playActor) / rate(r.ink.play)).toFixed(2)}× |`);
  }
  lines.push('');

  // Targets.
  const at = (n: number): SizeResult | undefined => results.find((r) => r.nodes === n);
  lines.push('### Targets', '');
  const r500 = at(500);
  const r5k = at(5000);
  if (r5k) lines.push(`- 5,000 nodes loaded and linted in under 500 ms: ${f1(r5k.loadMs)} ms, ${ok(r5k.loadMs < 500)}.`);
  if (r500) lines.push(`- 500 nodes under 150 ms: ${f1(r500.loadMs)} ms, ${ok(r500.loadMs < 150)}.`);
  if (results.length >= 2) {
    // "About linear": lint time per node grows less than 1.5x from one size to the next.
    const growth: string[] = [];
    let linear = true;
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1]!;
      const b = results[i]!;
      const perNode = b.lintMs / b.nodes / (a.lintMs / a.nodes);
      const exponent = Math.log(b.lintMs / a.lintMs) / Math.log(b.nodes / a.nodes);
      if (perNode >= 1.5) linear = false;
      growth.push(`${f0(a.nodes)}→${f0(b.nodes)}: ×${(b.lintMs / a.lintMs).toFixed(1)} time for ×${b.nodes / a.nodes} nodes, per node ×${perNode.toFixed(2)} (exponent ${exponent.toFixed(2)})`);
    }
    lines.push(`- Lint time about linear in size (time per node grows < 1.5× from one size to the next): ${growth.join('; ')}; ${ok(linear)}.`);
  }
  const playMet = results.every((r) => rate(r.playApi) >= 2 * rate(r.ink.play));
  const actorMet = results.every((r) => rate(r.playActor) >= 2 * rate(r.ink.play));
  lines.push(`- Playthroughs at least twice as fast as inkjs (choices/s, every size): API ${ok(playMet)} (${results.map((r) => `${f0(r.nodes)}: ${(rate(r.playApi) / rate(r.ink.play)).toFixed(2)}×`).join(', ')}); raw actor ${actorMet ? 'met' : 'missed'}.`);
  lines.push(`- (No target) load vs inkjs compile, ink ÷ ours: ${results.map((r) => `${f0(r.nodes)}: ${(median(r.ink.compileMs) / r.loadMs).toFixed(1)}×`).join(', ')}.`);
  // Where the load time goes, at the size the main target is about (or the largest).
  const focus = r5k ?? results[results.length - 1];
  if (focus) {
    const p = focus.phases;
    const parts: [string, number][] = [
      ['read YAML (`readSource`)', p.read], ['schema', p.schema], ['normalise', p.normalise], ['analyse', p.analyse], ['compile', p.compile], ['rest', p.problems],
    ];
    parts.sort((a, b) => b[1] - a[1]);
    const total = parts.reduce((n, [, ms]) => n + ms, 0);
    lines.push('', `Where the load time goes at ${f0(focus.nodes)} nodes: ${parts.map(([name, ms]) => `${name} ${Math.round((100 * ms) / total)}%`).join(', ')}.`);
  }
  if (!meta.gc) lines.push('', '(Heap figures unavailable: no garbage collector could be exposed.)');
  lines.push('');
  return lines.join('\n');
}

/** Runs the whole engine benchmark; returns the markdown section and the raw figures. */
export function runEngineBench(options: EngineBenchOptions = {}): { markdown: string; results: SizeResult[] } {
  const sizes = options.sizes ?? [500, 5000, 20000];
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const gc = exposeGc();
  const t0 = performance.now();
  const loadBefore = os.loadavg()[0]!;
  // Warm the code up (JIT) on a small scenario, so the first measured load is not a cold start.
  {
    const { catalogue } = buildCatalogue();
    const { yaml } = generateScenario({ nodes: 50, seed: 99 });
    for (let i = 0; i < 5; i++) {
      const warm = loadScenario('warm-up.yaml', yaml, catalogue).compiled;
      if (warm) playConversations(warm, 50);
    }
    runInk(generateScenario({ nodes: 50, seed: 99 }).graph, { runs: 2 });
  }
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(benchSize(n, { seed: options.seed ?? 1, playMs: options.playMs ?? 2800, gc, log }));
  const variants: VariantResult[] = [];
  for (const n of sizes.filter((x) => x === 5000)) {
    log(`  ${n} nodes: small-state variant…`);
    variants.push(benchExactVariant(n, options.seed ?? 1));
  }
  const date = new Date().toISOString().slice(0, 10);
  const meta = { date, seconds: (performance.now() - t0) / 1000, gc: gc !== undefined, load: [loadBefore, os.loadavg()[0]!] as [number, number], variants };
  return { markdown: engineMarkdown(results, meta), results };
}

// `tsx bench/engine.ts [sizes…]` runs the engine part alone (no docs update).
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const { markdown } = runEngineBench(sizes.length > 0 ? { sizes } : {});
  process.stdout.write(markdown);
}
