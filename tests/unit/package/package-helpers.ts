import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';

/** The checkout. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');
const XSD = join(ROOT, 'tests', 'fixtures', 'xsd');

/** A real `tactful package` build takes this long on a busy two-core machine, at most. */
export const BUILD_TIMEOUT = 180_000;

/**
 * A temporary folder with copies of two shipped scenarios and their
 * catalogue, outside scenarios/ as a trainer's own folder would be:
 * `estimated-read` (no critical reply; its pass mark changed to 65 here, so a
 * manifest can only show 65 by reading it) and `worn-once` (a critical reply).
 */
export function scenarioCopies(): { dir: string; passMark: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-package-'));
  const passMark = 65;
  copyFileSync(join(ROOT, 'scenarios', 'techniques.yaml'), join(dir, 'techniques.yaml'));
  writeFileSync(join(dir, 'estimated-read.yaml'), readFileSync(join(ROOT, 'scenarios', 'estimated-read.yaml'), 'utf8').replace(/passMark: 70/, `passMark: ${passMark}`));
  copyFileSync(join(ROOT, 'scenarios', 'worn-once.yaml'), join(dir, 'worn-once.yaml'));
  return { dir, passMark };
}

/** The two scenarios' ids and titles, as the files give them. */
export const SCENARIOS = [
  { id: 'estimated-read', title: 'A bill built on a guess' },
  { id: 'worn-once', title: 'The dress that never left the bag' },
] as const;

/**
 * Runs the real command (bin/tactful.mjs, as a trainer does) in a child
 * process, so the build runs exactly as it does from a terminal.
 */
export async function runPackage(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'tactful.mjs'), 'package', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** A zip's entries in their order in the archive: path → bytes. */
export function readZip(path: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(path)))));
}

/** A zip entry as text. */
export function text(files: Map<string, Uint8Array>, path: string): string {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`${path} is not in the zip`);
  return strFromU8(bytes);
}

/** The schema a manifest is checked against (see tests/fixtures/xsd/README.md). */
export type ManifestSchema = 'scorm12' | 'scorm2004' | 'cmi5';
const SCHEMAS: Record<ManifestSchema, string> = {
  scorm12: 'scorm12-manifest.xsd',
  scorm2004: 'scorm2004-manifest.xsd',
  cmi5: join('cmi5', 'CourseStructure.xsd'),
};

/**
 * Validates XML against the official schemas with xmllint (Debian
 * libxml2-utils), offline: the catalogue maps the one remote schema
 * address to its local copy.
 */
export function xmllint(xml: string, schema: ManifestSchema): { valid: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-xmllint-'));
  try {
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(XSD, SCHEMAS[schema]), file], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: join(XSD, 'catalog.xml') },
    });
    if (run.error) throw new Error(`xmllint could not run (${run.error.message}); install it with "apt-get install libxml2-utils"`);
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value of every `attribute="…"` in a document, XML entities decoded. */
export function attributeValues(xml: string, attribute: string): string[] {
  return [...xml.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => decodeXml(m[1]!));
}

/** The text of every `<element>…</element>` in a document, XML entities decoded. */
export function elementTexts(xml: string, element: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}(?:\\s[^>]*)?>([^<]*)</${element}>`, 'g'))].map((m) => decodeXml(m[1]!));
}

function decodeXml(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
}

/**
 * Where a launch address leads inside the package: the file it opens (which
 * must be in the zip) and the scenario and LMS it asks for.
 */
export function launchTarget(href: string): { file: string; scenario: string | null; lms: string | null } {
  const url = new URL(href, 'https://lms.example/packages/course-1/');
  return { file: url.pathname.replace('/packages/course-1/', ''), scenario: url.searchParams.get('scenario'), lms: url.searchParams.get('lms') };
}

/** The built game's JavaScript, all chunks together, to find what it offers. */
export function gameScript(files: Map<string, Uint8Array>): string {
  return [...files.keys()].filter((p) => p.endsWith('.js')).map((p) => text(files, p)).join('\n');
}
