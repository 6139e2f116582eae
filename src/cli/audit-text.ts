import { findingsCount, NAIVE_STRATEGIES, NO_FINDINGS, passText, percent as pct, share, thresholdsText, type AuditReport, type StrategyOutcome } from '../audit/index.ts';

/** One table cell: the mean overall, with the pass rate when a rule passes at all. */
function cell(o: StrategyOutcome): string {
  return o.passRate === 0 ? String(o.meanOverall) : `${o.meanOverall} ${passText(o)}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((text, c) => (c === 0 ? text.padEnd(widths[c]!) : text.padStart(widths[c]!))).join('  ').trimEnd());
}

/**
 * The audit as a trainer reads it: a table of how each rule of thumb scores
 * per scenario (mean overall; "PASS" or the pass rate when it passes), the
 * spread of scores, then every finding with what to change.
 */
export function auditText(report: AuditReport, unaudited: readonly string[] = []): string {
  const t = report.thresholds;
  const lines: string[] = [];
  const ids = NAIVE_STRATEGIES.map((s) => s.id);
  lines.push(`Audit of ${report.scenarios.length} scenario${report.scenarios.length === 1 ? '' : 's'}: rules of thumb played through the engine (replies at once, so speed is full).`);
  lines.push(`Each cell is the mean overall; "PASS" or a pass rate means the rule passes. Random play: ${t.randomRuns} plays; other randomised rules: ${t.runs}.`, '');
  const rows: string[][] = [['scenario', ...ids, 'random', 'long=best', 'worst..best', 'routes', 'findings']];
  for (const a of report.scenarios) {
    const bias = a.lengthBias;
    rows.push([
      a.scenario,
      ...a.strategies.map(cell),
      `${a.random.meanOverall} ${pct(a.random.passRate)}`,
      `${bias.longestIsBest}/${bias.decisions}`,
      a.routes.best ? `${a.routes.worst!.overall}..${a.routes.best.overall}` : '-',
      `${a.routes.routes}${a.routes.complete ? '' : '+'}`,
      String(a.findings.length),
    ]);
  }
  if (report.scenarios.length > 1) {
    const lib = report.library;
    rows.push([
      'library',
      ...lib.strategies.map((s) => `${s.meanOverall} ${s.scenariosPassed}/${report.scenarios.length}`),
      `${lib.random.meanOverall} ${pct(lib.random.passRate)}`,
      `${pct(share(lib.lengthBias.longestIsBest, lib.lengthBias.decisions))}`,
      '', '', String(report.findings.length),
    ]);
  }
  lines.push(...table(rows), '');
  lines.push(...thresholdsText(t), '');
  const incomplete = report.scenarios.filter((a) => !a.routes.complete);
  if (incomplete.length > 0) lines.push(`Only the first ${t.routeLimit} routes were walked for ${incomplete.map((a) => a.scenario).join(', ')} (--threshold route-limit=N to walk more).`, '');
  if (unaudited.length > 0) lines.push(`Not audited (fix their lint errors first): ${unaudited.join(', ')}`, '');
  if (report.findings.length === 0 && report.scenarios.length > 0) {
    lines.push(NO_FINDINGS);
  } else if (report.findings.length > 0) {
    lines.push(`${findingsCount(report.findings.length)}:`);
    for (const f of report.findings) {
      const file = f.scenario === null ? 'library' : (report.scenarios.find((a) => a.scenario === f.scenario)?.file ?? f.scenario);
      lines.push(`  ${file}: ${f.message} [${f.kind}]`);
    }
  }
  return lines.join('\n');
}
