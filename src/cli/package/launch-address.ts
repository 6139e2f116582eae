import type { LmsKind } from '../../report/launch.ts';

/** The game's page in every package, at the root of the zip. */
export const GAME_PAGE = 'index.html';

/**
 * The address an LMS opens for one scenario: the game's page, told which
 * scenario to open (its briefing, directly) and which LMS it is in. The game
 * reads both with `launchSettings` (src/report/launch.ts).
 *
 * @example launchAddress('worn-once', 'scorm12') // 'index.html?scenario=worn-once&lms=scorm12'
 */
export function launchAddress(scenarioId: string, lms: LmsKind): string {
  return `${GAME_PAGE}?scenario=${encodeURIComponent(scenarioId)}&lms=${lms}`;
}
