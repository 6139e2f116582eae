import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { UsageError } from '../errors.ts';

/** One scenario to build the game with. */
export interface ScenarioSource {
  id: string;
  /** Its file, as named on the command line. */
  file: string;
}

/** What the game is built from and how. */
export interface GameBuild {
  /** The Tactful checkout (see projectRoot). */
  root: string;
  /** The scenarios the game offers, and no others. */
  scenarios: readonly ScenarioSource[];
  /** The technique catalogue they share, if they have one. */
  catalogue?: string;
  /** Keep the service worker and web app manifest (the web game); SCORM and cmi5 packages leave them out. */
  offline: boolean;
  /**
   * The text of `tactful-config.json` (a web package's LRS), written into the
   * build rather than added to the zip afterwards: the service worker then
   * precaches this file, so a visit with the network off still knows where
   * its results go (they wait in the outbox).
   */
  config?: string;
}

/** The built game: each file's path inside the package (with "/") and its bytes, sorted by path. */
export type GameFiles = ReadonlyMap<string, Uint8Array>;

/** A build that failed for a reason no scenario caused (a broken install, a full disk). */
export class GameBuildError extends Error {}

/** What a built game may contain: source maps and the like never go into a package. */
const NEVER_PACKAGED = /\.map$|(^|\/)\.[^/]*$/;

/** The checkout's files the build reads; everything else (tests, docs, the CLI's own build) stays out. */
const BUILD_INPUTS = ['index.html', 'package.json', 'tsconfig.json', 'src', 'assets'];

/**
 * Builds the game with Vite's production build (the checkout's
 * vite.config.ts, relative `base`, no source maps) offering exactly the
 * given scenarios, and returns its files.
 *
 * The game's menu and library read every scenario in `<root>/scenarios/`
 * (the menu plugin in vite.config.ts and the library's glob), so the build
 * runs on a staged copy of the game whose `scenarios/` holds only the chosen
 * files (named `<id>.yaml`, so files of the same name from two folders
 * cannot collide) and their catalogue. The copy sits in
 * `node_modules/.tactful-package-*` so the game's imports still resolve from
 * the checkout's node_modules, and it is removed afterwards, whatever happens.
 *
 * Vite is a development dependency, loaded only here, so the other commands
 * never pay for it.
 *
 * @throws UsageError when Vite is not installed; GameBuildError when the build fails.
 */
export async function buildGame(build: GameBuild): Promise<GameFiles> {
  const vite = await loadVite();
  const stage = mkdtempSync(join(build.root, 'node_modules', '.tactful-package-'));
  try {
    for (const input of BUILD_INPUTS) if (existsSync(join(build.root, input))) cpSync(join(build.root, input), join(stage, input), { recursive: true });
    mkdirSync(join(stage, 'scenarios'));
    for (const s of build.scenarios) copyFileSync(s.file, join(stage, 'scenarios', `${s.id}.yaml`));
    if (build.catalogue) copyFileSync(build.catalogue, join(stage, 'scenarios', 'techniques.yaml'));
    if (build.config !== undefined) writeFileSync(join(stage, 'assets', 'public', 'tactful-config.json'), build.config);
    const outDir = join(stage, 'dist');
    await withEnvironment({ NODE_ENV: 'production', TACTFUL_SERVICE_WORKER: build.offline ? undefined : 'off' }, async () => {
      try {
        await vite.build({
          configFile: join(build.root, 'vite.config.ts'),
          root: stage,
          base: './',
          mode: 'production',
          logLevel: 'silent',
          cacheDir: join(stage, '.vite'),
          build: {
            outDir,
            emptyOutDir: true,
            sourcemap: false,
            // The app icons in assets/public serve only the web app manifest, which an LMS package leaves out.
            copyPublicDir: build.offline,
            reportCompressedSize: false,
          },
        });
      } catch (error) {
        throw new GameBuildError(firstLine(error));
      }
    });
    return readTree(outDir);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function loadVite(): Promise<typeof import('vite')> {
  try {
    return await import('vite');
  } catch {
    throw new UsageError('package builds the game with Vite, which is not installed here: run "npm install" in your Tactful checkout (Vite is one of its development dependencies)', false);
  }
}

/**
 * Runs `work` with some environment variables set (undefined: unset), then
 * puts them back. The build reads them: NODE_ENV must be "production" (a
 * shell's NODE_ENV=development would build the development game), and
 * vite.config.ts leaves the service worker out when TACTFUL_SERVICE_WORKER is "off".
 */
async function withEnvironment(values: Record<string, string | undefined>, work: () => Promise<void>): Promise<void> {
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>): void => {
    for (const [k, value] of Object.entries(v)) {
      if (value === undefined) delete process.env[k];
      else process.env[k] = value;
    }
  };
  apply(values);
  try {
    await work();
  } finally {
    apply(before);
  }
}

/** Every file under `dir`, by its path inside the package, sorted, leaving out source maps and hidden files. */
function readTree(dir: string): GameFiles {
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split(sep).join('/'))
    .filter((path) => !NEVER_PACKAGED.test(path))
    .sort();
  return new Map(paths.map((path) => [path, new Uint8Array(readFileSync(join(dir, path)))]));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'no reason given';
}
