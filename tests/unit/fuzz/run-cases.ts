/**
 * Runs fuzz cases and sums them up: the Vitest tests and bench/fuzz.ts both
 * go through here, so they judge a case the same way.
 */
import { buildInput, describeCase, type FuzzCase } from './cases.ts';
import { diagnose, runCase, signature, Workspace, type Finding, type Target } from './targets.ts';

/** What a case can be found doing wrong; `hang` is only judged when a hang budget is given (the bench). */
export type FindingKind = Finding['kind'] | 'hang';

export interface Distinct {
  signature: string;
  kind: FindingKind;
  /** Every target that showed it. */
  targets: Target[];
  /** Cases that showed it. */
  count: number;
  /** The first case that showed it, what it printed, and for a crash where it was thrown (see `diagnose`). */
  example: { index: number; description: string; message: string; where?: string };
}

export interface FuzzReport {
  cases: number;
  byteCases: number;
  structureCases: number;
  /** Cases with at least one finding of each kind. */
  casesWith: Record<FindingKind, number>;
  distinct: Distinct[];
  /** Cases whose input the generator itself could not build (a bug in the fuzzer, not in tactful). */
  generatorErrors: string[];
  /** Files the game's loader compiled, and how many of those `paths` walked or skipped (see RunOptions.pathsWorkBudget). */
  compiled: number;
  pathsWalked: number;
  pathsSkipped: number;
  ms: number;
  slowest: { ms: number; description: string; target: Target } | null;
}

export interface FuzzOptions {
  pathsWorkBudget: number;
  /**
   * A case slower than this (wall clock, measured after the fact) is a hang;
   * `hangMsPerKb` more for each KB of the fuzzed file, so a big file is not a
   * hang for being big. Undefined: not judged.
   */
  hangMs?: number;
  hangMsPerKb?: number;
  /** Replay the first case of each new crash stage by stage to find where it throws (slower; the bench does). */
  diagnose?: boolean;
  /** Called after each case (progress output). */
  onCase?: (index: number, report: FuzzReport) => void;
}

/** Runs `cases` (each on its shipped scenario from `originals`, by name) through every target. */
export async function fuzzCases(cases: readonly FuzzCase[], originals: ReadonlyMap<string, Uint8Array>, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = {
    cases: 0, byteCases: 0, structureCases: 0, casesWith: { crash: 0, position: 0, hang: 0 }, distinct: [], generatorErrors: [],
    compiled: 0, pathsWalked: 0, pathsSkipped: 0, ms: 0, slowest: null,
  };
  const bySignature = new Map<string, Distinct>();
  const workspace = new Workspace();
  try {
    for (const [index, c] of cases.entries()) {
      report.cases++;
      if (c.kind === 'bytes') report.byteCases++;
      else report.structureCases++;
      const description = describeCase(c);
      let input: Uint8Array;
      try {
        input = buildInput(c, originals.get(c.scenario)!);
      } catch (error) {
        report.generatorErrors.push(`${description}: ${(error as Error).message}`);
        continue;
      }
      const result = await runCase(input, c.scenario, workspace, { pathsWorkBudget: options.pathsWorkBudget, twin: c.twin });
      if (result.compiled) report.compiled++;
      if (result.pathsWalked) report.pathsWalked++;
      if (result.pathsSkipped) report.pathsSkipped++;
      const slowestTarget = (Object.entries(result.msPerTarget) as [Target, number][]).reduce((a, b) => (b[1] > a[1] ? b : a));
      if (!report.slowest || result.ms > report.slowest.ms) report.slowest = { ms: result.ms, description, target: slowestTarget[0] };
      // With diagnose on, a crash's signature names where it was thrown, so one message
      // ("Maximum call stack size exceeded") from two places counts as two findings.
      let where: string | undefined;
      const whereOf = (): string => (where ??= diagnose(Buffer.from(input).toString('utf8'), c.scenario));
      const found: { kind: FindingKind; target: Target; message: string; signature: string; where?: string }[] = result.findings.map((f) => {
        if (!options.diagnose || f.kind !== 'crash') return { ...f, signature: signature(f) };
        const at = /^(\w+(?:\.\w+)?) threw .*?(?:\(at (src\/[^)]+)\))?$/.exec(whereOf());
        return { ...f, signature: `${signature(f)}${at ? ` [${at[1]}${at[2] ? ` at ${at[2]}` : ''}]` : ''}`, where: whereOf() };
      });
      const hangMs = options.hangMs === undefined ? undefined : options.hangMs + ((options.hangMsPerKb ?? 0) * input.length) / 1024;
      if (hangMs !== undefined && result.ms > hangMs) {
        found.push({
          kind: 'hang', target: slowestTarget[0], signature: `hang: slowest in ${slowestTarget[0]}`,
          message: `the case (${Math.round(input.length / 1024)} KB) took ${(result.ms / 1000).toFixed(1)} s (${slowestTarget[0]} ${(slowestTarget[1] / 1000).toFixed(1)} s), over its ${(hangMs / 1000).toFixed(1)} s`,
        });
      }
      for (const kind of ['crash', 'position', 'hang'] as const) if (found.some((f) => f.kind === kind)) report.casesWith[kind]++;
      const counted = new Set<string>();
      for (const f of found) {
        const known = bySignature.get(f.signature);
        if (!known) {
          bySignature.set(f.signature, { signature: f.signature, kind: f.kind, targets: [f.target], count: 1, example: { index, description, message: f.message, ...(f.where ? { where: f.where } : {}) } });
        } else {
          if (!known.targets.includes(f.target)) known.targets.push(f.target);
          if (!counted.has(f.signature)) known.count++;
        }
        counted.add(f.signature);
      }
      report.distinct = [...bySignature.values()];
      report.ms = performance.now() - started;
      options.onCase?.(index, report);
    }
  } finally {
    workspace.dispose();
  }
  report.ms = performance.now() - started;
  return report;
}

/** One line per distinct finding (empty when the run was clean), for test failures. */
export function findingLines(report: FuzzReport): string[] {
  return [
    ...report.distinct.map((d) => `${d.signature} [${d.targets.join(', ')}] (${d.count} case${d.count === 1 ? '' : 's'}; first: case ${d.example.index}, ${d.example.description}: ${d.example.message})`),
    ...report.generatorErrors.map((e) => `fuzzer could not build a case: ${e}`),
  ];
}
