/**
 * Finding the LMS's SCORM API object, as both standards describe it: the
 * LMS puts `API` (SCORM 1.2) or `API_1484_11` (SCORM 2004) on a window that
 * encloses the SCO, so the SCO looks in its own window and up the chain of
 * parents, then in the window that opened it (an LMS that launches SCOs in
 * a pop-up) and that window's parents.
 */

/** The SCORM 1.2 runtime API (RTE 3.3), as the LMS provides it. Every value is a string. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 runtime API (IEEE 1484.11.2), as the LMS provides it. */
export interface Scorm2004Api {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** Which API to look for. */
export type ScormVersion = '1.2' | '2004';

/**
 * How far up a chain of parents to look. The ADL sample code allows 500
 * for pathological framesets; real LMSs nest a SCO a few frames deep, and
 * the harness one, so 7 keeps the search short where there is no LMS.
 */
export const MAX_PARENTS = 7;

/** The part of a window the search reads (a stand-in in unit tests). */
export interface SearchableWindow {
  readonly parent: SearchableWindow | null;
  readonly opener?: SearchableWindow | null;
  readonly [name: string]: unknown;
}

/**
 * The LMS's API object for `version`, or null when there is none (the
 * package opened outside an LMS: the game runs on its own). A window of
 * another origin cannot be read (it throws); the search treats it as having
 * no API and goes on.
 *
 * @example
 * const api = findScormApi(window, '1.2');
 * if (api) api.LMSInitialize('');
 */
export function findScormApi(start: SearchableWindow, version: '1.2'): Scorm12Api | null;
export function findScormApi(start: SearchableWindow, version: '2004'): Scorm2004Api | null;
export function findScormApi(start: SearchableWindow, version: ScormVersion): Scorm12Api | Scorm2004Api | null;
export function findScormApi(start: SearchableWindow, version: ScormVersion): Scorm12Api | Scorm2004Api | null {
  const name = version === '1.2' ? 'API' : 'API_1484_11';
  const method = version === '1.2' ? 'LMSInitialize' : 'Initialize';
  const found = searchUp(start, name, method);
  if (found) return found as Scorm12Api | Scorm2004Api;
  const opener = read(() => start.opener ?? null);
  return opener ? (searchUp(opener, name, method) as Scorm12Api | Scorm2004Api | null) : null;
}

/** Looks in `win` and up to MAX_PARENTS of its parents. */
function searchUp(win: SearchableWindow, name: string, method: string): object | null {
  let current: SearchableWindow | null = win;
  for (let depth = 0; current && depth <= MAX_PARENTS; depth++) {
    const here: SearchableWindow = current;
    const api = read(() => here[name]);
    if (isApi(api, method)) return api;
    const parent = read(() => here.parent);
    // The top window is its own parent.
    if (!parent || parent === here) return null;
    current = parent;
  }
  return null;
}

function isApi(value: unknown, method: string): value is object {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[method] === 'function';
}

/** Reads a property of a window that may be of another origin (reading it throws a SecurityError). */
function read<T>(get: () => T): T | null {
  try {
    return get();
  } catch {
    return null;
  }
}
