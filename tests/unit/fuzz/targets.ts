/**
 * Runs one fuzzed file through everything a trainer or a player can feed it
 * to, and says what went wrong:
 *
 * - `tactful lint --json`, `tactful graph` and `tactful paths`, in-process
 *   through `runCli` (src/cli/run.ts) on a file in a scratch folder that has
 *   the shipped techniques.yaml beside it, as scenarios/ has;
 * - the game's loader path: `loadScenario` (src/engine/load.ts), as
 *   src/game/content/library.ts compiles a scenario, and `menuEntryFor`
 *   (src/game/content/menu-index.ts), as the menu's build-time index does.
 *   library.ts itself needs Vite's `import.meta.glob`, so it is not imported.
 *
 * A finding is one of:
 * - crash: an exception escaping, exit code other than 0/1/2 (the CLI
 *   contract), "something went wrong", a stack trace in the output, the
 *   CLI's words for a failure of its own ("… please report it with the
 *   file", e.g. "ran out of stack space"), or the catch-all problems the code
 *   uses for its own bugs (`[internal-error]` from checkScenario,
 *   `[internal]` from menuEntryFor);
 * - position: a problem whose line/column is not in the file (positions.ts);
 * - hang: only measured here (`ms` per target); the bench calls a slow case a hang.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/run.ts';
import { compileMachine, enumeratePaths, loadScenario } from '../../../src/engine/index.ts';
import { estimateMinutes, menuEntryFor } from '../../../src/game/content/menu-index.ts';
import { analyse } from '../../../src/scenario/analysis.ts';
import { normalise } from '../../../src/scenario/normalise.ts';
import { schemaProblems } from '../../../src/scenario/schema-problems.ts';
import { readSource } from '../../../src/scenario/source.ts';
import { scenarioGraph, scenarioSchema, type Scenario } from '../../../src/scenario/index.ts';
import { catalogue, TECHNIQUES_FILE } from './corpus.ts';
import { positionProblem, printedPositions } from './positions.ts';

export type Target = 'lint' | 'graph' | 'paths' | 'loader' | 'menu';

export interface Finding {
  target: Target;
  kind: 'crash' | 'position';
  /** What happened, one line. */
  message: string;
}

export interface CaseResult {
  findings: Finding[];
  /** Wall-clock time of the whole case, and of each target (performance.now(), measured after the fact). */
  ms: number;
  msPerTarget: Record<Target, number>;
  /** Whether the game's loader compiled the file (no errors). */
  compiled: boolean;
  /** Whether `paths` walked the routes: false when the file did not compile, or its routes were over the budget. */
  pathsWalked: boolean;
  pathsSkipped: boolean;
}

export interface RunOptions {
  /**
   * `tactful paths` on a file that compiles walks every route on the XState
   * machine, about a millisecond a route on a busy machine: the shipped
   * scenarios take 0.2 to 20 s each today. When `pathsWork` is above this
   * budget, `paths` is skipped for that case (and counted); a file that
   * does not compile always runs it.
   */
  pathsWorkBudget: number;
  /** Lint the file together with a copy of itself (two scenarios with one id). */
  twin?: boolean;
}

/** A scratch folder with the shipped catalogue beside the fuzzed file, as in scenarios/. */
export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'tactful-fuzz-'));
  readonly file = join(this.dir, 'fuzzed.yaml');
  readonly twinFile = join(this.dir, 'fuzzed-twin.yaml');

  constructor() {
    copyFileSync(TECHNIQUES_FILE, join(this.dir, 'techniques.yaml'));
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface CliRun {
  code: number | undefined;
  stdout: string;
  stderr: string;
  threw?: unknown;
}

async function cli(argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const code = await runCli(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } catch (error) {
    return { code: undefined, stdout: stdout.join('\n'), stderr: stderr.join('\n'), threw: error };
  }
}

/** Stack-trace lines as Node prints them (`    at fn (file:line:col)`). */
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.slice(0, 300) ?? '';
}

