import { enumeratePaths } from '../engine/index.ts';
import { loadScenarioFile, reportUnplayable } from './load.ts';
import type { Output } from './output.ts';

/**
 * `tactful paths <file> [--json]`: endings, route counts, min/max overall per
 * ending, dimension ranges. With `--json` a scenario that has errors prints
 * `{ "errors": [...] }` instead of the report.
 */
export function pathsCommand(file: string, json: boolean, out: Output): number {
  const loaded = loadScenarioFile(file);
  if (!loaded.compiled) return reportUnplayable(file, loaded.problems, json, out);
  const report = enumeratePaths(loaded.compiled);
  if (json) {
    out.stdout(JSON.stringify(report, null, 2));
    return 0;
  }
  const { scenario } = loaded.compiled;
  out.stdout(`${scenario.title} (${scenario.id}): ${report.complete ? '' : 'at least '}${report.paths} route${report.paths === 1 ? '' : 's'} (replies at once, timers standard; each node visited at most once per route)`);
  out.stdout('');
  const rows = report.endings.map((e) => [
    e.ending, e.outcome, String(e.paths), e.overall ? `${e.overall.min}` : '-', e.overall ? `${e.overall.max}` : '-', e.bestChoices ?? 'not reached',
  ]);
  const header = ['ending', 'outcome', 'routes', 'min overall', 'max overall', 'best route (--choose)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  out.stdout(line(header));
  out.stdout(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) out.stdout(line(r));
  const dims = Object.entries(report.dimensions);
  if (dims.length > 0) {
    out.stdout('');
    for (const [id, d] of dims) out.stdout(`${d.label} (${id}): reachable sums ${d.min}..${d.max} (rescaled to 0..100)`);
  }
  return 0;
}
