import type { LaunchSettings } from './launch.ts';
import { AllDestinations, type ResultsDestination } from './results.ts';

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
  return new AllDestinations(destinations, onError);
}
