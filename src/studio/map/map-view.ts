import type { MapEdge, MapNode } from '../../map/conversation-map.ts';
import { boxLines, HEADER_HEIGHT, TEXT_LINE_HEIGHT } from '../../map/elk-graph.ts';
import type { Jump } from '../../map/big-map-layout.ts';
import { pointAlong, type LaidOutMap, type Point } from '../../map/map-layout.ts';
import { nodeClasses, edgeClasses, nodeLabel, nodeBadge } from '../../map/map-classes.ts';
import { playedOnMap, type PlayedPath } from '../preview/played-path.ts';
import { firstViewport, fitViewport, panBy, reveal, viewportTransform, zoomAt, type Rect, type Viewport } from '../../map/viewport.ts';
import { AreaIndex, boundsOf, covers, grown, shownArea } from '../../map/area-index.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Arrow keys move the map by this many pixels. */
const PAN_STEP = 60;
/** + and − zoom by this factor. */
const ZOOM_STEP = 1.25;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;
/** Below this zoom the texts are too small to read: they are hidden, which also keeps panning a big map smooth. */
const FAR_ZOOM = 0.4;
/** How far along an arrow its label sits, from the arrow's start. */
const LABEL_OFFSET = 20;

/** Arrows and jump tags are drawn this far around the part on screen (times the panel's size on each side), so a short pan draws nothing new. */
const DRAWN_AROUND = 0.5;
/**
 * Above this many arrows and tags around the part on screen, none are drawn:
 * the map is zoomed so far out that they would be a grey blur, and drawing
 * them would make every frame of a pan or zoom late. A hint says to zoom in.
 */
const MAX_DRAWN = 1500;
/** Room around an arrow's line for its label, in map units. */
const LABEL_ROOM = 48;

/** The arrowhead markers, one per kind of arrow (a marker cannot take its arrow's colour in SVG 1.1). */
const MARKERS = ['good', 'neutral', 'poor', 'route', 'timeout'] as const;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  parent?.append(element);
  return element;
}

/** What the view tells the page. */
export interface MapViewListener {
  /** The trainer clicked a box, or pressed Enter on it. */
  open(node: MapNode): void;
  /** The trainer pressed P on a box: play from it (the studio's Play panel). */
  play?(node: MapNode): void;
}

/**
 * The map drawn as SVG (built element by element, never from markup):
 * boxes for nodes and endings, arrows for replies, routes and timeouts.
 * Drag or the arrow keys pan, the wheel or + and − zoom (0 or the Fit
 * button fits the whole map), Tab visits the boxes in file order and Enter
 * opens one. The map moves as one CSS transform of the SVG element, so a
 * pan or zoom repaints no SVG.
 */
