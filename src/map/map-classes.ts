import type { MapEdge, MapNode } from './conversation-map.ts';

/**
 * The CSS classes of a box: its kind, an ending's outcome, and the linter's
 * findings. studio.css colours them from the game's tokens; each finding
 * also has a badge in words (`nodeBadge`), so colour is never the only cue.
 *
 * @example nodeClasses({ kind: 'ending', outcome: 'satisfied', … }) // ['map-node', 'map-ending', 'map-outcome-satisfied']
 */
export function nodeClasses(node: MapNode): string[] {
  const classes = ['map-node', `map-${node.kind}`];
  if (node.outcome) classes.push(`map-outcome-${node.outcome}`);
  if (node.start) classes.push('map-start');
  if (node.unreachable) classes.push('map-unreachable');
  if (node.deadEnd) classes.push('map-dead-end');
  return classes;
}

/** The CSS classes of an arrow: its kind and, for a reply, its tact band (a colour and a dash pattern). */
export function edgeClasses(edge: MapEdge): string[] {
  const classes = ['map-edge', `map-edge-${edge.kind}`];
  if (edge.tact) classes.push(`map-tact-${edge.tact}`);
  return classes;
}

/** The words in a box's corner for what the linter found (or that the conversation starts here). */
export function nodeBadge(node: MapNode): string {
  const words = [node.start ? 'start' : '', node.unreachable ? 'unreachable' : '', node.deadEnd ? 'dead end' : ''].filter((w) => w);
  return words.join(' · ');
}

/**
 * What a screen reader says for a box: kind, id, its text, the linter's
 * findings and the line Enter goes to.
 *
 * @example nodeLabel(opening) // 'Node opening, line 12, start: The tracking says delivered…'
 */
export function nodeLabel(node: MapNode): string {
  const kind = node.kind === 'ending' ? `Ending ${node.id} (${node.outcome ?? ''})` : node.kind === 'branch' ? `Branch ${node.id}` : `Node ${node.id}`;
  const findings = [node.start ? 'start' : '', node.unreachable ? 'unreachable' : '', node.deadEnd ? 'dead end' : ''].filter((w) => w);
  const text = node.kind === 'branch' ? node.conditions.map((c, i) => (c === 'else' ? 'else' : `if ${c}`) + (i < node.conditions.length - 1 ? ';' : '')).join(' ') : node.line;
  return `${kind}, line ${node.sourceLine}${findings.length ? `, ${findings.join(', ')}` : ''}: ${text}`;
}

/**
 * The node or ending whose block holds `line` (1-based): the last box
 * whose id is written on or above it. Lines above the first id (the
 * scenario's header) belong to none.
 *
 * @example nodeAtLine(map.nodes, 25) // 'opening' when "opening:" is on line 21 and the next id on line 40
 */
export function nodeAtLine(nodes: readonly Pick<MapNode, 'id' | 'sourceLine'>[], line: number): string | undefined {
  let best: Pick<MapNode, 'id' | 'sourceLine'> | undefined;
  for (const node of nodes) if (node.sourceLine <= line && (!best || node.sourceLine > best.sourceLine)) best = node;
  return best?.id;
}
