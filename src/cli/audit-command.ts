import { auditScenarios, DEFAULT_THRESHOLDS, THRESHOLD_NAMES, type AuditThresholds } from '../audit/index.ts';
import { formatProblem, type TechniqueCatalogue } from '../scenario/index.ts';
import { loadScenario, type CompiledScenario } from '../engine/index.ts';
import { auditText } from './audit-text.ts';
import { orInputProblem, UsageError } from './errors.ts';
import { catalogueFor, readText } from './files.ts';
import type { Output } from './output.ts';
import { scenarioFiles } from './scenario-files.ts';

/**
 * `tactful audit <file-or-dir>... [--json] [--threshold NAME=VALUE]...`:
 * plays rules of thumb through the engine, measures length bias, and checks
 * that poor moves never out-score clean play. Exit 0 when there is no
 * finding, 1 when there is one (or a file has lint errors), 2 when a path
 * could not be used (the rest are still audited).
 */
export function auditCommand(targets: readonly string[], options: { json: boolean; thresholds: readonly string[] }, out: Output): number {
  const thresholds = parseThresholds(options.thresholds);
  // A techniques.yaml named directly is only the catalogue the scenarios already use: nothing to audit.
  const { files, problems: inputProblems } = scenarioFiles(targets);
  const compiled: CompiledScenario[] = [];
  const catalogues = new Map<CompiledScenario, TechniqueCatalogue>();
  const broken: string[] = [];
  for (const file of files) {
    const read = orInputProblem(() => ({ catalogue: catalogueFor(file).catalogue, text: readText(file) }), inputProblems);
    if (!read) continue;
    const { catalogue } = read;
    const loaded = loadScenario(file, read.text, catalogue);
    if (!loaded.compiled) {
      broken.push(file);
      for (const p of loaded.problems) if (p.severity === 'error') out.stderr(formatProblem(p));
      continue;
    }
    compiled.push(loaded.compiled);
    catalogues.set(loaded.compiled, catalogue);
  }
  for (const p of inputProblems) out.stderr(`tactful: ${p.message}`);
  if (broken.length > 0) out.stderr(`${broken.length} file${broken.length === 1 ? ' has' : 's have'} lint errors and ${broken.length === 1 ? 'was' : 'were'} not audited: ${broken.join(', ')}`);
  const report = auditScenarios(compiled, (c) => catalogues.get(c)!, thresholds);
  // "unreadable" has always meant "has lint errors"; paths that could not be read at all are "inputProblems".
  out.stdout(options.json ? JSON.stringify({ ...report, unreadable: broken, inputProblems }, null, 2) : auditText(report, broken));
  if (inputProblems.length > 0) return 2;
  return report.findings.length > 0 || broken.length > 0 ? 1 : 0;
}

/** Reads `--threshold name=value` options over the defaults. */
function parseThresholds(entries: readonly string[]): AuditThresholds {
  const thresholds = { ...DEFAULT_THRESHOLDS };
  for (const entry of entries) {
    const match = /^([a-z-]+)=(.+)$/.exec(entry.trim());
    const key = match ? THRESHOLD_NAMES[match[1]!] : undefined;
    if (!match || !key) throw new UsageError(`--threshold "${entry}" is not NAME=VALUE with NAME one of ${Object.keys(THRESHOLD_NAMES).join(', ')}`);
    const value = Number(match[2]);
    const isShare = key === 'naivePass' || key === 'randomPass' || key === 'lengthBias';
    const isCount = key === 'runs' || key === 'randomRuns' || key === 'routeLimit';
    if (!Number.isFinite(value) || (isShare && (value < 0 || value > 1)) || (isCount && (!Number.isInteger(value) || value < 1)) || (key === 'randomMean' && (value < 0 || value > 100))) {
      const wanted = isShare ? 'a share from 0 to 1, e.g. 0.15' : isCount ? 'a whole number of 1 or more' : key === 'randomMean' ? 'a score from 0 to 100' : 'a whole number';
      throw new UsageError(`--threshold ${match[1]} must be ${wanted}, not "${match[2]}"`);
    }
    thresholds[key] = key === 'seed' ? Math.trunc(value) : value;
  }
  return thresholds;
}
