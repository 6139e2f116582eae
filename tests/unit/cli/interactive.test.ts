import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { playInteractive, type Terminal } from '../../../src/cli/interactive.ts';
import { replyInput } from '../../../src/cli/reply-input.ts';
import { emotionForMood } from '../../../src/engine/index.ts';
import { EMOTION_LABELS } from '../../../src/engine/emotion.ts';
import { catalogue, compileYaml } from '../helpers.ts';
import { EXAMPLE } from './run-tactful.ts';

const example = compileYaml(readFileSync(EXAMPLE, 'utf8'));
const BEST_FIRST = 2; // this shuffle seed shows the best reply first at both decisions
const HINT = 'Type a number from 1 to 3, or q to quit.';

/** A terminal whose keys or lines are given up front, recording what play writes. */
function fakeTerminal(tty: boolean): { terminal: Terminal; input: PassThrough; output: () => string } {
  const input = Object.assign(new PassThrough(), { setRawMode: () => input });
  let written = '';
  return { terminal: { input, tty, write: (text) => { written += text; } }, input, output: () => written };
}

/** Plays with piped input, one answer per line. */
async function playPiped(lines: string[], compiled = example): Promise<{ code: number; output: string }> {
  const { terminal, input, output } = fakeTerminal(false);
  input.end(`${lines.join('\n')}\n`);
  const code = await playInteractive(compiled, catalogue, 'standard', BEST_FIRST, terminal);
  return { code, output: output() };
}

describe('what a trainee types at a decision', () => {
  it.each([
    ['2', { kind: 'reply', number: 2 }],
    [' 3 ', { kind: 'reply', number: 3 }],
    ['q', { kind: 'quit' }],
    ['Q', { kind: 'quit' }],
    ['', { kind: 'hint', message: HINT }],
    ['0', { kind: 'hint', message: HINT }],
    ['x', { kind: 'hint', message: HINT }],
    ['\r', { kind: 'hint', message: HINT }],
    ['4', { kind: 'hint', message: `There is no reply 4. ${HINT}` }],
  ])('reads %j as %j with 3 replies offered', (typed, meant) => {
    expect(replyInput(typed, 3)).toEqual(meant);
  });

  it('words the hint for a single reply', () => {
    expect(replyInput('2', 1)).toEqual({ kind: 'hint', message: 'There is no reply 2. Type 1 to reply, or q to quit.' });
  });
});

describe('interactive play', () => {
  it('answers 0, a letter and an empty line with the numbers to type, then plays on', async () => {
    const r = await playPiped(['0', 'x', '', '9', '1', '1']);
    expect(r.output.split(`  ${HINT}\n`)).toHaveLength(4);
    expect(r.output).toContain(`  There is no reply 9. ${HINT}\n`);
    expect(r.output).toContain('Customer left satisfied.');
    expect(r.code).toBe(0);
  });

  it('echoes each chosen reply as "You: …"', async () => {
    const r = await playPiped(['1', '1']);
    expect(r.output).toContain('You: “I\'m sorry it\'s let you down. Thanks for bringing it straight back. What happened?”\n');
    expect(r.output).toContain('You: “That happens more than you\'d think, and there\'s usually an easy fix.”\n');
  });

  it('in a terminal, gives the hint at once for Enter, 0 or a letter, and still takes the keys that answer', async () => {
    const { terminal, input, output } = fakeTerminal(true);
    const played = playInteractive(example, catalogue, 'standard', BEST_FIRST, terminal);
    for (const key of ['\r', '0', 'x', '1', '1']) input.write(key);
    expect(await played).toBe(0);
    expect(output().split(`  ${HINT}\n`)).toHaveLength(4);
    expect(output()).toContain('Customer left satisfied.');
  });

  it.each([0, 19, 20, 39, 40, 59, 60, 79, 80, 100])('calls mood %i by the word the game\'s mood meter shows', async (mood) => {
    const text = readFileSync(EXAMPLE, 'utf8').replace(/mood: 30 .*/, `mood: ${mood}`);
    const r = await playPiped(['q'], compileYaml(text));
    expect(r.output).toContain(`Dana (${EMOTION_LABELS[emotionForMood(mood)]}, mood ${mood}/100):`);
  });

  it('calls mood 40 "Neutral", as the docs do, not "calm"', async () => {
    const r = await playPiped(['q'], compileYaml(readFileSync(EXAMPLE, 'utf8').replace(/mood: 30 .*/, 'mood: 40')));
    expect(r.output).toContain('Dana (Neutral, mood 40/100):');
  });
});
