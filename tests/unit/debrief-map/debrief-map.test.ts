import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { bestRoute, parseChoices, playChoices, type CompiledScenario, type ConversationResult } from '../../../src/engine/index.ts';
import { checkScenario } from '../../../src/scenario/index.ts';
import { conversationMap } from '../../../src/map/conversation-map.ts';
import { readLayout } from '../../../src/map/map-layout.ts';
import { pathMap, routeEdges, scenarioMap, trimAround, type MapRoute } from '../../../src/game/debrief-map/path-map.ts';
import { routeLine, routeSteps } from '../../../src/game/debrief-map/route-text.ts';
import { BOX_HEIGHT, boxSize, boxTitle, compactGraph, ENDING_HEIGHT } from '../../../src/game/debrief-map/compact-graph.ts';
import { mapScale, MIN_SCALE } from '../../../src/game/debrief-map/map-scale.ts';
import { boxClasses, edgeRole } from '../../../src/game/debrief-map/map-drawing.ts';
import { catalogue, compileYaml } from '../helpers.ts';

const BLENDER_FILE = 'docs/examples/cracked-blender.yaml';
const BLENDER_TEXT = readFileSync(BLENDER_FILE, 'utf8');
const blender = compileYaml(BLENDER_TEXT, 'cracked-blender.yaml');

function play(compiled: CompiledScenario, choices: string): ConversationResult {
  const parsed = parseChoices(choices);
  if ('error' in parsed) throw new Error(parsed.error);
  const played = playChoices(compiled, parsed.steps, 'standard');
  if ('error' in played) throw new Error(played.error.message);
  return played.result;
}

const mapOfPlay = (compiled: CompiledScenario, choices: string) => {
  const result = play(compiled, choices);
  return pathMap(compiled.scenario, compiled.analysis, result, bestRoute(compiled, result));
};

/** A long chain with a side door at every step: `size` dialogue nodes, then two endings. */
function chain(size: number): CompiledScenario {
  const nodes = Array.from({ length: size }, (_, i) => {
    const next = i + 1 < size ? `n${i + 1}` : 'good';
    return `  n${i}:\n    customer: Step ${i}.\n    replies:\n      - { say: On., tact: 1, goto: ${next} }\n      - { say: Off., tact: -1, goto: side${i} }\n  side${i}:\n    customer: Aside ${i}.\n    replies:\n      - { say: Back., tact: 0, goto: ${next} }\n      - { say: Stop., tact: -1, goto: bad }`;
  });
  return compileYaml(`id: chain\ntitle: Chain\ncustomer: { name: Sam, mood: 50 }\nstart: n0\nnodes:\n${nodes.join('\n')}\nendings:\n  good: { customer: Thanks., outcome: satisfied }\n  bad: { customer: Bye., outcome: lost }\n`);
}

/** An opening with 9 topics to pick from (the most replies a node may have), each `depth` steps long: topic 0 is the best. */
function topics(depth: number): CompiledScenario {
  const replies = Array.from({ length: 9 }, (_, i) => `      - { say: Topic ${i}., tact: ${i === 0 ? 2 : 0}, goto: t${i}s0 }`);
  const steps = Array.from({ length: 9 }, (_, i) =>
    Array.from({ length: depth }, (_, j) => `  t${i}s${j}:\n    customer: Topic ${i}, step ${j}.\n    replies:\n      - { say: Go on., tact: 1, goto: ${j + 1 < depth ? `t${i}s${j + 1}` : 'good'} }\n      - { say: Enough., tact: -1, goto: bad }`).join('\n'),
  );
  return compileYaml(`id: topics\ntitle: Topics\ncustomer: { name: Sam, mood: 50 }\nstart: opening\nnodes:\n  opening:\n    customer: Hello.\n    replies:\n${replies.join('\n')}\n${steps.join('\n')}\nendings:\n  good: { customer: Thanks., outcome: satisfied }\n  bad: { customer: Bye., outcome: lost }\n`);
}

