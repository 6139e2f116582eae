/**
 * The audit benchmark: `tactful audit scenarios` on the shipped library,
 * in-process, timed per scenario. The target: the whole library in
 * a few seconds. Figures go into the "Audit" section of docs/performance.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditScenario, DEFAULT_THRESHOLDS } from '../src/audit/index.ts';
import { buildCatalogue } from '../src/scenario/index.ts';
import { loadScenario, type CompiledScenario } from '../src/engine/index.ts';

export function runAuditBench(): string {
  const dir = 'scenarios';
  const { catalogue } = buildCatalogue(readFileSync(join(dir, 'techniques.yaml'), 'utf8'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'techniques.yaml').sort();
  const started = performance.now();
  const compiled: CompiledScenario[] = files.map((f) => loadScenario(join(dir, f), readFileSync(join(dir, f), 'utf8'), catalogue).compiled!).filter(Boolean);
  const loadMs = performance.now() - started;
  const rows: string[] = [];
  let routes = 0;
  let slowest = { id: '', ms: 0 };
  for (const c of compiled) {
    const t = performance.now();
    const audit = auditScenario(c, catalogue, DEFAULT_THRESHOLDS);
    const ms = performance.now() - t;
    routes += audit.routes.routes;
    if (ms > slowest.ms) slowest = { id: c.scenario.id, ms };
    rows.push(`| ${c.scenario.id} | ${audit.routes.routes.toLocaleString('en')} | ${ms.toFixed(0)} |`);
  }
  const totalMs = performance.now() - started;
  return [
    '## Audit',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` (bench/audit.ts), Node ${process.version}: \`auditScenario\` with the default thresholds (${DEFAULT_THRESHOLDS.randomRuns} random plays and ${DEFAULT_THRESHOLDS.runs} plays of each randomised rule per scenario, every route of replies walked).`,
    '',
    `**Whole library: ${compiled.length} scenarios in ${(totalMs / 1000).toFixed(1)} s** (loading ${loadMs.toFixed(0)} ms; ${routes.toLocaleString('en')} routes walked; slowest ${slowest.id}, ${slowest.ms.toFixed(0)} ms). Target: a few seconds.`,
    '',
    '<details><summary>Per scenario</summary>',
    '',
    '| scenario | routes | ms |',
    '|---|---:|---:|',
    ...rows,
    '',
    '</details>',
  ].join('\n');
}
