import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from '@playwright/test';

/**
 * The test LMS (lms.html + lms.js, with scorm-again as the SCORM API),
 * served by the test itself on the game's own origin, as an LMS serves its
 * player page and the SCO from one host: a SCO can only reach the API of a
 * window of its own origin.
 */
const HERE = import.meta.dirname;
const FILES: Record<string, { path: string; type: string }> = {
  'lms.html': { path: join(HERE, 'lms.html'), type: 'text/html' },
  'lms.js': { path: join(HERE, 'lms.js'), type: 'text/javascript' },
  'scorm-again.js': { path: join(HERE, '..', '..', '..', 'node_modules', 'scorm-again', 'dist', 'scorm-again.js'), type: 'text/javascript' },
};

/** Which SCORM version the test LMS speaks. */
export type ScormKind = 'scorm12' | 'scorm2004';

/** Serves the test LMS under `/harness/` for this page (call before opening it). */
export async function serveTestLms(page: Page): Promise<void> {
  await page.route(/\/harness\/[^/?]+(\?.*)?$/, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const file = FILES[name];
    if (!file) return route.fulfill({ status: 404, body: 'not in the test LMS' });
    return route.fulfill({ status: 200, contentType: file.type, body: readFileSync(file.path) });
  });
}

/** The address of the test LMS launching `scenario` with `kind`. */
export function lmsAddress(kind: ScormKind, scenario: string): string {
  return `/harness/lms.html?version=${kind}&scenario=${encodeURIComponent(scenario)}`;
}

/** The SCO (the game) in the test LMS's frame. */
export function sco(page: Page): FrameLocator {
  return page.frameLocator('#sco');
}

/** Everything the test LMS holds for the SCO (scorm-again's CMI as JSON). */
export async function lmsData(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as { harnessData: () => Record<string, unknown> }).harnessData());
}

/** The session calls (initialize, commit, finish) the SCO made since the LMS page opened. */
export async function lmsCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { harnessCalls: () => string[] }).harnessCalls());
}
