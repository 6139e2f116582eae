import type { LrsSettings, PackageConfig } from '../../report/launch.ts';
import { cmi5CourseStructure } from './cmi5-course-structure.ts';
import type { Course } from './course.ts';
import type { GameFiles } from './build-game.ts';
import type { PackageFormat } from './formats.ts';
import { scorm12Manifest } from './scorm12-manifest.ts';
import { scorm2004Manifest } from './scorm2004-manifest.ts';

/** The file a web package may carry beside index.html, read by the game at launch (src/report/launch.ts). */
export const PACKAGE_CONFIG_FILE = 'tactful-config.json';

/** The manifest each LMS format puts at the root of the zip. */
export const MANIFEST_FILE: Readonly<Record<Exclude<PackageFormat, 'web'>, string>> = {
  scorm12: 'imsmanifest.xml',
  scorm2004: 'imsmanifest.xml',
  cmi5: 'cmi5.xml',
};

/** What a package adds to the built game. */
export interface PackageSettings {
  format: PackageFormat;
  course: Course;
  /** cmi5: the base of the course and AU IRIs, ending in "/". */
  idBase: string;
  /** web: the LRS the game sends xAPI statements to, written to tactful-config.json. */
  lrs?: LrsSettings;
}

/**
 * Every file of the package, in the zip's order: the manifest first (where
 * the format has one, so a quick look at the zip finds it), then the game's
 * files by path. SCORM manifests list every one of those files.
 */
export function packageContents(settings: PackageSettings, game: GameFiles): Map<string, Uint8Array> {
  const files = new Map(game);
  const config = packageConfigText(settings);
  // The build already holds it (buildGame's `config`); set here too so the zip never depends on that.
  if (config !== undefined) files.set(PACKAGE_CONFIG_FILE, utf8(config));
  const paths = [...files.keys()].sort();
  const manifest = manifestFor(settings, paths);
  const ordered = new Map<string, Uint8Array>();
  if (manifest) ordered.set(manifest.name, utf8(manifest.text));
  for (const path of paths) ordered.set(path, files.get(path)!);
  return ordered;
}

/** The text of a web package's `tactful-config.json` (its LRS), or undefined when it has none to write. */
export function packageConfigText(settings: Pick<PackageSettings, 'format' | 'lrs'>): string | undefined {
  if (settings.format !== 'web' || !settings.lrs) return undefined;
  const config: PackageConfig = { lrs: settings.lrs };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function manifestFor(settings: PackageSettings, paths: readonly string[]): { name: string; text: string } | undefined {
  switch (settings.format) {
    case 'scorm12':
      return { name: MANIFEST_FILE.scorm12, text: scorm12Manifest(settings.course, paths) };
    case 'scorm2004':
      return { name: MANIFEST_FILE.scorm2004, text: scorm2004Manifest(settings.course, paths) };
    case 'cmi5':
      return { name: MANIFEST_FILE.cmi5, text: cmi5CourseStructure(settings.course, settings.idBase) };
    case 'web':
      return undefined;
  }
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
