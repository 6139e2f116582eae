import type { MapEdge, MapNode } from '../../map/conversation-map.ts';
import { pointAlong, type LaidOutMap, type Point } from '../../map/map-layout.ts';
import { boxTitle } from './compact-graph.ts';
import type { PathMap } from './path-map.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** How far along a taken arrow its step number sits, from the arrow's start. */
const STEP_OFFSET = 13;
/** The arrowheads: one per way an arrow is drawn (a marker cannot take its arrow's colour in SVG 1.1). */
const MARKERS = ['taken', 'best', 'other'] as const;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

/** How an arrow is drawn: on the trainee's route, on the best route, or neither. */
export function edgeRole(edge: Pick<MapEdge, 'id'>, path: Pick<PathMap, 'taken' | 'best'>): 'taken' | 'best' | 'other' {
  return path.taken.edges.includes(edge.id) ? 'taken' : path.best.edges.includes(edge.id) ? 'best' : 'other';
}

/** The CSS classes of a box on the debrief's map: its kind, an ending's outcome, and whether either route goes through it. */
export function boxClasses(node: MapNode, path: Pick<PathMap, 'taken' | 'best' | 'leftAt'>): string[] {
  const classes = ['dm-node', `dm-${node.kind}`];
  if (node.outcome) classes.push(`dm-outcome-${node.outcome}`);
  if (path.taken.nodes.includes(node.id)) classes.push('dm-taken');
  else if (path.best.nodes.includes(node.id)) classes.push('dm-best');
  if (node.id === path.leftAt) classes.push('dm-left-here');
  return classes;
}

/**
 * The debrief's map as an SVG element, built element by element (never
 * from markup): a compact box per node and ending (its id; an ending's
 * outcome under it), every arrow faint, the trainee's route strong with its
 * step numbers, and the best route dashed. The figure's caption says all of
 * it in words; the drawing itself is one image to assistive technology.
 */
export function drawPathMap(laid: LaidOutMap, path: PathMap, label: string): SVGSVGElement {
  const { width, height } = laid.size;
  const root = svg('svg', { class: 'dm-svg', viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`, role: 'img', 'aria-label': label });
  const defs = svg('defs', {}, root);
  for (const kind of MARKERS) {
    const marker = svg('marker', { id: `dm-arrow-${kind}`, class: `dm-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, defs);
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }, marker);
  }
  const byRole = { other: svg('g', {}, root), best: svg('g', {}, root), taken: svg('g', {}, root) };
  const steps = svg('g', { class: 'dm-steps' }, root);
  for (const edge of laid.map.edges) {
    const route = laid.routes.get(edge.id);
    if (!route) continue;
    const role = edgeRole(edge, path);
    svg('path', { class: `dm-edge dm-edge-${role}${edge.kind === 'timeout' ? ' dm-edge-timeout' : ''}`, d: pathData(route), 'marker-end': `url(#dm-arrow-${role})` }, byRole[role]);
  }
  // Step numbers on the trainee's arrows, in order: a route that comes back to a node shows each pass.
  path.taken.edges.forEach((id, i) => {
    const route = laid.routes.get(id);
    if (!route) return;
    const at = pointAlong(route, STEP_OFFSET);
    const g = svg('g', { class: 'dm-step', transform: `translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})` }, steps);
    svg('circle', { r: 8 }, g);
    svg('text', { 'text-anchor': 'middle', y: 4 }, g).textContent = String(i + 1);
    // A timeout is a step the trainee did not choose: it says so beside its number.
    if (id.endsWith('/timeout')) svg('text', { class: 'dm-step-note', x: 12, y: 4 }, g).textContent = 'timed out';
  });
  const nodes = svg('g', {}, root);
  for (const node of laid.map.nodes) {
    const box = laid.boxes.get(node.id);
    if (!box) continue;
    const g = svg('g', { class: boxClasses(node, path).join(' '), transform: `translate(${box.x} ${box.y})` }, nodes);
    svg('rect', { class: 'dm-box', width: box.width, height: box.height, rx: node.kind === 'ending' ? 12 : node.kind === 'branch' ? 2 : 6 }, g);
    svg('text', { class: 'dm-id', x: box.width / 2, y: 16.5, 'text-anchor': 'middle' }, g).textContent = node.kind === 'branch' ? `◇ ${boxTitle(node)}` : boxTitle(node);
    if (node.kind === 'ending') svg('text', { class: 'dm-outcome', x: box.width / 2, y: 31, 'text-anchor': 'middle' }, g).textContent = node.outcome ?? '';
  }
  return root;
}

function pathData(route: readonly Point[]): string {
  return `M ${route.map((p) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' L ')}`;
}
