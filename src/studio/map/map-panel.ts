import type { ConversationMap, MapNode } from '../../map/conversation-map.ts';
import { nodeAtLine } from '../../map/map-classes.ts';
import { type LaidOutMap, type LayoutEngine } from '../../map/map-layout.ts';
import { LatestLayout } from './latest-layout.ts';
import { toElkGraph } from '../../map/elk-graph.ts';
import { MapView } from './map-view.ts';
import type { PlayedPath } from '../preview/played-path.ts';

/** Pause after the last check before the map is laid out again: typing a line does not relayout at every pause. */
const MAP_DELAY_MS = 150;

/** The name of the User Timing measure of each layout, from asking the worker to its answer (read by the benchmark). */
export const MAP_LAYOUT = 'studio:map-layout';

/** The page's parts the map panel uses. */
export interface MapPanelElements {
  /** Where the SVG goes (focusable; the keys work there). */
  canvas: HTMLElement;
  /** A line above the map: what it shows, or why it is not up to date. */
  note: HTMLElement;
  zoomIn: HTMLButtonElement;
  zoomOut: HTMLButtonElement;
  fit: HTMLButtonElement;
}

/**
 * The studio's map: after each check of the file, the conversation's graph
 * laid out by ELK in its worker and drawn beside the editor. A file that
 * does not read keeps the last map that did, with a note. A change that
 * keeps every box's size and every arrow (a word changed in a line) is
 * redrawn in place without a new layout; a change of lines only (text added
 * above) just moves where the boxes point.
 */
export class MapPanel {
  private readonly view: MapView;
  private readonly layout: LatestLayout;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: ConversationMap | null | undefined;
  /** What the shown layout was computed from (ELK's input, as JSON). */
  private shownStructure = '';
  private shownContent = '';
  private cursorLine = 0;
  private stale = false;

  constructor(
    private readonly elements: MapPanelElements,
    engine: LayoutEngine,
    /** The trainer opened a box: put the editor's cursor on this line. */
    private readonly open: (line: number) => void,
    /** The trainer pressed P on a box: play from that node (the Play panel). */
    playFrom?: (id: string) => void,
  ) {
    this.view = new MapView(elements.canvas, { open: (node) => this.open(node.sourceLine), ...(playFrom ? { play: (node) => playFrom(node.id) } : {}) });
    this.layout = new LatestLayout(engine, (laid, ms) => this.laidOut(laid, ms), (error) => this.say(`The map could not be laid out (${error instanceof Error ? error.message : String(error)}).`));
    elements.zoomIn.addEventListener('click', () => this.view.zoomBy(1.25));
    elements.zoomOut.addEventListener('click', () => this.view.zoomBy(1 / 1.25));
    elements.fit.addEventListener('click', () => this.view.fit());
    this.say('Drawing the map…');
  }

  /** The map of the file as last checked, or null when the file did not read (it has errors). */
  update(map: ConversationMap | null): void {
    this.waiting = map;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.apply();
    }, MAP_DELAY_MS);
  }

  /** The editor's cursor is on this line: its box is highlighted. */
  cursorAt(line: number): void {
    this.cursorLine = line;
    const shown = this.view.shown;
    if (shown) this.view.highlight(nodeAtLine(shown.map.nodes, line));
  }

  /** The node whose box the editor's cursor is in, if any. */
  get cursorNode(): string | undefined {
    const shown = this.view.shown;
    return shown ? nodeAtLine(shown.map.nodes, this.cursorLine) : undefined;
  }

  /** Draws the path a preview played (null clears it); it stays through redraws after edits. */
  showPlayed(path: PlayedPath | null): void {
    this.view.showPlayed(path);
  }

  private apply(): void {
    const map = this.waiting;
    this.waiting = undefined;
    if (map === undefined) return;
    if (map === null) {
      this.stale = true;
      this.say(this.view.shown ? 'The file has errors: the map shows its last version without them.' : 'The map is drawn once the file reads without errors.');
      return;
    }
    this.stale = false;
    const structure = JSON.stringify(toElkGraph(map));
    const shown = this.view.shown;
    if (shown && structure === this.shownStructure) {
      const content = contentOf(map);
      if (content !== this.shownContent) {
        this.shownContent = content;
        this.view.render({ ...shown, map }, true);
      } else {
        this.view.relocate(map.nodes);
        shown.map = map;
      }
      this.cursorAt(this.cursorLine);
      this.summarise(map);
      return;
    }
    performance.mark(`${MAP_LAYOUT}:start`);
    this.layout.request(map);
  }

  private laidOut(laid: LaidOutMap, ms: number): void {
    performance.measure(MAP_LAYOUT, { duration: ms, end: performance.now(), detail: { nodes: laid.map.nodes.length, edges: laid.map.edges.length } });
    const first = !this.view.shown;
    this.shownStructure = JSON.stringify(toElkGraph(laid.map));
    this.shownContent = contentOf(laid.map);
    this.view.render(laid, !first);
    this.cursorAt(this.cursorLine);
    if (!this.stale) this.summarise(laid.map);
  }

  private summarise(map: ConversationMap): void {
    const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
    const unreachable = map.nodes.filter((n) => n.unreachable).length;
    const deadEnds = map.nodes.filter((n) => n.deadEnd).length;
    const findings = [unreachable ? `${unreachable} unreachable` : '', deadEnds ? count(deadEnds, 'dead end') : ''].filter((w) => w);
    const boxes = map.nodes.filter((n) => n.kind !== 'ending').length;
    this.say(`${count(boxes, 'node')}, ${count(map.nodes.length - boxes, 'ending')}${findings.length ? ` · ${findings.join(', ')}` : ''}`);
  }

  private say(text: string): void {
    if (this.elements.note.textContent !== text) this.elements.note.textContent = text;
  }
}

/** Everything a box or an arrow shows, without the lines they point at (those move with every edit above them). */
function contentOf(map: ConversationMap): string {
  return JSON.stringify({ nodes: map.nodes.map((n: MapNode) => ({ ...n, sourceLine: 0 })), edges: map.edges });
}
