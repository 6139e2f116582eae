import { h } from '../game/ui/dom.ts';
import { brand } from '../game/ui/screen.ts';

/** What goes in the dashboard's top bar besides the brand. */
export interface ShellOptions {
  /** Shown when signed in: the way back to the list and "Sign out". */
  signedIn?: { signOut: () => void };
}

/**
 * Replaces the page with a top bar and `content` in the main region, then
 * moves focus to the first heading (keyboard and screen-reader users start
 * at the top of each view, as in the game).
 */
export function showPage(app: HTMLElement, content: HTMLElement[], options: ShellOptions = {}): void {
  const bar = h('header', { class: 'topbar' }, h('a', { class: 'brand-link', href: '#/' }, brand()), h('span', { class: 'topbar-title' }, 'Trainer dashboard'), h('div', { class: 'spacer' }));
  if (options.signedIn) bar.append(h('button', { type: 'button', class: 'btn btn-quiet', onclick: options.signedIn.signOut }, 'Sign out'));
  app.replaceChildren(bar, h('main', { class: 'page-main', id: 'main' }, ...content));
  const heading = app.querySelector<HTMLElement>('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}
