import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the game's files come from, and how that was decided (for the start-up message). */
export interface GameFolder {
  dir: string | null;
  note: string;
}

/**
 * The built game to serve: `dist/` in the Tactful checkout when it is
 * there (what `npm run build` writes), otherwise built now with Vite into
 * `dist/` (once: the next start finds it). Without Vite (an installed
 * package) there is nothing to build, and the server runs without the game
 * (the API still works).
 *
 * The build is not redone when scenarios change: `npm run build` rebuilds
 * it, and the note says so. `TACTFUL_GAME_DIR` names another built folder
 * (the end-to-end tests serve their own build this way).
 */
export async function gameFolder(root: string, say: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<GameFolder> {
  const given = env.TACTFUL_GAME_DIR;
  if (given) {
    if (existsSync(join(given, 'index.html'))) return { dir: given, note: `the game built in ${given} (TACTFUL_GAME_DIR)` };
    return { dir: null, note: `no built game in TACTFUL_GAME_DIR=${given} (no index.html there): the API runs, /play/ does not` };
  }
  const dist = join(root, 'dist');
  if (existsSync(join(dist, 'index.html'))) return { dir: dist, note: `the game built in ${dist} (run "npm run build" after changing scenarios)` };
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return { dir: null, note: 'no built game here (no dist/ and no Vite to build it): the API runs, /play/ does not' };
  }
  say('Building the game once (dist/ is missing); this takes a minute…');
  await vite.build({ configFile: join(root, 'vite.config.ts'), root, logLevel: 'warn', mode: 'production' });
  return { dir: dist, note: `the game just built in ${dist}` };
}
