import { describe, expect, it } from 'vitest';
import { readOptions } from '../../../src/cli/options.ts';
import { EXAMPLE, tactful } from './run-tactful.ts';

describe('command-line options', () => {
  it('help lists every play option, --timers included', async () => {
    const r = await tactful('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[--timers SETTING]');
    expect(r.stdout).toContain('--timers standard|1.5x|2x|off');
  });

  it('rejects --no-timers with a --timers setting other than off as contradictory (exit 2)', async () => {
    const r = await tactful('play', EXAMPLE, '--no-timers', '--timers', '2x', '--choose', '1,1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tactful: --no-timers and --timers 2x contradict each other; give one of them');
    // Saying the same thing twice is not a contradiction.
    expect((await tactful('play', EXAMPLE, '--no-timers', '--timers', 'off', '--choose', '1,1')).code).toBe(0);
  });

  it('answers --choose -1 with our own message about the choice, not Node\'s parser (exit 1)', async () => {
    const r = await tactful('play', EXAMPLE, '--choose', '-1');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tactful: --choose: step 1 "-1" is not a choice: use N (reply number), N@S (after S seconds) or t (let the timer run out)');
  });

  it('says an option needs a value when it has none, or when the next word is another option', async () => {
    for (const args of [['--choose'], ['--choose', '--no-timers']]) {
      const r = await tactful('play', EXAMPLE, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('tactful: --choose needs a value');
    }
  });

  it('names an unknown option with both quotes closed and no advice about "--"', async () => {
    const r = await tactful('lint', 'scenarios', '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('tactful: "--colour" is not an option of "tactful lint"');
    expect(r.stderr).not.toContain('positional');
  });

  it('refuses a value on a flag, an option given twice, and a file given to schema (exit 2)', async () => {
    expect((await tactful('lint', 'scenarios', '--json=yes')).stderr).toContain('tactful: --json takes no value, not "yes"');
    expect((await tactful('play', EXAMPLE, '--choose', '1', '--choose', '2')).stderr).toContain('tactful: --choose is given twice; give it once');
    const schema = await tactful('schema', 'scenarios');
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain('tactful: schema takes no file or folder, not "scenarios"');
  });

  it('reads values, repeated options and words after "--"', () => {
    expect(readOptions('audit', ['a', '--threshold', 'runs=5', '--json', '--threshold=seed=2', '--', '--odd-name.yaml'], {
      json: { type: 'boolean' }, threshold: { type: 'string', multiple: true },
    })).toEqual({ values: { json: true, threshold: ['runs=5', 'seed=2'] }, positionals: ['a', '--odd-name.yaml'] });
  });
});
