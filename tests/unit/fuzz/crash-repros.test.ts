import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRASHES_DIR } from './corpus.ts';
import { FUZZ_TEST_TIMEOUT_MS } from './settings.ts';
import { runCase, Workspace } from './targets.ts';

/**
 * Every crash or misplaced position the fuzzer found, kept as the smallest
 * file that shows it (tests/fixtures/fuzz/crashes/, each with its diagnosis
 * in a comment at the top). Each must go through every target cleanly.
 */
const repros = readdirSync(CRASHES_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('files the fuzzer found crashing tactful', () => {
  it.each(repros)('%s: lint, graph, paths and the game loader neither crash nor misplace a problem', async (name) => {
    const workspace = new Workspace();
    try {
      const result = await runCase(new Uint8Array(readFileSync(join(CRASHES_DIR, name))), name, workspace, { pathsWorkBudget: 250_000 });
      expect(result.findings.map((f) => `${f.target} ${f.kind}: ${f.message}`)).toEqual([]);
    } finally {
      workspace.dispose();
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