export class MapView {
  private readonly svg: SVGSVGElement;
  private readonly edgesLayer: SVGGElement;
  private readonly nodesLayer: SVGGElement;
  private readonly jumpsLayer: SVGGElement;
  private readonly hint: HTMLElement;
  private viewport: Viewport = { x: 0, y: 0, k: 1 };
  private laid: LaidOutMap | undefined;
  private readonly boxes = new Map<string, SVGGElement>();
  private readonly nodes = new Map<string, MapNode>();
  private readonly arrows = new Map<string, SVGGElement>();
  /**
   * Arrows and jump tags, drawn only around the part of the map on screen:
   * where each is (by key, "edge:ID" or "jump:N"), how to draw it, and the
   * ones drawn so far (kept until the next render, to be shown again).
   */
  private around = new AreaIndex();
  private readonly drawers = new Map<string, () => SVGGElement>();
  private readonly drawn = new Map<string, SVGGElement>();
  /**
   * Every box is on the page, so Tab reaches each one and a test or a screen
   * reader finds it by its label; its insides (shape and texts) are drawn
   * only around the part on screen, like the arrows.
   */
  private boxesAround = new AreaIndex();
  private readonly insides = new Map<string, () => SVGGElement>();
  private readonly drawnInsides = new Map<string, SVGGElement>();
  private readonly filled = new Set<string>();
  /** The map area the arrows and boxes on screen were chosen for. */
  private drawnArea: Rect | undefined;
  private playedEdges = new Set<string>();
  /** The path the preview played, drawn over the map (kept across redraws). */
  private played: PlayedPath | null = null;
  private current: string | undefined;
  private far = false;
  private drag: { id: number; x: number; y: number; moved: boolean } | undefined;
  /** Fingers on the map (a phone): two of them pinch-zoom about their midpoint. */
  private readonly touches = new Map<number, { x: number; y: number }>();
  private suppressClick = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly listener: MapViewListener,
  ) {
    this.svg = svg('svg', { class: 'map-svg' });
    const defs = svg('defs', {}, this.svg);
    for (const kind of MARKERS) {
      const marker = svg('marker', { id: `map-arrow-${kind}`, class: `map-arrow map-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }, marker);
    }
    this.edgesLayer = svg('g', { class: 'map-edges' }, this.svg);
    this.nodesLayer = svg('g', { class: 'map-nodes' }, this.svg);
    this.jumpsLayer = svg('g', { class: 'map-jumps' }, this.svg);
    this.hint = document.createElement('p');
    this.hint.className = 'map-hint';
    this.hint.hidden = true;
    this.hint.textContent = 'Zoom in to see the arrows.';
    host.append(this.svg, this.hint);
    this.listen();
  }

  /** The map on screen, if any. */
  get shown(): LaidOutMap | undefined {
    return this.laid;
  }

  /** The current viewport (for tests and the benchmark). */
  get view(): Viewport {
    return this.viewport;
  }

  /**
   * Draws a laid-out map. `keepView` keeps the trainer's pan and zoom (an
   * update after an edit); otherwise the map is shown whole if it can be
   * read that way, or from its start box at a readable zoom.
   */
  render(laid: LaidOutMap, keepView: boolean): void {
    const focused = this.focusedId();
    this.laid = laid;
    this.boxes.clear();
    this.nodes.clear();
    this.insides.clear();
    this.drawnInsides.clear();
    this.filled.clear();
    this.boxesAround = new AreaIndex();
    this.arrows.clear();
    this.drawers.clear();
    this.drawn.clear();
    this.drawnArea = undefined;
    this.around = new AreaIndex();
    // A jump's label is on its tag, not beside its (short) line.
    const jumped = new Set(laid.jumps.map((j) => j.edge));
    for (const edge of laid.map.edges) {
      const route = laid.routes.get(edge.id);
      if (!route) continue;
      this.around.add(`edge:${edge.id}`, boundsOf(route, LABEL_ROOM));
      this.drawers.set(`edge:${edge.id}`, () => this.drawEdge(edge, route, !jumped.has(edge.id)));
    }
    const nodes = document.createDocumentFragment();
    for (const node of laid.map.nodes) {
      const box = laid.boxes.get(node.id);
      if (!box) continue;
      const g = this.drawNode(node, box.x, box.y);
      this.boxesAround.add(node.id, box);
      this.insides.set(node.id, () => this.drawInside(node, box.width, box.height));
      this.boxes.set(node.id, g);
      this.nodes.set(node.id, node);
      nodes.append(g);
    }
    // A big map's long arrows end at a tag naming their target (big-map-layout.ts); a click on it goes there.
    const edgeById = new Map(laid.map.edges.map((e) => [e.id, e]));
    laid.jumps.forEach((jump, i) => {
      this.around.add(`jump:${i}`, jump.box);
      this.drawers.set(`jump:${i}`, () => this.drawJump(jump, edgeById.get(jump.edge)));
    });
    this.nodesLayer.replaceChildren(nodes);
    this.svg.setAttribute('width', String(Math.ceil(laid.size.width)));
    this.svg.setAttribute('height', String(Math.ceil(laid.size.height)));
    this.svg.setAttribute('viewBox', `0 0 ${Math.ceil(laid.size.width)} ${Math.ceil(laid.size.height)}`);
    if (this.current) this.boxes.get(this.current)?.classList.add('map-current');
    this.drawPlayed();
    if (keepView) this.apply(this.viewport);
    else {
      const start = laid.map.nodes.find((n) => n.start);
      this.apply(firstViewport(laid.size, this.hostSize(), start ? laid.boxes.get(start.id) : undefined));
    }
    // A redraw after an edit keeps the keyboard where it was.
    if (focused) this.boxes.get(focused)?.focus({ preventScroll: true });
  }

  /** Updates the lines boxes point at, after an edit above them moved them (no redraw). */
  relocate(nodes: readonly MapNode[]): void {
    for (const node of nodes) {
      if (!this.nodes.has(node.id)) continue;
      this.nodes.set(node.id, node);
      this.boxes.get(node.id)?.setAttribute('aria-label', nodeLabel(node));
    }
  }

  /** Marks the box the editor's cursor is in (or none), bringing it into view when it is off screen. */
  highlight(id: string | undefined): void {
    if (id === this.current) return;
    if (this.current) {
      const old = this.boxes.get(this.current);
      old?.classList.remove('map-current');
      old?.removeAttribute('aria-current');
    }
    this.current = id;
    const box = id ? this.boxes.get(id) : undefined;
    if (!box || !id) return;
    box.classList.add('map-current');
    box.setAttribute('aria-current', 'true');
    this.bringIntoView(id);
  }

  /** Marks the boxes and arrows a preview play went through, and its start (null clears them). */
  showPlayed(path: PlayedPath | null): void {
    this.played = path;
    this.drawPlayed();
    // Follow the play: the box the conversation is at now comes into view (the map is small beside the preview).
    const at = path?.nodes[path.nodes.length - 1];
    if (at) this.bringIntoView(at);
  }

  private drawPlayed(): void {
    for (const el of this.svg.querySelectorAll('.map-played, .map-play-start')) el.classList.remove('map-played', 'map-play-start');
    for (const id of this.playedEdges) this.arrows.get(id)?.classList.remove('map-played');
    for (const mark of this.svg.querySelectorAll('.map-play-mark')) mark.remove();
    this.playedEdges = new Set();
    if (!this.played || !this.laid) return;
    const on = playedOnMap(this.laid.map, this.played);
    for (const id of on.nodes) this.boxes.get(id)?.classList.add('map-played');
    // An arrow off screen is drawn later: drawEdge marks it then.
    this.playedEdges = new Set(on.edges);
    for (const id of on.edges) this.arrows.get(id)?.classList.add('map-played');
    const start = this.boxes.get(on.start);
    start?.classList.add('map-play-start');
    // A play mark left of the box the preview started at (dashes already mean "unreachable" on this map).
    if (start) svg('text', { class: 'map-play-mark', x: -3, y: 18, 'text-anchor': 'end', 'aria-hidden': 'true' }, start).textContent = '▶';
  }

  /** Fits the whole map in the panel. */
  fit(): void {
    if (!this.laid) return;
    this.apply(fitViewport(this.laid.size, this.hostSize()));
  }

  /** Zooms by `factor` about the panel's centre. */
  zoomBy(factor: number): void {
    const { width, height } = this.hostSize();
    this.apply(zoomAt(this.viewport, factor, width / 2, height / 2));
  }

  /** Moves the map by (`dx`, `dy`) pixels. */
  panBy(dx: number, dy: number): void {
    this.apply(panBy(this.viewport, dx, dy));
  }

  private apply(viewport: Viewport): void {
    this.viewport = viewport;
    this.svg.style.transform = viewportTransform(viewport);
    const far = viewport.k < FAR_ZOOM;
    if (far !== this.far) {
      this.far = far;
      this.host.classList.toggle('map-far', far);
    }
    this.drawAround();
  }

  /**
   * Draws the arrows and jump tags around the part of the map on screen, and
   * only those: a big map's thousands of them would make panning slow. Nothing
   * changes while the part on screen stays inside the area drawn last.
   */
  private drawAround(): void {
    if (!this.laid) return;
    const shown = shownArea(this.viewport, this.hostSize());
    const last = this.drawnArea;
    // Zoomed well in since: the area drawn is far larger than needed, and is drawn again smaller.
    if (last && covers(last, shown) && last.width < shown.width * 4) return;
    const area = grown(shown, DRAWN_AROUND);
    this.drawnArea = area;
    const keys = this.around.within(area);
    const tooMany = keys.length > MAX_DRAWN;
    this.hint.hidden = !tooMany;
    const edges = document.createDocumentFragment();
    const jumps = document.createDocumentFragment();
    for (const key of tooMany ? [] : keys) {
      let element = this.drawn.get(key);
      if (!element) {
        element = this.drawers.get(key)!();
        this.drawn.set(key, element);
      }
      (key.startsWith('edge:') ? edges : jumps).append(element);
    }
    this.edgesLayer.replaceChildren(edges);
    this.jumpsLayer.replaceChildren(jumps);
    this.fillBoxes(new Set(this.boxesAround.within(area)));
  }

  /** Draws the insides of the boxes in `around`, and takes them out of the others. */
  private fillBoxes(around: ReadonlySet<string>): void {
    for (const id of this.filled) {
      if (around.has(id)) continue;
      this.drawnInsides.get(id)?.remove();
      this.filled.delete(id);
    }
    for (const id of around) {
      if (this.filled.has(id)) continue;
      let inside = this.drawnInsides.get(id);
      if (!inside) {
        inside = this.insides.get(id)!();
        this.drawnInsides.set(id, inside);
      }
      // First: the play mark, when there is one, stays on top.
      this.boxes.get(id)?.prepend(inside);
      this.filled.add(id);
    }
  }

  private hostSize(): { width: number; height: number } {
    return { width: this.host.clientWidth, height: this.host.clientHeight };
  }

  private bringIntoView(id: string): void {
    const rect = this.laid?.boxes.get(id);
    if (rect) this.apply(reveal(this.viewport, rect, this.hostSize()));
  }

  private focusedId(): string | undefined {
    const active = document.activeElement;
    return active instanceof SVGGElement && this.nodesLayer.contains(active) ? active.dataset.id : undefined;
  }

  /** A box, empty: what it shows is drawn by drawInside when it comes near the screen. */
  private drawNode(node: MapNode, x: number, y: number): SVGGElement {
    const g = svg('g', { class: nodeClasses(node).join(' '), transform: `translate(${x} ${y})`, tabindex: 0, role: 'button', 'aria-label': nodeLabel(node) });
    g.dataset.id = node.id;
    return g;
  }

  /** What a box shows: its shape, id, badge and the first words of its line. */
  private drawInside(node: MapNode, width: number, height: number): SVGGElement {
    const g = svg('g', { class: 'map-inside' });
    svg('rect', { class: 'map-box', width, height, rx: node.kind === 'ending' ? 14 : node.kind === 'branch' ? 2 : 6 }, g);
    const header = svg('text', { class: 'map-id', x: 10, y: 17 }, g);
    header.textContent = node.kind === 'branch' ? `◇ ${node.id}` : node.id;
    const badge = nodeBadge(node);
    if (badge) {
      const b = svg('text', { class: 'map-badge', x: width - 8, y: 17, 'text-anchor': 'end' }, g);
      b.textContent = badge;
    }
    const text = svg('text', { class: 'map-text' }, g);
    boxLines(node).forEach((line, i) => {
      const span = svg('tspan', { x: 10, y: HEADER_HEIGHT + 12 + i * TEXT_LINE_HEIGHT }, text);
      span.textContent = line;
    });
    return g;
  }

  private drawJump(jump: Jump, edge: MapEdge | undefined): SVGGElement {
    const { x, y, width, height } = jump.box;
    // Coloured like the arrow it ends (tact, route, timeout).
    // Its tact or kind modifiers only: it is not itself an arrow (`.map-edge`).
    const g = svg('g', { class: ['map-jump', ...(edge ? edgeClasses(edge).filter((c) => c !== 'map-edge') : [])].join(' '), transform: `translate(${x} ${y})` });
    g.dataset.to = jump.to;
    svg('rect', { class: 'map-jump-box', width, height, rx: height / 2 }, g);
    const text = svg('text', { class: 'map-jump-text', x: 9, y: height / 2 + 4 }, g);
    text.textContent = jump.text;
    return g;
  }

  private drawEdge(edge: MapEdge, route: Point[], labelled = true): SVGGElement {
    const g = svg('g', { class: [...edgeClasses(edge), ...(this.playedEdges.has(edge.id) ? ['map-played'] : [])].join(' ') });
    g.dataset.id = edge.id;
    this.arrows.set(edge.id, g);
    const marker = edge.kind === 'reply' ? (edge.tact ?? 'neutral') : edge.kind;
    svg('path', { class: 'map-edge-line', d: `M ${route.map((p) => `${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' L ')}`, 'marker-end': `url(#map-arrow-${marker})` }, g);
    if (!labelled) return g;
    const at = pointAlong(route, LABEL_OFFSET);
    const label = svg('text', { class: 'map-edge-label', x: (at.x + 4).toFixed(1), y: (at.y + 4).toFixed(1) }, g);
    label.textContent = edge.label;
    return g;
  }

  private listen(): void {
    const host = this.host;
    host.addEventListener('keydown', (event) => this.key(event));
    host.addEventListener('wheel', (event) => {
      event.preventDefault();
      const bounds = host.getBoundingClientRect();
      // Pixels or lines: a notch of a mouse wheel (about 100 px) zooms by about 16%.
      const delta = event.deltaMode === 1 ? event.deltaY * 33 : event.deltaY;
      this.apply(zoomAt(this.viewport, Math.exp(-delta * 0.0015), event.clientX - bounds.left, event.clientY - bounds.top));
    }, { passive: false });
    host.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      if (event.pointerType === 'touch') this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
      // A second finger turns the drag into a pinch.
      if (this.touches.size === 2) {
        this.drag = undefined;
        this.suppressClick = true;
        return;
      }
      this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    });
    host.addEventListener('pointermove', (event) => {
      if (this.touches.has(event.pointerId) && this.touches.size === 2) {
        this.pinch(event);
        return;
      }
      const drag = this.drag;
      if (!drag || drag.id !== event.pointerId) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!drag.moved) {
        drag.moved = true;
        host.setPointerCapture(event.pointerId);
        host.classList.add('map-dragging');
      }
      drag.x = event.clientX;
      drag.y = event.clientY;
      this.panBy(dx, dy);
    });
    const end = (event: PointerEvent): void => {
      this.touches.delete(event.pointerId);
      if (!this.drag || this.drag.id !== event.pointerId) return;
      this.suppressClick = this.drag.moved;
      this.drag = undefined;
      host.classList.remove('map-dragging');
    };
    host.addEventListener('pointerup', end);
    host.addEventListener('pointercancel', end);
    host.addEventListener('click', (event) => {
      if (this.suppressClick) {
        this.suppressClick = false;
        return;
      }
      const jump = event.target instanceof Element ? event.target.closest<SVGGElement>('.map-jump') : null;
      if (jump?.dataset.to) {
        // Follow the jump: its target box, in view and focused (Enter on it goes to its line).
        this.bringIntoView(jump.dataset.to);
        this.boxes.get(jump.dataset.to)?.focus({ preventScroll: true });
        return;
      }
      const node = this.nodeOf(event.target);
      if (node) this.listener.open(node);
    });
    host.addEventListener('focusin', (event) => {
      const node = this.nodeOf(event.target);
      if (node) this.bringIntoView(node.id);
    });
  }

  /** Two fingers moved: zoom by how much farther apart they are, about their midpoint, and pan with it. */
  private pinch(event: PointerEvent): void {
    const [a, b] = [...this.touches.entries()];
    if (!a || !b) return;
    const before = { a: a[1], b: b[1] };
    this.touches.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const after = { a: this.touches.get(a[0])!, b: this.touches.get(b[0])! };
    const span = (p: { a: { x: number; y: number }; b: { x: number; y: number } }): number => Math.hypot(p.a.x - p.b.x, p.a.y - p.b.y);
    const mid = (p: { a: { x: number; y: number }; b: { x: number; y: number } }) => ({ x: (p.a.x + p.b.x) / 2, y: (p.a.y + p.b.y) / 2 });
    if (span(before) < 1) return;
    const bounds = this.host.getBoundingClientRect();
    const m0 = mid(before);
    const m1 = mid(after);
    this.apply(panBy(zoomAt(this.viewport, span(after) / span(before), m0.x - bounds.left, m0.y - bounds.top), m1.x - m0.x, m1.y - m0.y));
  }

  private key(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const node = this.nodeOf(event.target);
    const moves: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    const move = moves[event.key];
    if (move) this.panBy(...move);
    else if (event.key === '+' || event.key === '=') this.zoomBy(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') this.zoomBy(1 / ZOOM_STEP);
    else if (event.key === '0') this.fit();
    else if ((event.key === 'Enter' || event.key === ' ') && node) this.listener.open(node);
    else if ((event.key === 'p' || event.key === 'P') && node && node.kind !== 'ending' && this.listener.play) this.listener.play(node);
    else return;
    event.preventDefault();
  }

  private nodeOf(target: EventTarget | null): MapNode | undefined {
    const g = target instanceof Element ? target.closest<SVGGElement>('.map-node') : null;
    return g?.dataset.id ? this.nodes.get(g.dataset.id) : undefined;
  }
}

