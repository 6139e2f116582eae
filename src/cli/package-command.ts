import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { LrsSettings } from '../report/launch.ts';
import { checkScenario } from '../scenario/index.ts';
import { UsageError } from './errors.ts';
import { catalogueFor, readText } from './files.ts';
import { lintCommand } from './lint-command.ts';
import type { Output } from './output.ts';
import { buildGame, GameBuildError, type ScenarioSource } from './package/build-game.ts';
import { DEFAULT_ID_BASE } from './package/cmi5-course-structure.ts';
import { course, DEFAULT_COURSE_TITLE, packagedScenario, type PackagedScenario } from './package/course.ts';
import { FORMAT_NAMES, isPackageFormat, keepsOfflineCopy, PACKAGE_FORMATS, type PackageFormat } from './package/formats.ts';
import { packageConfigText, packageContents } from './package/package-contents.ts';
import { projectRoot } from './package/project.ts';
import { writeAtomically, zipPackage } from './package/zip.ts';
import { readFailure } from './read-failure.ts';
import { scenarioFiles } from './scenario-files.ts';

/** `tactful package`'s options, checked. */
export interface PackageOptions {
  format: PackageFormat;
  /** The zip to write. */
  out: string;
  title: string;
  /** cmi5: the base of the course and AU IRIs, ending in "/". */
  idBase: string;
  /** web: the LRS written into tactful-config.json. */
  lrs?: LrsSettings;
}

/** The options as the command line gave them. */
export interface PackageArguments {
  format?: string;
  out?: string;
  title?: string;
  'id-base'?: string;
  lrs?: string;
  'lrs-key'?: string;
  'lrs-secret'?: string;
}

const FORMAT_LIST = `${PACKAGE_FORMATS.slice(0, -1).join(', ')} or ${PACKAGE_FORMATS.at(-1)}`;

/**
 * Checks `tactful package`'s options: a known format, a .zip to write, and
 * options that belong to that format (an LRS for the web game, an id base
 * for cmi5). Nothing is read or built before they are right.
 *
 * @throws UsageError (exit 2) naming what to change.
 */
export function packageOptions(given: PackageArguments): PackageOptions {
  const format = given.format;
  if (format === undefined) throw new UsageError(`package needs --format: ${FORMAT_LIST}`);
  if (!isPackageFormat(format)) {
    const near = PACKAGE_FORMATS.find((f) => f === format.toLowerCase().replace(/[^a-z0-9]/g, ''));
    throw new UsageError(`--format must be ${FORMAT_LIST}, not "${format}"${near ? `; did you mean ${near}?` : ''}`);
  }
  if (given.out === undefined) throw new UsageError('package needs --out FILE.zip, the zip to write, e.g. "--out tactful.zip"');
  if (!/\.zip$/i.test(given.out)) throw new UsageError(`--out must name a .zip file (LMSs take zips), not "${given.out}"`);
  const title = given.title?.trim() ?? DEFAULT_COURSE_TITLE;
  if (title === '') throw new UsageError('--title needs some text: the course title trainees see in the LMS');
  const options: PackageOptions = { format, out: given.out, title, idBase: DEFAULT_ID_BASE };
  if (given['id-base'] !== undefined) {
    if (format !== 'cmi5') throw new UsageError('--id-base is for --format cmi5 (it sets the course and AU ids in cmi5.xml)');
    options.idBase = idBase(given['id-base']);
  }
  const lrs = lrsSettings(given, format);
  if (lrs) options.lrs = lrs;
  return options;
}

function idBase(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(value) || !URL.canParse(value)) {
    throw new UsageError(`--id-base must be an absolute IRI your organisation controls, e.g. https://training.example.com/tactful/, not "${value}"`);
  }
  return value.endsWith('/') ? value : `${value}/`;
}

