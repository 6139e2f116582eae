import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation, type ConversationResult } from '../../../src/engine/index.ts';
import { checkScenario, offeredReplies, type DialogueNode, type Reply } from '../../../src/scenario/index.ts';
import { type CompiledScenario } from '../../../src/engine/index.ts';
import { auditScenarios } from '../../../src/audit/index.ts';
import { catalogue, compileFile, shippedScenarioFiles } from '../helpers.ts';
import { fingerprint, normaliseWords, shingles } from './seed-shingles.ts';

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
const library = files;

/** Situations the library must cover, each named by a tag (issue: "Practice that trains"). */
const SITUATIONS = [
  'customer-right', 'refund-fraud', 'language-barrier', 'accessibility', 'manager-handoff', 'repeat-caller',
  'vulnerable-customer', 'customer-in-tears', 'never-concedes', 'praise-and-insult', 'abusive-customer', 'staff-safety',
];
/** Channels, by tag. */
const CHANNELS = ['counter', 'phone', 'chat', 'sms', 'email', 'social-media', 'video-call'];
/** Settings beyond the UK, by locale. */
const LOCALES = ['en-US', 'en-IN', 'en-AU', 'en-NG', 'en-CA'];

describe('the scenario library', () => {
  it('ships 22 or more scenarios', () => {
    expect(library.length).toBeGreaterThanOrEqual(22);
  });

  it('covers every situation, channel and setting it promises', () => {
    const scenarios = library.map((f) => compileFile(f).scenario);
    const tags = new Set(scenarios.flatMap((s) => s.tags));
    expect(SITUATIONS.filter((t) => !tags.has(t)), 'situations with no scenario').toEqual([]);
    expect(CHANNELS.filter((t) => !tags.has(t)), 'channels with no scenario').toEqual([]);
    const locales = new Set(scenarios.map((s) => s.locale));
    expect(LOCALES.filter((l) => !locales.has(l)), 'settings with no scenario').toEqual([]);
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

  it('coaches: feedback on every reply, and on every ending', () => {
    for (const node of dialogue) {
      for (const reply of node.replies) expect(reply.feedback, `${node.id} reply ${reply.index}`).toBeTruthy();
    }
    for (const ending of endings) expect(ending.feedback, ending.id).toBeTruthy();
  });

  it('rewards the best-tact path: it passes (a customer who never concedes may still leave unsatisfied)', () => {
    const result = playStrategy(compiled, (a, b) => a.tact - b.tact);
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

describe('the library audit (tactful audit scenarios)', () => {
  const report = auditScenarios(library.map(compileFile), catalogue);
  const n = report.scenarios.length;

  it('reports no finding', () => {
    expect(report.findings.map((f) => `${f.scenario ?? 'library'}: ${f.message}`)).toEqual([]);
  });

  it('lets no rule of thumb pass more than 15% of scenarios', () => {
    for (const s of report.library.strategies) {
      const passed = report.scenarios.filter((a) => a.strategies.find((o) => o.strategy === s.strategy)!.passRate > 0.5).length;
      expect(passed / n, s.strategy).toBeLessThanOrEqual(0.15);
    }
  });

  it('passes random play under 10% of the time, averaging under 60', () => {
    expect(report.library.random.passRate).toBeLessThan(0.1);
    expect(report.library.random.meanOverall).toBeLessThan(60);
  });

  it('makes the longest reply a best reply at under 45% of decisions', () => {
    const { longestIsBest, decisions } = report.library.lengthBias;
    expect(longestIsBest / decisions).toBeLessThan(0.45);
  });

  it('has, in every scenario, a route that passes and routes that fail', () => {
    for (const a of report.scenarios) {
      expect(a.routes.passingRoutes, a.scenario).toBeGreaterThan(0);
      expect(a.routes.passingRoutes, a.scenario).toBeLessThan(a.routes.routes);
    }
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

const normalise = normaliseWords;

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

  // The fingerprints are committed, so this runs in every clone, with or without shared/ beside it.
  const seedPrints = new Set(readFileSync('tests/fixtures/seeds/shingles.txt', 'utf8').split('\n').filter(Boolean));

  it('takes no run of 8 words from the seed texts', () => {
    expect(seedPrints.size).toBeGreaterThan(1000);
    const ours = [...files, 'scenarios/techniques.yaml', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
    const copied: string[] = [];
    for (const file of ours) {
      for (const s of shingles(readFileSync(file, 'utf8'))) if (seedPrints.has(fingerprint(s))) copied.push(`${file}: "${s}"`);
    }
    expect(copied).toEqual([]);
  });

  const seeds = join('..', 'shared', 'seeds');
  it.runIf(existsSync(seeds))('keeps the committed seed fingerprints in step with the seed texts (npx tsx scripts/seed-fingerprints.ts)', () => {
    const fresh = new Set(readdirSync(seeds).flatMap((f) => shingles(readFileSync(join(seeds, f), 'utf8')).map(fingerprint)));
    expect([...fresh].sort()).toEqual([...seedPrints].sort());
  });
});
