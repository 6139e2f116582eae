import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../../src/cli/run.ts';

/** The worked example from the spec: a valid scenario using only built-in techniques. */
export const EXAMPLE = 'docs/examples/cracked-blender.yaml';

/** Runs the CLI in-process, capturing what it prints. */
export async function tactful(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/**
 * A fresh folder of scenario files: each entry maps a relative path to a
 * scenario id (the worked example under that id) or to literal text.
 */
export function scenarioFolder(files: Record<string, { id: string } | { text: string }> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-cli-'));
  const example = readFileSync(EXAMPLE, 'utf8');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), 'id' in content ? example.replace('id: cracked-blender', `id: ${content.id}`) : content.text);
  }
  return dir;
}
