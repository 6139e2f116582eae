import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** Files that are compressed already: stored as they are, so zipping them again costs time and saves nothing. */
const ALREADY_COMPRESSED = /\.(ogg|mp3|m4a|woff2?|png|jpe?g|gif|webp|zip)$/i;

/**
 * Every entry's date. A fixed one, so the same game and scenarios give the
 * same zip, byte for byte, on every run (an LMS or a reviewer can tell that
 * nothing changed). ZIP dates have no time zone and start in 1980.
 */
const ENTRY_DATE = new Date(2000, 0, 1, 0, 0, 0);

/**
 * The package's zip: every file at the root of the archive (not in a
 * folder, as LMSs expect imsmanifest.xml and cmi5.xml), in the order given.
 *
 * @param files path inside the package (with "/") → bytes; their order is the zip's order. Paths are never
 * canonical array indices (every file has an extension), so the object below keeps that order.
 */
export function zipPackage(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of files) entries[path] = [bytes, { level: ALREADY_COMPRESSED.test(path) ? 0 : 9 }];
  return zipSync(entries, { mtime: ENTRY_DATE });
}

/**
 * Writes a file so that it is either complete or not there at all: the
 * bytes go to a temporary file beside it, which then takes its name in one
 * step. A failure (a full disk, a refused folder) leaves no half-written
 * zip for a trainer to upload, and an older zip of the same name untouched.
 *
 * @throws the file system's error, after removing the temporary file.
 */
export function writeAtomically(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