/** The first frame of an error's stack inside src/, as `src/…/file.ts:line`. */
function srcFrame(error: unknown): string | undefined {
  const stack = (error as Error | undefined)?.stack ?? '';
  for (const line of stack.split('\n')) {
    const match = /(src\/[\w/.-]+\.ts):(\d+)/.exec(line);
    if (match) return `${match[1]}:${match[2]}`;
  }
  return undefined;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const frame = srcFrame(error);
  return `${firstLine(message)}${frame ? ` (at ${frame})` : ''}`;
}

/**
 * Crashes visible in what a CLI run printed, and its exit code. With
 * `jsonStdout` (lint --json) standard output is a JSON array read on its own,
 * so only standard error is searched for the CLI's words.
 */
function cliCrashes(target: Target, run: CliRun, jsonStdout = false): Finding[] {
  const out: Finding[] = [];
  const crash = (message: string): void => {
    out.push({ target, kind: 'crash', message });
  };
  if (run.threw !== undefined) crash(`runCli threw ${describeError(run.threw)}`);
  else if (run.code !== 0 && run.code !== 1 && run.code !== 2) crash(`exit code ${String(run.code)}, not 0, 1 or 2`);
  const printed = jsonStdout ? run.stderr : `${run.stdout}\n${run.stderr}`;
  const wrong = /something went wrong.*/i.exec(printed);
  if (wrong) crash(firstLine(wrong[0]));
  const stack = STACK_LINE.exec(`${run.stdout}\n${run.stderr}`);
  if (stack) crash(`stack trace in the output: ${stack[0].trim()}`);
  const internal = /^.*\[internal(-error)?\]$/m.exec(printed);
  if (internal && !wrong) crash(`internal error reported as a problem: ${internal[0].replace(/^.*?: error: /, '')}`);
  // The CLI's own words for a bug of its own ("ran out of stack space…", "…please report it with the file").
  const report = /^.*please report it.*$/im.exec(printed);
  if (report && !wrong && !internal) crash(`the CLI reports a failure of its own: ${firstLine(report[0])}`);
  return out;
}

function positionFindings(target: Target, text: string, positions: { line: number; column: number; text: string }[]): Finding[] {
  const out: Finding[] = [];
  for (const p of positions) {
    const why = positionProblem(text, p.line, p.column);
    if (why) out.push({ target, kind: 'position', message: `${why}: ${p.text.slice(0, 200)}` });
  }
  return out;
}

/**
 * About how much work `tactful paths` does on a scenario (an upper bound): a
 * depth-first walk like `walkRoutes` (src/engine/paths.ts) over every reply,
 * timeout and branch route from start, each node at most once per route,
 * conditions ignored, stopping after 100,000 routes as it does. Each step
 * costs 1 and each finished route its length (its result is worked out over
 * its decisions). Stops counting past `cap`; iterative, so a long chain
 * can't overflow it.
 */
export function pathsWork(scenario: Scenario, cap: number): number {
  const has = (o: object, id: string): boolean => Object.prototype.hasOwnProperty.call(o, id);
  const next = (id: string): string[] => {
    const node = has(scenario.nodes, id) ? scenario.nodes[id] : undefined;
    if (!node) return [];
    if (node.kind === 'branch') return node.routes.map((r) => r.goto);
    return [...node.replies.map((r) => r.goto), ...(node.timeLimitMs !== null ? [node.onTimeout.goto] : [])];
  };
  const stack: { id: string; edges: string[]; i: number }[] = [{ id: scenario.start, edges: next(scenario.start), i: 0 }];
  const onRoute = new Set([scenario.start]);
  let work = 0;
  let routes = 0;
  while (stack.length > 0 && routes < 100_000) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.edges.length) {
      stack.pop();
      onRoute.delete(top.id);
      continue;
    }
    const to = top.edges[top.i++]!;
    work++;
    if (has(scenario.endings, to)) {
      routes++;
      work += stack.length;
    } else if (!onRoute.has(to) && has(scenario.nodes, to)) {
      stack.push({ id: to, edges: next(to), i: 0 });
      onRoute.add(to);
    }
    if (work > cap) return work;
  }
  return work;
}

