import type { ConversationResult, TimerSetting } from '../engine/index.ts';

/**
 * Where the player is: one of the game's screens. Every screen is a
 * browser history entry with its own address, so Back goes to the previous
 * screen, a reload opens the same one, and a link can be shared:
 *
 * - menu: `./`
 * - briefing: `./?scenario=ID`
 * - conversation: `./?scenario=ID&screen=conversation`
 * - debrief: `./?scenario=ID&screen=debrief`
 * - your results: `./?screen=results`
 *
 * A reload at a conversation's address opens its briefing, which offers to
 * resume the unfinished conversation (report/resume/); a debrief's result travels in the history
 * entry's state, so Back and Forward show it again, and a reload without it
 * opens the briefing too.
 */
export type Route =
  | { screen: 'menu' }
  | { screen: 'briefing'; id: string }
  | { screen: 'conversation'; id: string }
  | { screen: 'debrief'; id: string; play?: FinishedPlay }
  | { screen: 'results' };

/** A finished play as the debrief shows it. */
export interface FinishedPlay {
  result: ConversationResult;
  timers: TimerSetting;
}

/** Shows a route (the game's screens, see main.ts). */
export type Renderer = (route: Route) => void;

/**
 * Asked before Back leaves a conversation: it should pause and ask the
 * player, then call `leave()` if they confirm. Returns false to let Back go.
 */
export type LeaveGuard = () => boolean;

interface State {
  tactful: 1;
  route: Route;
}

let render: Renderer = () => undefined;
let current: Route = { screen: 'menu' };
let guard: LeaveGuard | null = null;
/** Set while a guarded Back waits for the player's answer: leaving then goes back for real. */
let backPending = false;

/** The route a URL (and its history state) stands for. An empty or missing `scenario` is the menu. */
export function routeFromLocation(href: string, state: unknown): Route {
  const params = new URL(href).searchParams;
  const id = params.get('scenario')?.trim();
  if (!id) return params.get('screen') === 'results' ? { screen: 'results' } : { screen: 'menu' };
  const saved = isState(state) ? state.route : null;
  if (params.get('screen') === 'debrief' && saved?.screen === 'debrief' && saved.id === id && saved.play) return saved;
  return { screen: 'briefing', id };
}

/** The address of a route, keeping any other query parameters (such as a `seed` still to be used). */
export function addressOf(route: Route, href: string): string {
  const url = new URL(href);
  url.searchParams.delete('screen');
  if (route.screen === 'menu' || route.screen === 'results') url.searchParams.delete('scenario');
  else url.searchParams.set('scenario', route.id);
  if (route.screen === 'conversation' || route.screen === 'debrief' || route.screen === 'results') url.searchParams.set('screen', route.screen);
  return url.href;
}

/** The route on screen now. */
export function currentRoute(): Route {
  return current;
}

/**
 * Starts routing: shows the route the page was opened at and follows Back
 * and Forward from then on.
 */
export function startNavigation(renderer: Renderer): void {
  render = renderer;
  window.addEventListener('popstate', onPopState);
  const first = routeFromLocation(location.href, history.state);
  history.replaceState(stateOf(first), '', addressOf(first, location.href));
  show(first);
}

/**
 * Opens a route as a new history entry, or in place of the current one
 * (`replace`) where going back to it would make no sense: a finished
 * conversation becomes its debrief, and "Try again" replaces the debrief.
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  backPending = false;
  const address = addressOf(route, location.href);
  if (options.replace) history.replaceState(stateOf(route), '', address);
  else history.pushState(stateOf(route), '', address);
  show(route);
}

/**
 * Leaves a guarded screen for `fallback`, or, when the player got here by
 * pressing Back and confirmed, completes that Back.
 */
export function leave(fallback: Route): void {
  guard = null;
  if (backPending) {
    backPending = false;
    history.back();
    return;
  }
  navigate(fallback);
}

/** Guards Back on the current screen (the conversation); the guard is dropped when the screen changes. */
export function guardLeaving(leaveGuard: LeaveGuard): void {
  guard = leaveGuard;
}

/** The player chose to stay after a guarded Back: a later "Quit" goes where it says, not back. */
export function stayHere(): void {
  backPending = false;
}

/** Makes the current screen's address say where it is, without a new history entry. */
export function replaceRoute(route: Route): void {
  current = route;
  history.replaceState(stateOf(route), '', addressOf(route, location.href));
}

function onPopState(event: PopStateEvent): void {
  if (guard?.()) {
    // The guard is asking the player: undo the Back for now (the conversation's entry comes back).
    backPending = true;
    history.pushState(stateOf(current), '', addressOf(current, location.href));
    return;
  }
  backPending = false;
  show(routeFromLocation(location.href, event.state));
}

const listeners = new Set<(route: Route) => void>();

/** Calls `listener` after each screen change; returns a function that stops it. */
export function onRouteChange(listener: (route: Route) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function show(route: Route): void {
  guard = null;
  current = route;
  render(route);
  for (const listener of [...listeners]) listener(route);
}

function stateOf(route: Route): State {
  return { tactful: 1, route };
}

function isState(value: unknown): value is State {
  return typeof value === 'object' && value !== null && (value as State).tactful === 1 && typeof (value as State).route === 'object';
}
