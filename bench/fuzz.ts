/**
 * The fuzzing benchmark: random byte and structure mutations of every
 * shipped scenario (tests/unit/fuzz/), each run through `tactful lint`,
 * `graph` and `paths` (in-process, src/cli/run.ts) and the game's loader
 * (loadScenario + menuEntryFor). Counts crashes, problems placed outside the
 * file, and hangs (a case slower than 10 s plus 100 ms a KB, measured after
 * the fact; nothing sleeps). The unit-sized run is in `npm test`; this is the big one.
 *
 * `npx tsx bench/fuzz.ts [--cases N] [--seed S]` prints the "## Fuzzing"
 * section and exits 1 when any case crashed, hung or placed a problem
 * outside the file. `runFuzzBench(cases)` returns the same section.
 */
import fc from 'fast-check';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { anyCase, FUZZ_SEED } from '../tests/unit/fuzz/cases.ts';
import { originalsByName } from '../tests/unit/fuzz/corpus.ts';
import { fuzzCases, type FuzzReport } from '../tests/unit/fuzz/run-cases.ts';

/**
 * A case slower than this is a hang: 10 s, plus 100 ms for each KB of the
 * fuzzed file. A case is one file through five runs (lint, graph, paths,
 * loadScenario, menuEntryFor), and the bench's biggest mutants are 300 to
 * 600 KB files with 5,000 nodes, which take several seconds a run on a busy
 * machine just for their size; anything that loops takes far longer.
 */
export const HANG_MS = 10_000;
export const HANG_MS_PER_KB = 100;

/**
 * `paths` is run on a file that compiles only when its estimated work
 * (tests/unit/fuzz/targets.ts, pathsWork) is under this; about 2 s on a busy
 * two-core machine. Most mutants of the bigger shipped scenarios are over it
 * (those take 1 to 20 s to walk today, see docs/performance.md).
 */
export const BENCH_PATHS_WORK_BUDGET = 150_000;

export interface FuzzBenchOptions {
  seed?: number;
  /** Progress lines (to standard error when run directly). */
  progress?: (line: string) => void;
}

/** Runs `cases` fuzz cases (half byte, half structure mutations) and returns the "## Fuzzing" markdown section. */
export async function runFuzzBench(cases = 10_000, options: FuzzBenchOptions = {}): Promise<string> {
  return (await fuzzBench(cases, options)).section;
}

/** The same run, with its figures (the command line exits 1 on any finding). */
export async function fuzzBench(cases: number, options: FuzzBenchOptions = {}): Promise<{ section: string; report: FuzzReport }> {
  const seed = options.seed ?? FUZZ_SEED;
  const originals = originalsByName();
  const list = fc.sample(anyCase([...originals.keys()], 'bench'), { seed, numRuns: cases });
  const every = Math.max(1, Math.round(cases / 20));
  let reported = 0;
  const report = await fuzzCases(list, originals, {
    pathsWorkBudget: BENCH_PATHS_WORK_BUDGET,
    hangMs: HANG_MS,
    hangMsPerKb: HANG_MS_PER_KB,
    diagnose: true,
    onCase: (index, r) => {
      while (reported < r.distinct.length) {
        const d = r.distinct[reported++]!;
        options.progress?.(`new finding at case ${index}: ${d.signature} [${d.targets.join(', ')}] (${d.example.description}: ${d.example.message.slice(0, 300)})${d.example.where ? ` -- ${d.example.where}` : ''}`);
      }
      if ((index + 1) % every === 0 || index + 1 === cases) {
        options.progress?.(`${index + 1}/${cases} cases, ${(r.ms / 1000).toFixed(0)} s: ${r.casesWith.crash} crashing, ${r.casesWith.position} misplaced, ${r.casesWith.hang} hanging`);
      }
    },
  });
  return { section: markdown(report, seed), report };
}

function markdown(r: FuzzReport, seed: number): string {
  const n = (x: number): string => x.toLocaleString('en');
  const lines = [
    '## Fuzzing',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npx tsx bench/fuzz.ts --cases ${r.cases}\` (bench/fuzz.ts), Node ${process.version}: random mutations of every shipped scenario (fast-check, seed ${seed}), each file run through \`tactful lint --json\`, \`tactful graph\`, \`tactful paths\` and the game's loader (\`loadScenario\` + \`menuEntryFor\`).`,
    '',
    `| cases | byte / structure | crashes | misplaced positions | hangs (> ${HANG_MS / 1000} s + ${HANG_MS_PER_KB} ms/KB) | time | seed |`,
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${n(r.cases)} | ${n(r.byteCases)} / ${n(r.structureCases)} | ${n(r.casesWith.crash)} | ${n(r.casesWith.position)} | ${n(r.casesWith.hang)} | ${(r.ms / 1000).toFixed(0)} s | ${seed} |`,
    '',
    `Crashes, positions and hangs count cases. ${n(r.compiled)} mutants still compiled; \`paths\` walked the routes of ${n(r.pathsWalked)} of them and skipped ${n(r.pathsSkipped)} whose estimated walk was over ${n(BENCH_PATHS_WORK_BUDGET)} steps (every file that does not compile goes through \`paths\` too). Mean ${(r.ms / Math.max(1, r.cases)).toFixed(0)} ms a case${r.slowest ? `; slowest ${(r.slowest.ms / 1000).toFixed(1)} s (${r.slowest.target}, ${r.slowest.description})` : ''}.`,
  ];
  if (r.distinct.length > 0) {
    lines.push('', '<details><summary>Distinct findings</summary>', '', '| finding | seen by | cases | first case | thrown at |', '|---|---|---:|---|---|');
    for (const d of r.distinct) {
      lines.push(`| ${cell(d.signature)} | ${d.targets.join(', ')} | ${n(d.count)} | ${cell(`#${d.example.index} ${d.example.description}: ${d.example.message}`)} | ${cell(d.example.where ?? '')} |`);
    }
    lines.push('', '</details>');
  }
  if (r.generatorErrors.length > 0) lines.push('', `The fuzzer could not build ${r.generatorErrors.length} case(s): ${cell(r.generatorErrors.slice(0, 3).join('; '))}`);
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 400);
}

/** True when a run found something (what makes the command exit 1). */
export function foundProblems(r: FuzzReport): boolean {
  return r.casesWith.crash > 0 || r.casesWith.position > 0 || r.casesWith.hang > 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const value = (flag: string): number | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : undefined;
  };
  const cases = value('--cases') ?? 10_000;
  const seed = value('--seed');
  if (!Number.isInteger(cases) || cases < 1 || (seed !== undefined && !Number.isInteger(seed))) {
    process.stderr.write('usage: npx tsx bench/fuzz.ts [--cases N] [--seed S]\n');
    process.exit(2);
  }
  fuzzBench(cases, { seed, progress: (line) => process.stderr.write(`${line}\n`) }).then(
    ({ section, report }) => {
      process.stdout.write(`${section}\n`);
      process.exit(foundProblems(report) ? 1 : 0);
    },
    (error: unknown) => {
      process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
      process.exit(1);
    },
  );
}
