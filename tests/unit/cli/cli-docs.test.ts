import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tactful } from './run-tactful.ts';

/**
 * Every `$ npx tactful …` example in docs/cli.md whose files exist, with the
 * lines the docs show after it ("…" marks lines left out). Running them keeps
 * figures such as the number of files checked from going stale.
 */
function examples(): { argv: string[]; shown: string[] }[] {
  const found: { argv: string[]; shown: string[] }[] = [];
  for (const line of readFileSync('docs/cli.md', 'utf8').split('\n')) {
    const command = /^\$ npx tactful (.+)$/.exec(line);
    if (command) found.push({ argv: command[1]!.split(' '), shown: [] });
    else if (line.startsWith('```')) found.push({ argv: [], shown: [] });
    else found.at(-1)?.shown.push(line);
  }
  const isMissingFile = (arg: string): boolean => /\/|\.ya?ml$/i.test(arg) && !existsSync(arg);
  return found.filter((e) => e.argv.length > 0 && !e.argv.some(isMissingFile));
}

describe('docs/cli.md', () => {
  it.each(examples().map((e) => [e.argv.join(' '), e] as const))('shows what "tactful %s" prints', async (_, { argv, shown }) => {
    const r = await tactful(...argv);
    const printed = `${r.stdout}\n${r.stderr}`.split('\n').map((l) => l.trimEnd());
    for (const line of shown.filter((l) => l.trim() !== '' && !l.includes('…'))) expect(printed).toContain(line.trimEnd());
  });
});
