import type { SearchableWindow } from './api-discovery.ts';
import { ScormConnection } from './scorm-connection.ts';
import { ScormDestination } from './scorm-destination.ts';

let opened: { kind: 'scorm12' | 'scorm2004'; destination: ScormDestination | null } | undefined;

/**
 * The page's one SCORM session, opened on first ask: the SCO initializes
 * with the LMS once per launch, however many plays follow. Null when no
 * LMS API is found (the package opened outside an LMS): the game then
 * runs on its own, with no error shown.
 *
 * @example
 * const scorm = scormSession('scorm12', console.warn);
 * if (scorm) destinations.push(scorm);
 */
export function scormSession(kind: 'scorm12' | 'scorm2004', onError: (error: unknown) => void, win: SearchableWindow = window as unknown as SearchableWindow): ScormDestination | null {
  if (opened?.kind === kind) return opened.destination;
  const connection = ScormConnection.open(kind === 'scorm12' ? '1.2' : '2004', win, onError);
  opened = { kind, destination: connection ? new ScormDestination(connection, onError) : null };
  return opened.destination;
}

/** The SCORM session opened by this page, if any (the briefing reads suspend_data from it). */
export function openScormSession(): ScormDestination | null {
  return opened?.destination ?? null;
}
