import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.ts';

/** What a folder must hold to build the game from: its page, its build settings and its sources. */
const GAME_SOURCES = ['index.html', 'vite.config.ts', join('src', 'game', 'main.ts')];

/**
 * The Tactful checkout this command runs from: the folder above this file
 * (src/cli/package/ in a checkout, bin/dist/ when the command was built)
 * that holds the game's sources. Found from the command's own location, not
 * the working folder, so `npx tactful package` works from anywhere.
 *
 * @throws UsageError when there is none: an installed copy of the package
 * carries the command but not the game's sources.
 */
export function projectRoot(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (GAME_SOURCES.every((f) => existsSync(join(dir, f)))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError('package builds the game from its sources, which this copy of tactful does not have: run it in a checkout of Tactful (git clone, then npm install)', false);
}
