import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation, type ConversationResult } from '../../../src/engine/index.ts';
import { checkScenario, offeredReplies, type CompiledScenario, type DialogueNode, type Reply } from '../../../src/scenario/index.ts';
import { catalogue, compileFile, shippedScenarioFiles } from '../helpers.ts';

/** Plays a scenario choosing, at every decision, the offered reply a strategy prefers (ties: first offered). */
function playStrategy(compiled: CompiledScenario, prefer: (a: Reply, b: Reply) => number): ConversationResult {
  const talk = startConversation(compiled, { clock: new SteppedClock() });
  for (let step = 0; step < 200 && !talk.ended; step++) {
    const node = compiled.scenario.nodes[talk.context.node] as DialogueNode;
    const offered = offeredReplies(node, talk.context);
    let best = 0;
    offered.forEach((r, i) => {
      if (prefer(r, offered[best]!) > 0) best = i;
    });
    talk.reply(best + 1);
  }
  const result = talk.result();
  if (!result) throw new Error(`${compiled.scenario.id}: the strategy did not reach an ending in 200 decisions`);
  return result;
}

const files = shippedScenarioFiles();
const library = files.filter((f) => !f.endsWith('cracked-blender.yaml'));

describe('the scenario library', () => {
  it('ships ten or more scenarios besides the spec example', () => {
    expect(library.length).toBeGreaterThanOrEqual(10);
  });

  it('has at least two scenarios at difficulty 4 or more', () => {
    expect(library.map(compileFile).filter((c) => c.scenario.difficulty >= 4).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(library)('%s', (file) => {
  const compiled = compileFile(file);
  const { scenario } = compiled;
  const dialogue = Object.values(scenario.nodes).filter((n): n is DialogueNode => n.kind === 'dialogue');
  const endings = Object.values(scenario.endings);

  it('lints clean: no errors, no warnings', () => {
    expect(checkScenario(file, readFileSync(file, 'utf8'), catalogue).problems).toEqual([]);
  });

  it('has 12+ dialogue nodes, 3+ endings, a satisfied ending and a poor one', () => {
    expect(dialogue.length).toBeGreaterThanOrEqual(12);
    expect(endings.length).toBeGreaterThanOrEqual(3);
    expect(endings.some((e) => e.outcome === 'satisfied')).toBe(true);
    expect(endings.some((e) => ['dissatisfied', 'escalated', 'lost'].includes(e.outcome))).toBe(true);
  });

  it('has a briefing with objectives, and variables or branch nodes that carry facts forward', () => {
    expect(scenario.objectives.length).toBeGreaterThanOrEqual(2);
    expect(scenario.brief.length).toBeGreaterThan(0);
    const usesState = Object.keys(scenario.variables).length > 0 || Object.values(scenario.nodes).some((n) => n.kind === 'branch');
    expect(usesState).toBe(true);
  });

  it('coaches: feedback on every reply that lists a technique, and on every ending', () => {
    for (const node of dialogue) {
      for (const reply of node.replies) {
        if (reply.techniques.length > 0) expect(reply.feedback, `${node.id} reply ${reply.index}`).toBeTruthy();
      }
    }
    for (const ending of endings) expect(ending.feedback, ending.id).toBeTruthy();
  });

  it('rewards the best-tact path: it reaches a satisfied ending and passes', () => {
    const result = playStrategy(compiled, (a, b) => a.tact - b.tact);
    expect(result.outcome).toBe('satisfied');
    expect(result.passed).toBe(true);
  });

  it('does not let "always please the customer" pass', () => {
    const result = playStrategy(compiled, (a, b) => a.mood - b.mood);
    expect(result.passed).toBe(false);
  });

  it('fails the worst-tact path', () => {
    const result = playStrategy(compiled, (a, b) => b.tact - a.tact);
    expect(result.passed).toBe(false);
  });
});

/** Every line of dialogue in a scenario file: customer lines, replies, ending lines. */
function dialogueLines(file: string): string[] {
  const { scenario } = compileFile(file);
  const lines: string[] = [];
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'dialogue') lines.push(node.customer, ...node.replies.map((r) => r.say));
  }
  for (const ending of Object.values(scenario.endings)) if (ending.customer) lines.push(ending.customer);
  return lines;
}

const normalise = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

describe('originality', () => {
  it('repeats no line of dialogue across scenarios', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const file of files) {
      for (const line of new Set(dialogueLines(file).map(normalise))) {
        if (line.split(' ').length < 3) continue; // "Okay." or "Thanks." are not authored lines
        const other = seen.get(line);
        if (other && other !== file) repeats.push(`"${line}" in ${other} and ${file}`);
        seen.set(line, file);
      }
    }
    expect(repeats).toEqual([]);
  });

  const seeds = join('..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds))('takes no run of 8 words from the seed texts', () => {
    const shingles = (text: string): string[] => {
      const words = normalise(text).split(' ').filter(Boolean);
      return words.slice(0, Math.max(0, words.length - 7)).map((_, i) => words.slice(i, i + 8).join(' '));
    };
    const seedShingles = new Set(readdirSync(seeds).flatMap((f) => shingles(readFileSync(join(seeds, f), 'utf8'))));
    const ours = [...files, 'scenarios/techniques.yaml', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
    const copied: string[] = [];
    for (const file of ours) {
      for (const s of shingles(readFileSync(file, 'utf8'))) if (seedShingles.has(s)) copied.push(`${file}: "${s}"`);
    }
    expect(copied).toEqual([]);
  });
});