/** `--lrs URL --lrs-key KEY --lrs-secret SECRET`: all three or none, and only for the web game. */
function lrsSettings(given: PackageArguments, format: PackageFormat): LrsSettings | undefined {
  const { lrs: endpoint, 'lrs-key': key, 'lrs-secret': secret } = given;
  if (endpoint === undefined) {
    if (key !== undefined || secret !== undefined) throw new UsageError(`${key !== undefined ? '--lrs-key' : '--lrs-secret'} goes with --lrs URL (the LRS to send results to)`);
    return undefined;
  }
  if (format !== 'web') {
    throw new UsageError(`--lrs is for --format web: a ${FORMAT_NAMES[format]} package reports to the LMS it is uploaded to${format === 'cmi5' ? ' (which names its LRS at launch)' : ''}`);
  }
  if (!/^https?:\/\//i.test(endpoint) || !URL.canParse(endpoint)) throw new UsageError(`--lrs must be the LRS's xAPI address, starting with https:// (or http://), not "${endpoint}"`);
  if (key === undefined || secret === undefined) throw new UsageError('--lrs needs --lrs-key and --lrs-secret too: the LRS credentials the game sends statements with');
  return { endpoint, key, secret };
}

/**
 * `tactful package --format F --out FILE.zip [--title T] [...] [SCENARIO_FILE|DIR ...]`:
 * checks every scenario as `tactful lint` does, builds the game with exactly
 * those scenarios (every shipped one when none is named) and writes one zip
 * an LMS (or a web server) takes. A scenario with errors is listed as lint
 * lists it and nothing is written (exit 1); a path that cannot be used, a
 * folder to write into that is not there, or a failed build exit 2, also
 * with nothing written.
 */
export async function packageCommand(targets: readonly string[], options: PackageOptions, out: Output): Promise<number> {
  const root = projectRoot();
  const zipPath = resolve(options.out);
  checkWritable(options.out, zipPath);
  const named = targets.length > 0 ? targets : [shownPath(join(root, 'scenarios'))];

  const linted = lintCommand(named, false, out);
  if (linted !== 0) {
    out.stderr(`tactful: nothing was written: ${linted === 1 ? 'fix the errors above' : 'fix the paths above'}, then package again`);
    return linted;
  }

  const { scenarios, sources, catalogue } = readScenarios(named);
  // Lint passes a catalogue named on its own, but a game needs something to play.
  if (scenarios.length === 0) throw new UsageError('there is no scenario to package: name scenario files, or a folder of them', false);
  const formatName = FORMAT_NAMES[options.format];
  out.stderr(`Building the game with ${plural(scenarios.length, 'scenario')} for ${formatName}…`);
  let game;
  try {
    const config = packageConfigText({ format: options.format, ...(options.lrs ? { lrs: options.lrs } : {}) });
    game = await buildGame({ root, scenarios: sources, ...(catalogue ? { catalogue } : {}), ...(config !== undefined ? { config } : {}), offline: keepsOfflineCopy(options.format) });
  } catch (error) {
    if (!(error instanceof GameBuildError)) throw error;
    out.stderr(`tactful: the game could not be built, so nothing was written: ${error.message}`);
    return 2;
  }

  const files = packageContents({ format: options.format, course: course(options.title, scenarios), idBase: options.idBase, ...(options.lrs ? { lrs: options.lrs } : {}) }, game);
  const zip = zipPackage(files);
  try {
    writeAtomically(zipPath, zip);
  } catch (error) {
    throw new UsageError(`cannot write ${options.out}: ${readFailure(error)}`, false);
  }
  out.stdout(`Wrote ${options.out} (${formatName}): ${plural(scenarios.length, 'scenario')}, ${plural(files.size, 'file')}, ${megabytes(zip.length)}`);
  return 0;
}

/** Refuses, before any work, a zip that could not be written: a folder that is not there, or a folder in the zip's place. */
function checkWritable(shown: string, zipPath: string): void {
  const folder = dirname(zipPath);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? `the folder ${shownPath(folder)} does not exist` : readFailure(error)}`, false);
  }
  if (!isFolder) throw new UsageError(`cannot write ${shown}: ${shownPath(folder)} is a file, not a folder`, false);
  try {
    if (statSync(zipPath).isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder; name a .zip file inside it`, false);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // Not there yet: it will be created.
  }
}

/**
 * The scenarios lint has just passed, in the order named, and the one
 * technique catalogue the game will carry for them.
 *
 * @throws UsageError when they use different catalogues: the game holds one.
 */
function readScenarios(named: readonly string[]): { scenarios: PackagedScenario[]; sources: ScenarioSource[]; catalogue?: string } {
  const scenarios: PackagedScenario[] = [];
  const sources: ScenarioSource[] = [];
  const catalogues = new Map<string, string>();
  for (const file of scenarioFiles(named).files) {
    const found = catalogueFor(file);
    const { scenario } = checkScenario(file, readText(file), found.catalogue);
    if (!scenario) throw new Error(`${file} passed lint but could not be read again`);
    scenarios.push(packagedScenario(scenario));
    sources.push({ id: scenario.id, file });
    if (found.path) catalogues.set(found.path, file);
  }
  const [first, ...others] = [...catalogues.keys()];
  const different = others.find((path) => readFileSync(path, 'utf8') !== readFileSync(first!, 'utf8'));
  if (first && different) {
    throw new UsageError(
      `${shownPath(catalogues.get(first)!)} and ${shownPath(catalogues.get(different)!)} use different technique catalogues (${shownPath(first)}, ${shownPath(different)}); one game holds one catalogue: package them separately, or give them the same techniques.yaml`,
      false,
    );
  }
  return { scenarios, sources, ...(first ? { catalogue: first } : {}) };
}

/** A path as a trainer would type it: relative to the working folder when it is inside it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