describe("the debrief map's boxes and arrows", () => {
  it('are the studio map\'s: the same ids, kinds, ends and outcomes, built without the source file', () => {
    const checked = checkScenario(BLENDER_FILE, BLENDER_TEXT, catalogue);
    const studio = conversationMap(checked.scenario!, checked.analysis!, checked.source!);
    const game = scenarioMap(blender.scenario, blender.analysis);
    expect(game.nodes.map((n) => [n.id, n.kind, n.outcome, n.start])).toEqual(studio.nodes.map((n) => [n.id, n.kind, n.outcome, n.start]));
    expect(game.edges.map((e) => [e.id, e.from, e.to, e.kind, e.tact])).toEqual(studio.edges.map((e) => [e.id, e.from, e.to, e.kind, e.tact]));
  });
});

describe("the trainee's route on the map", () => {
  it('takes the arrow of each decision in order, the timeout included, and the branch route the play went through', () => {
    const path = mapOfPlay(blender, 't,1,1,1');
    expect(path.taken.nodes).toEqual(['opening', 'still-waiting', 'explains', 'route', 'defensive', 'repaired']);
    expect(path.taken.edges).toEqual(['opening/timeout', 'still-waiting/reply/1', 'explains/reply/2', 'route/route/2', 'defensive/reply/1']);
  });

  it('reads in words as an ordered list, branch nodes left out, a timeout and the ending named', () => {
    const path = mapOfPlay(blender, 't,1,1,1');
    expect(routeSteps(path.map, path.taken)).toEqual(['opening (timed out)', 'still-waiting', 'explains', 'defensive', 'repaired (ending: satisfied)']);
    expect(routeLine(path.map, path.best)).toBe('opening → explains → repaired (ending: satisfied)');
  });

  it('stops at a decision that does not match the path (nothing is invented)', () => {
    const map = scenarioMap(blender.scenario, blender.analysis);
    expect(routeEdges(map, ['opening', 'explains'], [{ node: 'explains', replyIndex: 1, timedOut: false }])).toEqual([]);
  });
});

describe('where the best route went', () => {
  it('is drawn from the first choice that was not a best reply, with its own arrows', () => {
    const path = mapOfPlay(blender, '1,2,1');
    expect(path.leftAt).toBe('explains');
    expect(path.best).toEqual({ nodes: ['explains', 'route', 'repaired'], edges: ['explains/reply/1', 'route/route/1'] });
    // At "explains" the two routes part: the trainee's arrow is "taken", the best one "best", the rest neither.
    expect(edgeRole({ id: 'explains/reply/2' }, path)).toBe('taken');
    expect(edgeRole({ id: 'explains/reply/1' }, path)).toBe('best');
    expect(edgeRole({ id: 'opening/reply/3' }, path)).toBe('other');
  });

  it('marks the boxes: visited, on the best route only, and where the trainee left it', () => {
    const path = mapOfPlay(blender, '1,2,1');
    const byId = new Map(path.map.nodes.map((n) => [n.id, n]));
    expect(boxClasses(byId.get('explains')!, path)).toEqual(['dm-node', 'dm-dialogue', 'dm-taken', 'dm-left-here']);
    expect(boxClasses(byId.get('defensive')!, path)).toEqual(['dm-node', 'dm-dialogue', 'dm-taken']);
    expect(boxClasses(byId.get('refunded')!, path)).toEqual(['dm-node', 'dm-ending', 'dm-outcome-neutral']);
    const refund = mapOfPlay(blender, '3');
    expect(boxClasses(new Map(refund.map.nodes.map((n) => [n.id, n])).get('repaired')!, refund)).toEqual(['dm-node', 'dm-ending', 'dm-outcome-satisfied', 'dm-best']);
  });

  it('is empty when every choice was a best reply', () => {
    const path = mapOfPlay(blender, '1,1');
    expect(path.leftAt).toBeNull();
    expect(path.best).toEqual({ nodes: [], edges: [] });
    expect(routeSteps(path.map, path.best)).toEqual([]);
  });
});

