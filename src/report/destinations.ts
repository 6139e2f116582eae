import type { LaunchSettings } from './launch.ts';
import { AllDestinations, type ResultsDestination } from './results.ts';
import { scormSession } from './scorm/scorm-session.ts';
import { launchedCmi5Destination } from './cmi5/launched-destination.ts';
import { webXapiDestination } from './xapi/web-destination.ts';

/**
 * The results destinations for a launch: the browser's history and resume
 * always, plus the LMS (SCORM, cmi5) or the LRS (xAPI) the launch names.
 * Each kind of destination is added here, in one place, so the game only
 * ever holds one `ResultsDestination`.
 */
export function destinationsFor(launch: LaunchSettings, always: readonly ResultsDestination[], onError: (error: unknown) => void): ResultsDestination {
  const destinations: ResultsDestination[] = [...always];
  // LMS and LRS destinations are added below as they are built (SCORM: launch.lms scorm12/scorm2004; cmi5; xAPI: launch.lrs).
  void launch;
  // SCORM: the SCO's one LMS session; none when the package is opened outside an LMS (the game runs on its own).
  const scorm = launch.lms === 'scorm12' || launch.lms === 'scorm2004' ? scormSession(launch.lms, onError) : null;
  if (scorm) destinations.push(scorm);
  // cmi5: statements to the LMS's LRS; otherwise xAPI to the LRS the package or address names. Both go through the page's outbox.
  if (launch.lms === 'cmi5') destinations.push(launchedCmi5Destination(onError));
  else if (launch.lrs) destinations.push(webXapiDestination(launch.lrs, onError));
  return new AllDestinations(destinations, onError);
}
