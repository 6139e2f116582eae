import type { LmsKind } from '../../report/launch.ts';

/** What `tactful package --format` can make. */
export type PackageFormat = LmsKind | 'web';

/** Every format, in the order the help lists them. */
export const PACKAGE_FORMATS: readonly PackageFormat[] = ['scorm12', 'scorm2004', 'cmi5', 'web'];

/** How each format is named to a trainer (messages and docs). */
export const FORMAT_NAMES: Readonly<Record<PackageFormat, string>> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th edition',
  cmi5: 'cmi5',
  web: 'web',
};

/**
 * Whether `value` names a format.
 *
 * @example isPackageFormat('scorm12') // true
 */
export function isPackageFormat(value: string): value is PackageFormat {
  return (PACKAGE_FORMATS as readonly string[]).includes(value);
}

/**
 * Whether the game in this format keeps its offline copy (the service worker
 * and web app manifest). An LMS serves a package in a frame under its own
 * address and tracks every launch itself, so SCORM and cmi5 packages leave
 * them out; only the web game, installed on a site or a phone, keeps them.
 */
export function keepsOfflineCopy(format: PackageFormat): boolean {
  return format === 'web';
}
