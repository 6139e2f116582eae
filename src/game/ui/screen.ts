import { h, icon } from './dom.ts';
import { onSettingsChange, settings, updateSettings } from '../settings.ts';

/**
 * The DOM layer over the canvas. Each scene mounts one screen (a top bar and
 * a main region) and unmounts it on shutdown. Focus moves to the new
 * screen's heading so keyboard and screen-reader users start at the top.
 */
const root = (): HTMLElement => document.getElementById('ui')!;

let current: HTMLElement[] = [];
/** Clean-ups of the screen on show, and of the one being built (registered before it is mounted). */
let currentCleanups: (() => void)[] = [];
let pendingCleanups: (() => void)[] = [];

/**
 * Runs `cleanup` when the screen being built is taken down. Anything a
 * screen subscribes to outside itself (settings, the document) must be
 * released this way: a subscription left behind keeps the whole detached
 * screen alive, and fifty plays would keep fifty screens.
 */
export function onUnmount(cleanup: () => void): void {
  pendingCleanups.push(cleanup);
}

/**
 * Replaces whatever is shown with `elements` and focuses `focus` (or the
 * first h1). `modal` elements go in the layer above the canvas.
 */
export function mountScreen(name: string, elements: HTMLElement[], focus?: HTMLElement | null, modal: HTMLElement[] = []): void {
  unmountScreen();
  // The top bar index.html paints before any script runs: the first screen brings its own.
  for (const shell of root().querySelectorAll('[data-shell]')) shell.remove();
  current = [...elements, ...modal];
  currentCleanups = pendingCleanups;
  pendingCleanups = [];
  for (const el of elements) root().appendChild(el);
  for (const el of modal) document.getElementById('modal')!.appendChild(el);
  document.body.dataset.screen = name;
  const target = focus ?? root().querySelector<HTMLElement>('h1');
  if (target) {
    if (!target.hasAttribute('tabindex') && !/^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }
}

/** Removes the current screen. */
export function unmountScreen(): void {
  for (const el of current) el.remove();
  current = [];
  for (const cleanup of currentCleanups.splice(0)) cleanup();
}

/** The brand mark used in every top bar. */
export function brand(): HTMLElement {
  return h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'T'), 'Tactful');
}

/** A mute toggle that follows and changes the saved setting. */
export function muteButton(): HTMLButtonElement {
  const button = h('button', { class: 'icon-btn', type: 'button', 'data-testid': 'mute' });
  const render = (): void => {
    const muted = settings().muted;
    button.replaceChildren(icon(muted ? 'muted' : 'sound'));
    button.setAttribute('aria-pressed', String(muted));
    button.setAttribute('aria-label', 'Mute sound');
    button.title = muted ? 'Sound is off' : 'Sound is on';
  };
  button.addEventListener('click', () => updateSettings({ muted: !settings().muted }));
  onUnmount(onSettingsChange(render));
  render();
  return button;
}

/** A top bar: brand or back button on the left, then extra items. */
export function topbar(...items: (HTMLElement | null)[]): HTMLElement {
  const bar = h('header', { class: 'topbar' });
  for (const item of items) if (item) bar.appendChild(item);
  return bar;
}

/** Moves focus without scrolling, making non-focusable targets focusable. */
export function focusElement(el: HTMLElement | null | undefined): void {
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(BUTTON|A|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}