/** Runs one fuzzed file through every target. Never throws. */
export async function runCase(input: Uint8Array, name: string, ws: Workspace, options: RunOptions): Promise<CaseResult> {
  const started = performance.now();
  const msPerTarget = { lint: 0, graph: 0, paths: 0, loader: 0, menu: 0 } satisfies Record<Target, number>;
  const findings: Finding[] = [];
  // The CLI reads the bytes itself; the game gets the text Vite's `?raw` import gives it (UTF-8, BOM kept).
  const text = Buffer.from(input).toString('utf8');
  writeFileSync(ws.file, input);
  if (options.twin) writeFileSync(ws.twinFile, input);
  const timed = async <T>(target: Target, run: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await run();
    } finally {
      msPerTarget[target] += performance.now() - t;
      // Give timers a turn between targets, so a test timeout can fire after a slow step.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  // The game's loader: library.ts compiles with loadScenario; the menu index uses menuEntryFor.
  const gameFile = `scenarios/${name}`;
  const loaded = await timed('loader', () => {
    try {
      return loadScenario(gameFile, text, catalogue);
    } catch (error) {
      findings.push({ target: 'loader', kind: 'crash', message: `loadScenario threw ${describeError(error)}` });
      return undefined;
    }
  });
  if (loaded) {
    for (const p of loaded.problems) {
      if (p.rule === 'internal-error') findings.push({ target: 'loader', kind: 'crash', message: `internal error reported as a problem: ${firstLine(p.message)}` });
      const why = positionProblem(text, p.line, p.column);
      if (why) findings.push({ target: 'loader', kind: 'position', message: `${why}: [${p.rule}] ${firstLine(p.message).slice(0, 200)}` });
    }
  }
  await timed('menu', () => {
    try {
      const entry = menuEntryFor(gameFile, text, catalogue);
      for (const e of entry.errors) {
        if (/\[internal(-error)?\]$/.test(e)) findings.push({ target: 'menu', kind: 'crash', message: `internal error on the menu card: ${firstLine(e.slice(gameFile.length + 1))}` });
      }
      findings.push(...positionFindings('menu', text, printedPositions(entry.errors.join('\n'), gameFile)));
    } catch (error) {
      findings.push({ target: 'menu', kind: 'crash', message: `menuEntryFor threw ${describeError(error)}` });
    }
  });

  // tactful lint --json: a JSON array of problems, each with a position.
  const lint = await timed('lint', () => cli(['lint', '--json', ws.file, ...(options.twin ? [ws.twinFile] : [])]));
  findings.push(...cliCrashes('lint', lint, true));
  if (lint.code === 0 || lint.code === 1) {
    let problems: unknown;
    try {
      problems = JSON.parse(lint.stdout);
    } catch {
      findings.push({ target: 'lint', kind: 'crash', message: `lint --json printed something that is not JSON: ${firstLine(lint.stdout).slice(0, 120)}` });
    }
    if (Array.isArray(problems)) {
      for (const p of problems as { line: number; column: number; rule: string; message: string; file: string }[]) {
        if (p.rule === 'internal-error') findings.push({ target: 'lint', kind: 'crash', message: `internal error reported as a problem: ${firstLine(p.message)}` });
        const why = positionProblem(text, p.line, p.column);
        if (why) findings.push({ target: 'lint', kind: 'position', message: `${why}: [${p.rule}] ${firstLine(p.message).slice(0, 200)}` });
      }
    }
  }

  const graph = await timed('graph', () => cli(['graph', ws.file]));
  findings.push(...cliCrashes('graph', graph));
  findings.push(...positionFindings('graph', text, printedPositions(graph.stderr, ws.file)));

  const compiled = loaded?.compiled;
  const pathsSkipped = compiled !== undefined && pathsWork(compiled.scenario, options.pathsWorkBudget) > options.pathsWorkBudget;
  if (!pathsSkipped) {
    const paths = await timed('paths', () => cli(['paths', ws.file]));
    findings.push(...cliCrashes('paths', paths));
    findings.push(...positionFindings('paths', text, printedPositions(paths.stderr, ws.file)));
  }

  return {
    findings: dedupe(findings),
    ms: performance.now() - started,
    msPerTarget,
    compiled: compiled !== undefined,
    pathsWalked: compiled !== undefined && !pathsSkipped,
    pathsSkipped,
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.target}|${f.kind}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A finding with the target, numbers and quoted text taken out, so the same
 * bug seen through several targets and on different files counts once (a
 * crash keeps its src/ frame).
 */
export function signature(f: Finding): string {
  if (f.kind === 'position') {
    const rule = /\[([a-z-]+)\]/.exec(f.message)?.[1] ?? '?';
    const what = f.message.split(':')[0]!.replace(/\d+/g, 'N');
    return `position [${rule}]: ${what}`;
  }
  const frame = /\(at (src\/[^)]+)\)/.exec(f.message)?.[1];
  const message = f.message
    .replace(/\(at src\/[^)]+\)/, '')
    .replace(/^internal error on the menu card: \S+: error: /, 'internal error reported as a problem: ')
    .replace(/ \[internal(-error)?\]$/, '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\/tmp\/\S+/g, 'FILE')
    .replace(/\d+/g, 'N')
    .slice(0, 160)
    .trim();
  return `crash: ${message}${frame ? ` (at ${frame})` : ''}`;
}

/**
 * Where a crash comes from: replays the stages the CLI and the loader run,
 * each on its own (readSource, the schema, normalise, analyse, the machine,
 * then paths, graph and the menu's estimate), and names the first one that
 * throws with the first frame of its stack in src/. checkScenario and runCli
 * catch exceptions and keep only the message, so this is how a report gets a
 * file and line.
 */
export function diagnose(text: string, name = 'diagnosed.yaml', pathsWorkBudget = 250_000): string {
  const step = <T>(label: string, run: () => T): { value?: T; where?: string } => {
    try {
      return { value: run() };
    } catch (error) {
      return { where: `${label} threw ${describeError(error)}` };
    }
  };
  const read = step('readSource', () => readSource(name, text));
  if (read.where) return read.where;
  const source = read.value!.source;
  if (!source) return 'no exception when replayed (the file is refused by readSource)';
  const parsed = step('scenarioSchema.safeParse', () => scenarioSchema.safeParse(source.data));
  if (parsed.where) return parsed.where;
  const result = parsed.value!;
  if (!result.success) {
    const problems = step('schemaProblems', () => schemaProblems(source, result.error.issues));
    return problems.where ?? 'no exception when replayed (schema problems reported)';
  }
  const normalised = step('normalise', () => normalise(source, result.data, catalogue));
  if (normalised.where) return normalised.where;
  const scenario = normalised.value!.scenario;
  if (!scenario) return 'no exception when replayed (normalise reported problems)';
  const analysis = step('analyse', () => analyse(scenario));
  if (analysis.where) return analysis.where;
  const checked = step('loadScenario', () => loadScenario(name, text, catalogue));
  if (checked.where) return checked.where;
  const internal = checked.value!.problems.find((p) => p.rule === 'internal-error');
  if (internal) return `checkScenario caught: ${firstLine(internal.message)} (after analyse: src/scenario/lint.ts graphProblems or decisionProblems)`;
  const machine = step('compileMachine', () => compileMachine(scenario));
  if (machine.where) return machine.where;
  const compiled = checked.value!.compiled;
  if (!compiled) return 'no exception when replayed (the file has errors)';
  const graph = step('scenarioGraph', () => scenarioGraph(scenario, 'mermaid'));
  if (graph.where) return graph.where;
  const estimate = step('estimateMinutes', () => estimateMinutes(scenario));
  if (estimate.where) return estimate.where;
  if (pathsWork(scenario, pathsWorkBudget) > pathsWorkBudget) return 'no exception when replayed stage by stage (paths not replayed: too many routes)';
  const paths = step('enumeratePaths', () => enumeratePaths(compiled));
  if (paths.where) return paths.where;
  return 'no exception when replayed stage by stage';
}
