import type { MenuEntry } from './menu-index.ts';
import type { Library } from './library.ts';
import menu from 'virtual:tactful/menu';

export type { MenuEntry } from './menu-index.ts';
export type { Library, LibraryScenario } from './library.ts';

/** Every shipped scenario's menu card, read at build time. */
export const menuEntries: readonly MenuEntry[] = menu;

let pending: Promise<Library> | undefined;

/**
 * The full library (YAML parser, schema, engine and every scenario), loaded
 * in its own chunk the first time it is asked for. The menu starts this in
 * the background so a briefing opens without a wait.
 */
export function loadLibrary(): Promise<Library> {
  pending ??= import('./library.ts').then(
    (m) => m.library(),
    (error: unknown) => {
      // A failed chunk load is not kept: "Try again" on the error screen fetches it afresh.
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** True when a development-only test hook has added scenarios (the menu then waits for the library). */
export function hasTestScenarios(): boolean {
  return (import.meta.env.DEV || import.meta.env.MODE === 'e2e') && ((globalThis as { __TACTFUL_TEST_SCENARIOS__?: unknown[] }).__TACTFUL_TEST_SCENARIOS__?.length ?? 0) > 0;
}
