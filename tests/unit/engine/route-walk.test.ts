import { describe, expect, it } from 'vitest';
import { enumeratePaths, shownOrder, walkRoutes } from '../../../src/engine/index.ts';
import type { DialogueNode } from '../../../src/scenario/index.ts';
import { compileYaml } from '../helpers.ts';

const compiled = compileYaml(`
id: routes
title: Routes
customer: { name: Ann, mood: 50, patience: 10s }
scoring:
  dimensions: { policy: { label: Policy } }
start: ask
nodes:
  ask:
    customer: Where is my order?
    replies:
      - { say: Let me check., tact: 2, mood: 30, goto: done }
      - { say: Same again., tact: 2, mood: 30, goto: done }
      - { say: Not my problem., tact: -2, mood: -40, score: { policy: 1 }, goto: cross }
  unused:
    customer: Never said.
    replies:
      - { say: Ok., goto: done }
endings:
  done: { customer: Thanks!, outcome: satisfied }
  cross: { customer: Unbelievable., outcome: dissatisfied }
  never: { customer: Hm., outcome: lost }
`);

describe('walking every route', () => {
  it('follows each reply and the timeout, and a timeout that comes back to the same node ends that route', () => {
    const routes: string[] = [];
    expect(walkRoutes(compiled, (r) => routes.push(r.choices.join(',')))).toBe(true);
    expect(routes).toEqual(['1', '2', '3']);
  });

  it('plays each route at 0 ms on standard timers, so every reply scores full speed', () => {
    const results: { ms: number[]; speed: number | null; overall: number; mood: number }[] = [];
    walkRoutes(compiled, (r) => results.push({ ms: r.result.decisions.map((d) => d.ms), speed: r.result.scores.speed, overall: r.result.scores.overall, mood: r.result.mood }));
    expect(results.map((r) => r.ms)).toEqual([[0], [0], [0]]);
    expect(results.map((r) => r.speed)).toEqual([100, 100, 100]);
    expect(results.map((r) => r.mood)).toEqual([80, 80, 10]);
    expect(results.every((r) => Number.isInteger(r.overall))).toBe(true);
  });

  it('stops at the limit and says the count is incomplete', () => {
    const routes: string[] = [];
    expect(walkRoutes(compiled, (r) => routes.push(r.choices.join(',')), 2)).toBe(false);
    expect(routes).toEqual(['1', '2']);
    expect(walkRoutes(compiled, () => undefined, 3)).toBe(true);
  });

  it('summarises per ending, keeping the first route with the best overall, and names endings no route reaches', () => {
    const report = enumeratePaths(compiled);
    expect(report.scenario).toBe('routes');
    expect(report.paths).toBe(3);
    expect(report.complete).toBe(true);
    expect(report.endings.map((e) => [e.ending, e.outcome, e.paths, e.bestChoices])).toEqual([
      ['done', 'satisfied', 2, '1'],
      ['cross', 'dissatisfied', 1, '3'],
      ['never', 'lost', 0, null],
    ]);
    expect(report.endings[2]!.overall).toBeNull();
    expect(report.endings[0]!.overall!.min).toBe(report.endings[0]!.overall!.max);
    expect(report.dimensions).toEqual({ policy: { label: 'Policy', min: 0, max: 1 } });
    expect(enumeratePaths(compiled, 1)).toMatchObject({ paths: 1, complete: false });
  });

  it('follows timeouts that lead somewhere new unless told not to', () => {
    const timed = compileYaml(`
id: timed-routes
title: Timed routes
customer: { name: Ann, mood: 50, patience: 10s }
start: ask
nodes:
  ask:
    customer: Hello?
    onTimeout: { mood: -20, goto: gone }
    replies:
      - { say: Hi., tact: 1, goto: done }
endings:
  done: { outcome: satisfied }
  gone: { outcome: lost }
`);
    const all: string[] = [];
    walkRoutes(timed, (r) => all.push(`${r.choices.join(',')}→${r.result.ending}`));
    expect(all).toEqual(['1→done', 't→gone']);
    const untimed: string[] = [];
    walkRoutes(compileYaml(`
id: untimed-routes
title: Untimed routes
customer: { name: Ann, mood: 50 }
start: ask
nodes:
  ask:
    customer: Hello?
    replies:
      - { say: Hi., tact: 1, goto: done }
endings:
  done: { outcome: satisfied }
`), (r) => untimed.push(r.choices.join(',')));
    expect(untimed).toEqual(['1']);
    const repliesOnly: string[] = [];
    walkRoutes(timed, (r) => repliesOnly.push(r.choices.join(',')), 100, { timeouts: false });
    expect(repliesOnly).toEqual(['1']);
  });
});

describe('a route never passes the same place twice', () => {
  it('cuts a route that would go back through a branch node it already passed, even on its way to a new node', () => {
    // opening → check (a branch) → a; from a, a reply leads through check again, now routing to b.
    const loopy = compileYaml(`
id: loopy
title: Loopy
customer: { name: Ann, mood: 50 }
variables: { seenA: false }
start: opening
nodes:
  opening:
    customer: Hello.
    replies:
      - { say: Let me check., goto: check }
      - { say: Bye., goto: done }
  check:
    branch:
      - { if: seenA, goto: b }
      - { goto: a }
  a:
    customer: A.
    replies:
      - { say: Again., set: { seenA: true }, goto: check }
      - { say: Done., goto: done }
  b:
    customer: B.
    replies:
      - { say: Done., goto: done }
endings:
  done: { customer: Thanks!, outcome: satisfied }
`);
    const routes: string[] = [];
    expect(walkRoutes(loopy, (r) => routes.push(`${r.choices.join(',')} ${r.result.path.join('>')}`))).toBe(true);
    // "1,1,…" would pass check a second time (check, b): that route is not walked.
    expect(routes).toEqual(['1,2 opening>check>a>done', '2 opening>done']);
  });
});

describe('the shown order of replies', () => {
  const node = compiled.scenario.nodes.ask as DialogueNode;

  it('keeps file order without a seed, at a fixed node, or with a single reply', () => {
    expect(shownOrder(node, node.replies, null, 0).map((r) => r.index)).toEqual([1, 2, 3]);
    expect(shownOrder({ ...node, order: 'fixed' }, node.replies, 7, 0).map((r) => r.index)).toEqual([1, 2, 3]);
    expect(shownOrder(node, node.replies.slice(0, 1), 7, 0).map((r) => r.index)).toEqual([1]);
  });

  it('shuffles two replies both ways across seeds', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed++) orders.add(shownOrder(node, node.replies.slice(0, 2), seed, 0).map((r) => r.index).join(''));
    expect([...orders].sort()).toEqual(['12', '21']);
  });
});
