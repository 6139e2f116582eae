import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically, zipPackage } from '../../../src/cli/package/zip.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the package zip', () => {
  const files = new Map([
    ['imsmanifest.xml', bytes('<manifest/>')],
    ['assets/sting.ogg', bytes('OggS…'.repeat(200))],
    ['index.html', bytes('<!doctype html>'.repeat(200))],
  ]);

  it('is the same, byte for byte, every time it is made from the same files', () => {
    expect(zipPackage(files)).toEqual(zipPackage(new Map(files)));
  });

  it('keeps the files in the order given, each at its path from the root', () => {
    const entries = unzipSync(zipPackage(files));
    expect(Object.keys(entries)).toEqual(['imsmanifest.xml', 'assets/sting.ogg', 'index.html']);
    expect(new TextDecoder().decode(entries['index.html'])).toBe('<!doctype html>'.repeat(200));
  });

  it('compresses text but stores sounds, fonts and images as they are (compressed already)', () => {
    const zip = zipPackage(files);
    // Central directory entries: signature PK\1\2, compression method at offset 10.
    const methods = new Map<string, number>();
    for (let i = 0; i < zip.length - 46; i++) {
      if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 1 || zip[i + 3] !== 2) continue;
      const nameLength = zip[i + 28]! | (zip[i + 29]! << 8);
      methods.set(new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLength)), zip[i + 10]! | (zip[i + 11]! << 8));
    }
    expect(Object.fromEntries(methods)).toEqual({ 'imsmanifest.xml': 8, 'assets/sting.ogg': 0, 'index.html': 8 });
  });
});

describe('writing the zip', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tactful-zip-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a file of the same name in one step', () => {
    writeFileSync(join(dir, 'course.zip'), 'old');
    writeAtomically(join(dir, 'course.zip'), bytes('new'));
    expect(readdirSync(dir)).toEqual(['course.zip']);
  });

  it('leaves nothing behind when the file cannot take its name (here, a folder is in the way)', () => {
    mkdirSync(join(dir, 'course.zip'));
    writeFileSync(join(dir, 'course.zip', 'keep.txt'), 'x');
    expect(() => writeAtomically(join(dir, 'course.zip'), bytes('new'))).toThrow();
    expect(readdirSync(dir)).toEqual(['course.zip']);
    expect(readdirSync(join(dir, 'course.zip'))).toEqual(['keep.txt']);
  });
});
