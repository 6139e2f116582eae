/**
 * The path on the map, in the game's debrief: loaded with import() once a
 * debrief opens (never with the menu), and the layout engine (ELK, in its
 * own worker) only when the map is drawn.
 */
import { wasBestReply } from '../../engine/best-reply.ts';
import { bestRoute } from '../../engine/best-route.ts';
import type { CompiledScenario, ConversationResult } from '../../engine/index.ts';
import { readLayout, type LaidOutMap, type LayoutEngine } from '../../map/map-layout.ts';
import { h } from '../ui/dom.ts';
import { compactGraph } from './compact-graph.ts';
import { workerLayout } from './layout-client.ts';
import { drawPathMap } from './map-drawing.ts';
import { pathMap, type PathMap } from './path-map.ts';
import { routeSteps } from './route-text.ts';
import { mapScale } from './map-scale.ts';

let engine: LayoutEngine | undefined;
/** One worker for the whole visit: ELK's start-up (parsing 1.4 MB) is paid once, by the first debrief. */
function layoutEngine(): LayoutEngine {
  engine ??= workerLayout((message) => console.warn(`Debrief map: ${message}`));
  return engine;
}

/**
 * The debrief's "Your path on the map" section: its words at once (what
 * happened, the legend, the routes as ordered lists: the figure's text
 * alternative), and the drawing in a box of fixed size that fills in once
 * laid out, so nothing below it moves. `active` says whether the debrief is
 * still on screen (a late layout then draws nothing).
 */
export function debriefMapSection(compiled: CompiledScenario, result: ConversationResult, active: () => boolean): HTMLElement {
  const best = bestRoute(compiled, result);
  const path = pathMap(compiled.scenario, compiled.analysis, result, best);
  // Focusable, so a keyboard can scroll a map larger than its box.
  const canvas = h('div', { class: 'dm-canvas', tabindex: 0, role: 'group', 'aria-label': 'Map of the conversation', 'data-testid': 'debrief-map-canvas', 'data-state': 'laying-out' }, h('p', { class: 'dm-waiting hint' }, 'Drawing the map…'));
  const section = h(
    'section',
    { class: 'panel dm-panel', 'aria-labelledby': 'debrief-map-title', 'data-testid': 'debrief-map' },
    h('h2', { id: 'debrief-map-title' }, 'Your path on the map'),
    h('p', { class: 'dm-summary', 'data-testid': 'debrief-map-summary' }, summary(compiled, result, path, best.ending)),
    h('figure', { class: 'dm-figure' }, canvas, h('figcaption', {}, legend(path), routeLists(path, best.ending !== null))),
  );
  void draw(canvas, path, active);
  return section;
}

/** Lays out and draws the map into its box; says so in the box if that fails (the words above still tell the routes). */
async function draw(canvas: HTMLElement, path: PathMap, active: () => boolean): Promise<void> {
  let laid: LaidOutMap;
  try {
    laid = readLayout(path.map, await layoutEngine()(compactGraph(path.map)));
  } catch (error) {
    if (!active()) return;
    canvas.dataset.state = 'failed';
    canvas.replaceChildren(h('p', { class: 'dm-waiting hint' }, 'The map could not be drawn here. Your route is listed below.'));
    console.warn('Debrief map: the layout failed', error);
    return;
  }
  if (!active() || !canvas.isConnected) return;
  const label = `Map of the conversation: your route${path.leftAt ? ' and the best route from where you left it' : ''}, listed below.`;
  const drawing = drawPathMap(laid, path, label);
  const fit = (): void => {
    const style = getComputedStyle(canvas);
    const padding = (side: 'Left' | 'Top'): number => 2 * (parseFloat(style[`padding${side}`]) || 0);
    const { width, height } = mapScale(laid.size, { width: canvas.clientWidth - padding('Left'), height: canvas.clientHeight - padding('Top') });
    drawing.setAttribute('width', String(width));
    drawing.setAttribute('height', String(height));
  };
  fit();
  canvas.replaceChildren(drawing);
  canvas.dataset.state = 'drawn';
  // The box scrolls when the map is larger than it: show where the trainee left the best route.
  const focus = path.leftAt ? laid.boxes.get(path.leftAt) : undefined;
  if (focus) {
    const scale = Number(drawing.getAttribute('width')) / Math.max(1, laid.size.width);
    canvas.scrollTop = Math.max(0, focus.y * scale - canvas.clientHeight / 3);
    canvas.scrollLeft = Math.max(0, (focus.x + focus.width / 2) * scale - canvas.clientWidth / 2);
  }
  // A phone turned, a window resized: the map refits. The observer ends with the debrief (its box leaves the page).
  const resized = new ResizeObserver(() => (canvas.isConnected ? fit() : resized.disconnect()));
  resized.observe(canvas);
}

/** One sentence on the routes: where the trainee left the best route and where it would have led. */
function summary(compiled: CompiledScenario, result: ConversationResult, path: PathMap, bestEnding: string | null): string {
  if (!path.leftAt) {
    // No best route although a choice was not a best reply: the play no longer replays on this scenario (it changed since).
    const allBest = result.decisions.every((d) => {
      const node = compiled.scenario.nodes[d.node];
      return node?.kind === 'dialogue' && wasBestReply(node, d);
    });
    return allBest ? 'Every choice you made was a best reply: your route is the best route.' : 'Your route is drawn; the best route could not be worked out for this play.';
  }
  const ending = bestEnding ? compiled.scenario.endings[bestEnding] : undefined;
  const led = ending ? `led to ${ending.id} (${ending.outcome})` : 'goes on without reaching an ending';
  return `You left the best route at ${path.leftAt}. From there, the best replies ${led}.`;
}

function legend(path: PathMap): HTMLElement {
  return h(
    'ul',
    { class: 'dm-legend', 'aria-label': 'Legend' },
    h('li', {}, h('span', { class: 'dm-key dm-key-taken', 'aria-hidden': 'true' }), 'Your route: solid, with each step numbered'),
    path.leftAt ? h('li', {}, h('span', { class: 'dm-key dm-key-best', 'aria-hidden': 'true' }), 'Best route from where you left it: dashed, in green') : null,
    path.leftAt ? h('li', {}, h('span', { class: 'dm-key dm-key-left', 'aria-hidden': 'true' }), 'Ringed: where you left it') : null,
    h('li', {}, h('span', { class: 'dm-key dm-key-other', 'aria-hidden': 'true' }), 'Other replies: faint'),
    h('li', {}, 'Endings are coloured by outcome and named under their id'),
    path.trimmed ? h('li', { 'data-testid': 'debrief-map-trimmed' }, `A large scenario: only the ${path.trimmed.shown} of its ${path.trimmed.total} steps on or next to these routes are drawn`) : null,
  );
}

/** The routes as ordered lists: the map's text alternative. */
function routeLists(path: PathMap, bestEnds: boolean): HTMLElement {
  const list = (testId: string, steps: string[]): HTMLElement => h('ol', { class: 'dm-route', 'data-testid': testId }, ...steps.map((s) => h('li', {}, s)));
  return h(
    'div',
    { class: 'dm-routes' },
    h('h3', {}, 'Your route'),
    list('debrief-route-taken', routeSteps(path.map, path.taken)),
    path.leftAt ? h('h3', {}, `Best route from ${path.leftAt}`) : null,
    path.leftAt ? list('debrief-route-best', routeSteps(path.map, path.best)) : null,
    path.leftAt && !bestEnds ? h('p', { class: 'hint' }, 'The best replies from there come back round without ending.') : null,
  );
}
