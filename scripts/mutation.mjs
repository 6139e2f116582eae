#!/usr/bin/env node
// `npm run mutation [scenario|engine] [-- stryker options]`: Stryker on the
// core, in two parts with their own test selection (see docs/quality.md), then
// one summary per folder. Each part keeps its results in
// tests/mutation/results/, which is committed: a run re-tests only the
// mutants whose code or covering tests changed since those results.
// Exit 1 when a part fails or a folder scores under 85 %.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const TARGET = 85;
const PARTS = [
  { name: 'scenario', folder: 'src/scenario', config: 'tests/mutation/stryker.scenario.config.mjs', report: 'reports/mutation/scenario.json' },
  { name: 'engine', folder: 'src/engine', config: 'tests/mutation/stryker.engine.config.mjs', report: 'reports/mutation/engine.json' },
];
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

const args = process.argv.slice(2);
const chosen = PARTS.filter((p) => args.includes(p.name));
const parts = chosen.length > 0 ? chosen : PARTS;
const strykerOptions = args.filter((a) => !PARTS.some((p) => p.name === a));
const stryker = join(dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');

/** Counts a part's mutants by status, per file and in all. */
function tally(report) {
  const files = [];
  const total = {};
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const counts = {};
    for (const m of mutants) {
      counts[m.status] = (counts[m.status] ?? 0) + 1;
      total[m.status] = (total[m.status] ?? 0) + 1;
      if (UNDETECTED.includes(m.status)) survivors.push({ file, line: m.location.start.line, column: m.location.start.column, m });
    }
    files.push({ file, counts });
  }
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { files, total, survivors };
}

const sum = (counts, statuses) => statuses.reduce((n, s) => n + (counts[s] ?? 0), 0);
const score = (counts) => {
  const detected = sum(counts, DETECTED);
  const counted = detected + sum(counts, UNDETECTED);
  return counted === 0 ? 100 : (100 * detected) / counted;
};

const rows = [];
let failed = false;
for (const part of parts) {
  console.log(`\n▶ Mutation testing ${part.folder} (${part.config})\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [stryker, 'run', part.config, ...strykerOptions], { stdio: 'inherit' });
  const minutes = (Date.now() - started) / 60_000;
  if (!existsSync(part.report)) {
    console.error(`\n${part.folder}: Stryker wrote no report (exit ${run.status}); see its output above.`);
    failed = true;
    continue;
  }
  const { files, total, survivors } = tally(JSON.parse(readFileSync(part.report, 'utf8')));
  const s = score(total);
  if (run.status !== 0 || s < TARGET) failed = true;
  rows.push({ part, files, total, survivors, score: s, minutes });
}

const line = (cells) => `| ${cells.join(' | ')} |`;
const summary = [
  `# Mutation score, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  line(['folder', 'mutants', 'killed', 'timed out', 'survived', 'no coverage', 'ignored (static)', 'score', 'run time']),
  line(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ...rows.map((r) => line([r.part.folder, sum(r.total, Object.keys(r.total)), r.total.Killed ?? 0, r.total.Timeout ?? 0, r.total.Survived ?? 0, r.total.NoCoverage ?? 0, r.total.Ignored ?? 0, `**${r.score.toFixed(2)} %**`, `${r.minutes.toFixed(1)} min`])),
  '',
  ...rows.flatMap((r) => [
    `## ${r.part.folder}`,
    '',
    line(['file', 'score', 'survived', 'no coverage']),
    line(['---', '---:', '---:', '---:']),
    ...r.files.filter((f) => sum(f.counts, [...DETECTED, ...UNDETECTED]) > 0).map((f) => line([f.file, `${score(f.counts).toFixed(1)} %`, f.counts.Survived ?? 0, f.counts.NoCoverage ?? 0])),
    '',
  ]),
].join('\n');
// Every mutant the tests missed, one line each, to explain or kill (docs/quality.md lists the reasons).
const oneLine = (text) => String(text ?? '').replace(/\s+/g, ' ').slice(0, 90);
const survivorList = rows.flatMap((r) => [
  `## ${r.part.folder}: ${r.survivors.length} mutants not detected`,
  '',
  ...r.survivors.map(({ file, line: at, column, m }) => `- \`${file}:${at}:${column}\` ${m.status === 'NoCoverage' ? 'no test reaches it' : 'survived'}: ${m.mutatorName} → \`${oneLine(m.replacement)}\``),
  '',
]).join('\n');
mkdirSync('reports/mutation', { recursive: true });
writeFileSync('reports/mutation/summary.md', `${summary}\n`);
writeFileSync('reports/mutation/survivors.md', `# Mutants the tests did not detect\n\n${survivorList}\n`);
console.log(`\n${summary}\nTarget: ${TARGET} % per folder. Reports: reports/mutation/{scenario,engine}.html, summary.md, survivors.md.`);
process.exit(failed ? 1 : 0);
