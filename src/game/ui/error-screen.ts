import { h, icon } from './dom.ts';
import { mountScreen, topbar, brand } from './screen.ts';
import { navigate } from '../navigation.ts';

/** A screen whose opening work can fail: its name, whether it is still shown, and how to open it again. */
export interface OpeningScreen {
  /** The screen's name: Menu, Briefing, Conversation or Debrief. */
  key: 'Menu' | 'Briefing' | 'Conversation' | 'Debrief';
  /** False once the player has left the screen (then a late failure shows nothing). */
  active(): boolean;
  /** Opens the screen again from scratch. */
  retry(): void;
}

/** What failed, in the trainee's words, by screen. */
const FAILED: Record<OpeningScreen['key'], string> = {
  Menu: 'Something went wrong loading your saved results.',
  Briefing: 'Something went wrong opening this scenario.',
  Conversation: 'Something went wrong opening this scenario.',
  Debrief: 'Something went wrong showing your debrief.',
};

/** The test-only hook that makes a screen's opening work fail (e2e builds only; see `failuresForTests`). */
interface TestFailureHook {
  scene: string;
  /** How many times to fail before letting the work run (so "Try again" can succeed). */
  times: number;
}

/**
 * Runs a screen's asynchronous opening work (loading the library, the faces,
 * the history) and, if it fails, shows the one error screen instead of
 * leaving a blank or "Opening…" screen behind. "Try again" opens the screen
 * again; "Back to scenarios" opens the menu. Nothing is shown when the
 * screen has already been left.
 *
 * The error is logged with `console.error` (for whoever looks at the
 * console) but the trainee sees only the plain message, never a stack.
 *
 * @example
 * openOrShowError({ key: 'Briefing', active, retry }, () => openBriefing(id));
 */
export function openOrShowError(screen: OpeningScreen, work: () => Promise<void>): void {
  const run = async (): Promise<void> => {
    injectedFailure(screen.key);
    await work();
  };
  run().catch((error: unknown) => {
    console.error(`Tactful: the ${screen.key} screen could not open.`, error);
    if (!screen.active()) return;
    showErrorScreen({ message: FAILED[screen.key], retry: () => screen.retry(), back: () => navigate({ screen: 'menu' }) });
  });
}

/** What the error screen's buttons do. */
export interface ErrorScreenActions {
  /** What went wrong, in the trainee's words. */
  message: string;
  retry: () => void;
  back: () => void;
}

/** The error screen: what happened in words a trainee can act on, "Try again" and "Back to scenarios". */
export function showErrorScreen(actions: ErrorScreenActions): void {
  const retry = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => actions.retry() }, icon('retry'), 'Try again');
  const back = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => actions.back() }, 'Back to scenarios');
  const main = h(
    'main',
    { class: 'screen', id: 'main' },
    h(
      'div',
      { class: 'wrap error-screen' },
      h(
        'section',
        { class: 'panel error-panel', role: 'alert', 'aria-labelledby': 'error-title' },
        h('h1', { id: 'error-title' }, icon('warning'), 'Something went wrong'),
        h('p', {}, `${actions.message} Your progress is saved.`),
        h('p', { class: 'hint' }, 'Try again, or go back to the scenarios and pick it again. If it keeps happening, reload the page.'),
        h('div', { class: 'actions-bar' }, retry, back),
      ),
    ),
  );
  mountScreen('error', [topbar(brand()), main]);
}

/**
 * End-to-end builds only: a test sets `window.__TACTFUL_TEST_FAIL__ =
 * { scene: 'Conversation', times: 1 }` to make that screen's opening fail,
 * so the error screen can be tested. Production builds drop this code.
 */
function injectedFailure(sceneKey: string): void {
  if (!(import.meta.env.DEV || import.meta.env.MODE === 'e2e')) return;
  const hook = (globalThis as { __TACTFUL_TEST_FAIL__?: TestFailureHook }).__TACTFUL_TEST_FAIL__;
  if (!hook || hook.scene !== sceneKey || hook.times <= 0) return;
  hook.times -= 1;
  throw new Error(`failure injected by a test in the ${sceneKey} screen`);
}
