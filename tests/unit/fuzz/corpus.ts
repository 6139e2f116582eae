/**
 * What the fuzzer starts from: every shipped scenario file, as bytes, and the
 * shipped technique catalogue. No Vitest import, so bench/fuzz.ts uses it too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type TechniqueCatalogue } from '../../../src/scenario/index.ts';

/** The repository root (this file is tests/unit/fuzz/corpus.ts). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The folder of shipped scenarios and its catalogue file. */
export const SCENARIOS_DIR = join(ROOT, 'scenarios');
export const TECHNIQUES_FILE = join(SCENARIOS_DIR, 'techniques.yaml');

/** Crash repros found by the fuzzer, one file each (see tests/unit/fuzz/crash-repros.test.ts). */
export const CRASHES_DIR = join(ROOT, 'tests', 'fixtures', 'fuzz', 'crashes');

/** One shipped scenario: its name (`missing-zero.yaml`) and its bytes. */
export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** Every shipped scenario (scenarios/*.yaml but the catalogue), sorted by name. */
export function shippedSeeds(): Seed[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'techniques.yaml')
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(SCENARIOS_DIR, name))) }));
}

/** The shipped catalogue, as the game and the CLI build it. */
export const catalogue: TechniqueCatalogue = buildCatalogue(readFileSync(TECHNIQUES_FILE, 'utf8')).catalogue;

/** The shipped scenarios' bytes by name, as the fuzz cases name them. */
export function originalsByName(): Map<string, Uint8Array> {
  return new Map(shippedSeeds().map((s) => [s.name, s.bytes]));
}
