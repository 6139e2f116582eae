import { h, icon } from './dom.ts';
import { mountScreen, topbar, brand } from './screen.ts';

/** The part of a Phaser scene the error screen uses (kept structural so this file needs no Phaser). */
export interface FailingScene {
  scene: {
    key: string;
    isActive(): boolean;
    restart(data?: object): void;
    start(key: string, data?: object): void;
  };
}

/** The test-only hook that makes a scene's opening work fail (e2e builds only; see `failuresForTests`). */
interface TestFailureHook {
  scene: string;
  /** How many times to fail before letting the work run (so "Try again" can succeed). */
  times: number;
}

/**
 * Runs a scene's asynchronous opening work (loading the library, the faces,
 * the history) and, if it fails, shows the one error screen instead of
 * leaving a blank or "Opening…" screen behind. "Try again" restarts the
 * scene with the same data; "Back to scenarios" opens the menu. Nothing is
 * shown when the scene has already been left.
 *
 * The error is logged with `console.error` (for whoever looks at the
 * console) but the trainee sees only the plain message, never a stack.
 *
 * @example
 * create(data: { id: string }): void {
 *   openOrShowError(this, () => this.setup(data.id), data);
 * }
 */
export function openOrShowError(scene: FailingScene, work: () => Promise<void>, data?: object): void {
  const run = async (): Promise<void> => {
    injectedFailure(scene.scene.key);
    await work();
  };
  run().catch((error: unknown) => {
    console.error(`Tactful: the ${scene.scene.key} screen could not open.`, error);
    if (!scene.scene.isActive()) return;
    showErrorScreen({ retry: () => scene.scene.restart(data), back: () => scene.scene.start('Menu') });
  });
}

/** What the error screen's buttons do. */
export interface ErrorScreenActions {
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
        h('p', {}, 'Something went wrong opening this scenario. Your progress is saved.'),
        h('p', { class: 'hint' }, 'Try again, or go back to the scenarios and pick it again. If it keeps happening, reload the page.'),
        h('div', { class: 'actions-bar' }, retry, back),
      ),
    ),
  );
  mountScreen('error', [topbar(brand()), main]);
}

/**
 * End-to-end builds only: a test sets `window.__TACTFUL_TEST_FAIL__ =
 * { scene: 'Conversation', times: 1 }` to make that scene's opening fail,
 * so the error screen can be tested. Production builds drop this code.
 */
function injectedFailure(sceneKey: string): void {
  if (!(import.meta.env.DEV || import.meta.env.MODE === 'e2e')) return;
  const hook = (globalThis as { __TACTFUL_TEST_FAIL__?: TestFailureHook }).__TACTFUL_TEST_FAIL__;
  if (!hook || hook.scene !== sceneKey || hook.times <= 0) return;
  hook.times -= 1;
  throw new Error(`failure injected by a test in the ${sceneKey} screen`);
}
