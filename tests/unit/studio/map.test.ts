import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, checkScenario } from '../../../src/scenario/index.ts';
import { twoRepliesEach } from '../../fixtures/studio/two-replies-each.ts';
import { conversationMap, signedTact, tactBand, type ConversationMap } from '../../../src/map/conversation-map.ts';
import { boxLines, layoutOptions, NODE_WIDTH, toElkGraph, wrapText } from '../../../src/map/elk-graph.ts';
import { idLines } from '../../../src/map/id-lines.ts';
import { edgeClasses, nodeAtLine, nodeBadge, nodeClasses, nodeLabel } from '../../../src/map/map-classes.ts';
import { layOut, pointAlong, type LaidOutMap } from '../../../src/map/map-layout.ts';
import { LatestLayout } from '../../../src/studio/map/latest-layout.ts';

const { catalogue } = buildCatalogue();
const TEMPLATE = twoRepliesEach('late-parcel');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The map the studio draws for a text (the lint worker's path: the CLI's check, then the map). */
function mapOf(text: string): ConversationMap {
  const checked = checkScenario('scenarios/x.yaml', text, catalogue);
  if (!checked.scenario || !checked.analysis || !checked.source) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return conversationMap(checked.scenario, checked.analysis, checked.source);
}

/** The template with a node nobody links to, and a node whose only reply loops back to itself. */
const WITH_FINDINGS = TEMPLATE.replace(
  'endings:',
  `  orphan:
    customer: Nobody ever gets here.
    replies:
      - say: Fine.
        tact: 0
        goto: unhappy
  stuck:
    customer: Round and round.
    replies:
      - say: Again.
        tact: 0
        goto: stuck
endings:`,
).replace('        goto: outcome\n      - say: You\'ll have to', '        goto: outcome\n      - say: Let me check.\n        tact: 0\n        goto: stuck\n      - say: You\'ll have to');

describe('the conversation map of a scenario', () => {
  it('has a box for each node and ending of the template, in file order, each on the line its id is written', () => {
    const map = mapOf(TEMPLATE);
    expect(map.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['opening', 'dialogue'], ['address', 'dialogue'], ['outcome', 'branch'], ['reassured', 'ending'], ['unhappy', 'ending'],
    ]);
    for (const node of map.nodes) expect(node.sourceLine).toBe(lineOf(TEMPLATE, `  ${node.id}:`));
  });

  it('shows the customer line on dialogue boxes, the conditions as written on branches, and the outcome on endings', () => {
    const map = mapOf(TEMPLATE);
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    expect(byId.get('opening')!.line).toBe("The tracking says delivered. It wasn't. Where is my parcel?");
    expect(byId.get('outcome')!.conditions).toEqual(['mood >= 50', 'else']);
    expect(byId.get('reassured')).toMatchObject({ outcome: 'satisfied', start: false });
    expect(byId.get('unhappy')!.outcome).toBe('dissatisfied');
    expect(byId.get('opening')!.start).toBe(true);
  });

  it('draws each reply as an arrow with its number and tact, banded poor, neutral or good', () => {
    const map = mapOf(TEMPLATE);
    const replies = map.edges.filter((e) => e.from === 'opening');
    expect(replies).toEqual([
      { id: 'opening/reply/1', from: 'opening', to: 'address', kind: 'reply', label: '1 · +2', tact: 'good', tactValue: 2 },
      { id: 'opening/reply/2', from: 'opening', to: 'address', kind: 'reply', label: '2 · −2', tact: 'poor', tactValue: -2 },
    ]);
    expect(map.edges.filter((e) => e.from === 'outcome').map((e) => [e.to, e.kind, e.label])).toEqual([['reassured', 'route', 'if 1'], ['unhappy', 'route', 'else']]);
    expect([tactBand(-1), tactBand(0), tactBand(3)]).toEqual(['poor', 'neutral', 'good']);
    expect([signedTact(2), signedTact(0), signedTact(-3)]).toEqual(['+2', '0', '−3']);
  });

  it('adds the timeout as an arrow of its own', () => {
    const timed = TEMPLATE.replace('  address:\n', '  address:\n    timeLimit: 40s\n    onTimeout: { goto: outcome }\n');
    expect(mapOf(timed).edges.find((e) => e.kind === 'timeout')).toEqual({ id: 'address/timeout', from: 'address', to: 'outcome', kind: 'timeout', label: 'timeout' });
  });

  it('marks what the linter finds unreachable, and the dead ends', () => {
    const map = mapOf(WITH_FINDINGS);
    const flagged = map.nodes.filter((n) => n.unreachable || n.deadEnd).map((n) => [n.id, n.unreachable, n.deadEnd]);
    expect(flagged).toEqual([['orphan', true, false], ['stuck', false, true]]);
  });
});

