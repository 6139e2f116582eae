/**
 * `npm run bench`: the engine benchmark (bench/engine.ts, with inkjs as the
 * reference), the audit of the shipped library (bench/audit.ts), the game benchmark (bench/game.ts), the studio benchmark (bench/studio.ts) and the phone benchmark (bench/lighthouse.ts: Lighthouse mobile and an offline visit). Prints a
 * markdown report and writes both sections into docs/performance.md,
 * keeping any other section of that file as it was.
 *
 * Options: `--sizes 500,5000` (default 500,5000,20000), `--no-write`
 * (print only), `--no-game`, `--no-studio` (the authoring studio's live
 * lint while typing, bench/studio.ts), `--no-lighthouse`, `--no-sessions` (the live
 * sessions load test, bench/session-load.ts: about 6 minutes).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runAuditBench } from './audit.ts';
import { runEngineBench } from './engine.ts';
import { runLighthouseBench } from './lighthouse.ts';
import { runSessionLoadBench } from './session-load.ts';
import { runStudioBench } from './studio.ts';
import { runStudioMapBench } from './studio-map.ts';

const here = dirname(fileURLToPath(import.meta.url));
const docPath = join(here, '..', 'docs', 'performance.md');
const gamePath = join(here, 'game.ts');

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number).filter((n) => n > 0) : undefined;
const write = !args.includes('--no-write');

/** Replaces the `## Title` section (up to the next `## ` heading) or appends it. */
export function replaceSection(markdown: string, title: string, section: string): string {
  const body = section.trimEnd() + '\n';
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${body}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before ? '\n' : ''}${body}${after ? `\n${after}` : ''}`;
}

const started = performance.now();
const engine = runEngineBench(sizes ? { sizes } : {});
process.stdout.write(`${engine.markdown}\n`);

const audit = runAuditBench();
process.stdout.write(`\n${audit}\n`);

let game: string | null = null;
if (args.includes('--no-game')) {
  process.stdout.write('(Game benchmark skipped: --no-game.)\n');
} else if (existsSync(gamePath)) {
  const module = (await import(pathToFileURL(gamePath).href)) as { runGameBench?: () => Promise<string> };
  if (typeof module.runGameBench === 'function') {
    try {
      game = await module.runGameBench();
      if (!/^\s*## Game\b/.test(game)) game = `## Game\n\n${game}`;
      process.stdout.write(`\n${game.trimEnd()}\n`);
    } catch (error) {
      // The engine figures are still written; the Game section keeps its previous content.
      process.stdout.write(`\n(Game benchmark failed, its section was left as it was: ${String((error as Error).message ?? error).split('\n')[0]})\n`);
      process.exitCode = 1;
    }
  } else {
    process.stdout.write('\n(Game benchmark skipped: bench/game.ts does not export runGameBench.)\n');
  }
} else {
  process.stdout.write('\n(Game benchmark skipped: bench/game.ts does not exist yet.)\n');
}

let studio: string | null = null;
if (args.includes('--no-studio')) {
  process.stdout.write('(Studio benchmark skipped: --no-studio.)\n');
} else {
  try {
    studio = await runStudioBench();
    process.stdout.write(`\n${studio}\n`);
    // The map's layout and pan/zoom frames, and the studio's initial JavaScript, go in the same section.
    try {
      const map = await runStudioMapBench();
      studio = `${studio.trimEnd()}\n\n${map}`;
      process.stdout.write(`\n${map}\n`);
    } catch (error) {
      process.stdout.write(`\n(Studio map benchmark failed: ${String((error as Error).message ?? error).split('\n')[0]})\n`);
      process.exitCode = 1;
    }
  } catch (error) {
    // As for the game: the other figures are still written; this section keeps its previous content.
    process.stdout.write(`\n(Studio benchmark failed, its section was left as it was: ${String((error as Error).message ?? error).split('\n')[0]})\n`);
    process.exitCode = 1;
  }
}

let phone: string | null = null;
if (args.includes('--no-lighthouse')) {
  process.stdout.write('(Phone benchmark skipped: --no-lighthouse.)\n');
} else {
  try {
    phone = await runLighthouseBench();
    process.stdout.write(`\n${phone}\n`);
  } catch (error) {
    // As for the game: the other figures are still written; this section keeps its previous content.
    process.stdout.write(`\n(Phone benchmark failed, its section was left as it was: ${String((error as Error).message ?? error).split('\n')[0]})\n`);
    process.exitCode = 1;
  }
}

let sessions: string | null = null;
if (args.includes('--no-sessions')) {
  process.stdout.write('(Live sessions load test skipped: --no-sessions.)\n');
} else {
  try {
    sessions = await runSessionLoadBench();
    process.stdout.write(`\n${sessions}\n`);
  } catch (error) {
    // As for the game: the other figures are still written; this section keeps its previous content.
    process.stdout.write(`\n(Live sessions load test failed, its section was left as it was: ${String((error as Error).message ?? error).split('\n')[0]})\n`);
    process.exitCode = 1;
  }
}

if (write) {
  let doc = existsSync(docPath)
    ? readFileSync(docPath, 'utf8')
    : '# Performance\n\nFigures written by `npm run bench` (bench/run.ts). Re-run it to refresh them.\n';
  doc = replaceSection(doc, 'Engine', engine.markdown);
  doc = replaceSection(doc, 'Audit', audit);
  if (game) doc = replaceSection(doc, 'Game', game);
  if (studio) doc = replaceSection(doc, 'Studio', studio);
  if (phone) doc = replaceSection(doc, 'Phone (Lighthouse) and offline', phone);
  if (sessions) doc = replaceSection(doc, 'Live sessions: load', sessions);
  writeFileSync(docPath, doc.trimEnd() + '\n');
  process.stderr.write(`wrote ${docPath}\n`);
}
process.stderr.write(`bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
