import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, Zip, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { course } from '../../../src/cli/package/course.ts';
import { PACKAGE_CONFIG_FILE, packageContents } from '../../../src/cli/package/package-contents.ts';
import { zipPackage } from '../../../src/cli/package/zip.ts';
import { duplicateNames, zipEntryNames } from '../../support/zip-entries.ts';
import { ROOT } from './package-helpers.ts';

/**
 * A zip never holds two entries of the same name: an LMS or a web host
 * unzipping one would keep either, so which settings the game reads would
 * be chance. The risk is real for tactful-config.json: every web build
 * ships the default one (assets/public), and `--lrs` writes its own.
 */
const defaultConfig = new Uint8Array(readFileSync(join(ROOT, 'assets', 'public', PACKAGE_CONFIG_FILE)));
const lrs = { endpoint: 'https://lrs.acme.test/xapi/', key: 'k3y', secret: 's3cr3t' };
const scenario = { id: 'worn-once', title: 'The dress that never left the bag', summary: 'A return.', locale: 'en', passMark: 70, masteryScore: 70 };
/** A built web game as buildGame returns it: the page, a script, and the default config from the public folder. */
const webGame = new Map<string, Uint8Array>([
  ['assets/index-abc.js', strToU8('console.log(1)')],
  ['index.html', strToU8('<!doctype html>')],
  [PACKAGE_CONFIG_FILE, defaultConfig],
]);

function streamedZip(names: string[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const name of names) {
    const file = new ZipPassThrough(name);
    zip.add(file);
    file.push(strToU8(name), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

describe('zip entry names', () => {
  it('lists every entry of the central directory, a repeated name as often as it is there', () => {
    const names = zipEntryNames(streamedZip(['index.html', 'tactful-config.json', 'tactful-config.json']));
    expect(names).toEqual(['index.html', 'tactful-config.json', 'tactful-config.json']);
    expect(duplicateNames(names)).toEqual(['tactful-config.json']);
  });
});

describe('a web package with --lrs', () => {
  it('has exactly one tactful-config.json, the one with the given LRS, in place of the default the build ships', () => {
    expect(strFromU8(defaultConfig)).not.toContain('lrs.acme.test');
    const zip = zipPackage(packageContents({ format: 'web', course: course('Tactful', [scenario]), idBase: 'https://tactful.example/', lrs }, webGame));
    const names = zipEntryNames(zip);
    expect(names.filter((n) => n === PACKAGE_CONFIG_FILE)).toHaveLength(1);
    expect(duplicateNames(names)).toEqual([]);
    expect(JSON.parse(strFromU8(unzipSync(zip)[PACKAGE_CONFIG_FILE]!))).toEqual({ lrs });
  });

  it('keeps the default tactful-config.json, once, when no LRS is given', () => {
    const names = zipEntryNames(zipPackage(packageContents({ format: 'web', course: course('Tactful', [scenario]), idBase: 'https://tactful.example/' }, webGame)));
    expect(names.filter((n) => n === PACKAGE_CONFIG_FILE)).toHaveLength(1);
  });
});