describe('the classes and words that mark a box or an arrow', () => {
  const map = mapOf(WITH_FINDINGS);
  const node = (id: string) => map.nodes.find((n) => n.id === id)!;

  it('names the kind, the outcome and the findings as classes', () => {
    expect(nodeClasses(node('opening'))).toEqual(['map-node', 'map-dialogue', 'map-start']);
    expect(nodeClasses(node('reassured'))).toEqual(['map-node', 'map-ending', 'map-outcome-satisfied']);
    expect(nodeClasses(node('orphan'))).toEqual(['map-node', 'map-dialogue', 'map-unreachable']);
    expect(nodeClasses(node('stuck'))).toEqual(['map-node', 'map-dialogue', 'map-dead-end']);
    expect(edgeClasses(map.edges.find((e) => e.id === 'opening/reply/2')!)).toEqual(['map-edge', 'map-edge-reply', 'map-tact-poor']);
    expect(edgeClasses(map.edges.find((e) => e.id === 'outcome/route/2')!)).toEqual(['map-edge', 'map-edge-route']);
  });

  it('says the findings in words too (colour is never the only cue)', () => {
    expect(nodeBadge(node('orphan'))).toBe('unreachable');
    expect(nodeBadge(node('stuck'))).toBe('dead end');
    expect(nodeBadge(node('opening'))).toBe('start');
    expect(nodeLabel(node('orphan'))).toBe(`Node orphan, line ${node('orphan').sourceLine}, unreachable: Nobody ever gets here.`);
    expect(nodeLabel(node('outcome'))).toBe(`Branch outcome, line ${node('outcome').sourceLine}: if mood >= 50; else`);
    expect(nodeLabel(node('reassured'))).toMatch(/^Ending reassured \(satisfied\), line \d+: Okay\./);
  });

  it('finds the box whose block holds a line of the file', () => {
    const opening = node('opening').sourceLine;
    expect(nodeAtLine(map.nodes, opening)).toBe('opening');
    expect(nodeAtLine(map.nodes, opening + 3)).toBe('opening');
    expect(nodeAtLine(map.nodes, node('address').sourceLine + 1)).toBe('address');
    expect(nodeAtLine(map.nodes, 1)).toBeUndefined();
  });
});

describe("the map as ELK's input", () => {
  it('has one child per box, sized for its text, and one edge per arrow', () => {
    const map = mapOf(TEMPLATE);
    const graph = toElkGraph(map);
    expect(graph.children!.map((c) => c.id)).toEqual(map.nodes.map((n) => n.id));
    expect(graph.children!.every((c) => c.width === NODE_WIDTH && c.height! > 40)).toBe(true);
    expect(graph.edges!.map((e) => [e.sources[0], e.targets[0]])).toEqual(map.edges.map((e) => [e.from, e.to]));
    expect(graph.layoutOptions).toMatchObject({ 'elk.algorithm': 'layered', 'elk.direction': 'DOWN' });
  });

  it('gives up crossing minimisation only on big maps', () => {
    expect(layoutOptions(40)['elk.layered.crossingMinimization.strategy']).toBeUndefined();
    expect(layoutOptions(2000)['elk.layered.crossingMinimization.strategy']).toBe('NONE');
  });

  it('cuts long lines at a space with an ellipsis, and branch conditions to one line each', () => {
    expect(wrapText('The tracking says delivered. It was not.', 20, 2)).toEqual(['The tracking says', 'delivered. It was…']);
    expect(wrapText('Short.', 20, 2)).toEqual(['Short.']);
    expect(wrapText('x'.repeat(50), 20, 1)).toEqual([`${'x'.repeat(19)}…`]);
    const branch = mapOf(TEMPLATE).nodes.find((n) => n.kind === 'branch')!;
    expect(boxLines(branch)).toEqual(['1. mood >= 50', 'else']);
  });

  it('finds where ids are written by indentation, leaving quoted keys to the YAML tree', () => {
    const lines = idLines('id: x\nnodes:\n  # a note\n  a:\n    customer: |\n      b: not a key\n  b:\n    branch: []\nendings:\n  "c":\n    outcome: lost\n  d:\n');
    expect([...lines.nodes]).toEqual([['a', 4], ['b', 7]]);
    expect([...lines.endings]).toEqual([['d', 12]]);
  });
});

describe('laying the map out with ELK', () => {
  const engine = (graph: Parameters<InstanceType<typeof ELK>['layout']>[0]) => new ELK().layout(graph);

  it('places every box without overlaps and routes every arrow from its box to its target', async () => {
    const laid = await layOut(mapOf(TEMPLATE), engine);
    const boxes = [...laid.boxes.values()];
    expect(boxes).toHaveLength(5);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    }
    // Top to bottom: the opening above the address, the endings last.
    expect(laid.boxes.get('opening')!.y).toBeLessThan(laid.boxes.get('address')!.y);
    expect(laid.boxes.get('outcome')!.y).toBeLessThan(laid.boxes.get('reassured')!.y);
    const route = laid.routes.get('opening/reply/1')!;
    const to = laid.boxes.get('address')!;
    expect(route[route.length - 1]!.y).toBeCloseTo(to.y, 0);
    expect(laid.size.width).toBeGreaterThan(NODE_WIDTH);
  });

  it('lays out only the newest of the maps asked for while one is running', async () => {
    const done: LaidOutMap[] = [];
    let finished!: () => void;
    const all = new Promise<void>((resolve) => (finished = resolve));
    const layout = new LatestLayout(engine, (laid) => {
      done.push(laid);
      if (laid.map.nodes.length === 7) finished();
    }, (error) => { throw error; });
    const template = mapOf(TEMPLATE);
    layout.request(template);
    layout.request(template);
    layout.request(mapOf(WITH_FINDINGS));
    await all;
    expect(done.map((d) => d.map.nodes.length)).toEqual([5, 7]);
  });

  it('puts an arrow label a fixed distance along its route', () => {
    expect(pointAlong([{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 30, y: 10 }], 20)).toEqual({ x: 10, y: 10 });
    expect(pointAlong([{ x: 0, y: 0 }, { x: 0, y: 5 }], 20)).toEqual({ x: 0, y: 5 });
  });
});
