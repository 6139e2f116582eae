/**
 * Regenerates tests/fixtures/seeds/shingles.txt from ../shared/seeds: the
 * fingerprints of every 8-word run in the seed texts (see
 * tests/unit/library/seed-shingles.ts). Run with `npx tsx scripts/seed-fingerprints.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, shingles } from '../tests/unit/library/seed-shingles.ts';

const seeds = join('..', 'shared', 'seeds');
const prints = new Set(readdirSync(seeds).sort().flatMap((f) => shingles(readFileSync(join(seeds, f), 'utf8')).map(fingerprint)));
writeFileSync(join('tests', 'fixtures', 'seeds', 'shingles.txt'), `${[...prints].sort().join('\n')}\n`);
console.log(`${prints.size} fingerprints written`);
