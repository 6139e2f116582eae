import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
}

// The CLI, the game and the tests drive the same engine: these layers must
// stay plain TypeScript so a score in the terminal equals one in the browser.
const FORBIDDEN_IMPORTS = [/from ['"]phaser/, /from ['"]howler/, /from ['"]node:/, /from ['"](fs|path|os|child_process|process)['"]/, /from ['"]\.\.\/(game|cli|report)\//];
const FORBIDDEN_GLOBALS = [/\bMath\.random\(/, /(?<![.\w$])document\./, /(?<![.\w$])window\./, /\blocalStorage\b/, /(?<![.\w$])process\./, /\bDate\.now\(/, /\bperformance\.now\(/, /\bnew Date\(/, /\beval\(/, /\bnew Function\(/];

// The audit runs on the engine in the CLI and in the studio's worker; the map
// model and its layout (src/map) are shared by the studio and the game's debrief.
describe.each(['src/scenario', 'src/engine', 'src/audit', 'src/map'])('%s stays plain TypeScript', (dir) => {
  it.each(sources(dir))('%s imports no Phaser, DOM or Node API and reads no clock', (file) => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const pattern of [...FORBIDDEN_IMPORTS, ...FORBIDDEN_GLOBALS]) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
  });
});

// The format knows nothing of the runtime: the studio can check a file
// without the engine, and the server can replay decisions with the engine alone.
describe('src/scenario is the format only', () => {
  it.each(sources('src/scenario'))('%s imports nothing from src/engine', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/from ['"]\.\.\/engine\//);
  });

  it('leaves the XState machine to the engine', () => {
    for (const file of sources('src/scenario')) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]xstate/);
  });
});