describe('a large scenario on the debrief map', () => {
  it('is drawn whole up to 60 boxes', () => {
    const small = chain(29); // 58 dialogue nodes and 2 endings
    const path = mapOfPlay(small, '2,2');
    expect(path.trimmed).toBeNull();
    expect(path.map.nodes).toHaveLength(60);
  });

  it('keeps only the boxes on or one arrow from either route above that, and says how many', () => {
    const big = topics(7); // 1 + 9 × 7 nodes and 2 endings
    const result = play(big, '2,1,1,1,1,1,1,1');
    const path = pathMap(big.scenario, big.analysis, result, bestRoute(big, result));
    expect(result.path).toEqual(['opening', 't1s0', 't1s1', 't1s2', 't1s3', 't1s4', 't1s5', 't1s6', 'good']);
    expect(path.best.nodes).toEqual(['opening', 't0s0', 't0s1', 't0s2', 't0s3', 't0s4', 't0s5', 't0s6', 'good']);
    const kept = new Set(path.map.nodes.map((n) => n.id));
    // Every topic's first step is one arrow from the opening; the rest of the other topics is left out.
    expect(kept.has('t5s0')).toBe(true);
    expect(kept.has('t5s1')).toBe(false);
    expect(kept.has('bad')).toBe(true);
    expect(path.trimmed).toEqual({ shown: kept.size, total: 66 });
    expect(kept.size).toBe(1 + 7 + 7 + 7 + 2);
    for (const e of path.map.edges) expect(kept.has(e.from) && kept.has(e.to)).toBe(true);
  });

  it('leaves out boxes more than one arrow on from both routes, and those that only lead into them', () => {
    const big = chain(40);
    const whole = scenarioMap(big.scenario, big.analysis);
    const route: MapRoute = { nodes: ['n0', 'side0', 'bad'], edges: ['n0/reply/2', 'side0/reply/2'] };
    const { map } = trimAround(whole, [route]);
    // n1 is where n0's best reply and side0's "Back." go; n2 is two arrows on; side5 only leads into the route ("bad").
    expect(map.nodes.map((n) => n.id)).toEqual(['n0', 'side0', 'n1', 'bad']);
    expect(map.edges.map((e) => e.id)).toEqual(['n0/reply/1', 'n0/reply/2', 'side0/reply/1', 'side0/reply/2']);
  });
});

describe('the compact layout', () => {
  it('sizes boxes for their id, endings one line taller for their outcome, long ids cut with …', () => {
    const map = scenarioMap(blender.scenario, blender.analysis);
    const opening = map.nodes.find((n) => n.id === 'opening')!;
    const repaired = map.nodes.find((n) => n.id === 'repaired')!;
    expect(boxSize(opening).height).toBe(BOX_HEIGHT);
    expect(boxSize(repaired).height).toBe(ENDING_HEIGHT);
    expect(boxTitle({ id: 'a-very-long-node-identifier-indeed' })).toBe('a-very-long-node-id…');
    expect(boxSize({ ...opening, id: 'a-very-long-node-identifier-indeed' }).width).toBeGreaterThan(boxSize(opening).width);
  });

  it("is ELK's layered layout of the studio's graph, every box and every arrow placed", async () => {
    const path = mapOfPlay(blender, '1,2,1');
    const graph = compactGraph(path.map);
    expect(graph.layoutOptions?.['elk.algorithm']).toBe('layered');
    const laid = readLayout(path.map, await new ELK().layout(graph));
    expect([...laid.boxes.keys()].sort()).toEqual(path.map.nodes.map((n) => n.id).sort());
    for (const edge of path.map.edges) expect(laid.routes.get(edge.id)?.length).toBeGreaterThanOrEqual(2);
    // Top to bottom, as the conversation is read: the start is above its ending.
    expect(laid.boxes.get('opening')!.y).toBeLessThan(laid.boxes.get('repaired')!.y);
  });

  it('is shown whole in its box when it fits, never enlarged, never below the readable minimum (the box then scrolls)', () => {
    const box = { width: 640, height: 400 };
    expect(mapScale({ width: 300, height: 200 }, box)).toEqual({ width: 300, height: 200 });
    expect(mapScale({ width: 800, height: 400 }, box)).toEqual({ width: 640, height: 320 });
    expect(mapScale({ width: 400, height: 500 }, box)).toEqual({ width: 320, height: 400 });
    expect(mapScale({ width: 1000, height: 900 }, box)).toEqual({ width: 1000 * MIN_SCALE, height: 900 * MIN_SCALE });
  });
});
