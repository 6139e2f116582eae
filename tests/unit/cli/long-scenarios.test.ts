import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFolder, tactful } from './run-tactful.ts';

/**
 * A chain of `length` decisions, each going on or stopping: the depth a
 * recursive walk would need grows with it, so it shows whether a command
 * recurses on the size of a trainer's file.
 */
function chainScenario(length: number): string {
  const lines = ['id: long-chain', 'title: A long chain', 'customer:', '  name: Sam', '  mood: 50', '  patience: none', 'start: n0', 'nodes:'];
  for (let i = 0; i < length; i++) {
    const next = i + 1 < length ? `n${i + 1}` : 'done';
    lines.push(`  n${i}:`, `    customer: Line ${i}.`, '    replies:', `      - say: Go on (${i}).`, '        tact: 1', `        goto: ${next}`,
      `      - say: Stop here (${i}).`, '        tact: -1', '        goto: done');
  }
  lines.push('endings:', '  done:', '    customer: Bye.', '    outcome: satisfied', '');
  return lines.join('\n');
}

const LENGTH = 2000;
const file = join(scenarioFolder(), 'long-chain.yaml');
writeFileSync(file, chainScenario(LENGTH));

describe('a 2,000-node chain scenario', () => {
  it('lints, draws and plays to the end without recursing on its length', async () => {
    expect((await tactful('lint', file)).stderr).toBe('1 file checked: 0 errors, 0 warnings');
    const graph = await tactful('graph', file);
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('n1999');
    const play = await tactful('play', file, '--choose', Array.from({ length: LENGTH }, () => '1').join(','), '--json');
    expect(play.stderr).toBe('');
    expect(JSON.parse(play.stdout)).toMatchObject({ ending: 'done', passed: true });
  }, 60_000);

  // The route walk behind paths and audit (src/engine/paths.ts) recurses once per step; that
  // file is not the CLI's. Until it is a loop, the CLI must at least say what happened.
  it.each(['paths', 'audit'])('%s walks it, or says plainly that the route was too long for tactful', async (command) => {
    const r = await tactful(command, file);
    expect(r.stderr).not.toContain('something went wrong');
    if (r.code === 0 || (command === 'audit' && r.code === 1 && r.stderr === '')) {
      expect(r.stdout).toContain('long-chain');
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`tactful: ${command} ran out of stack space on this scenario, probably on a very long route; that is a limit of tactful, not a mistake in the file. Please report it with the file you used.`);
    }
  }, 60_000);
});
