/**
 * Identifiers inside a SCORM manifest (XML IDs: they must start with a
 * letter, which a scenario id need not). Stable across packages of the same
 * scenarios, so re-uploading a new version keeps what an LMS knows.
 */

/** The organization (the course's table of contents): the course's slug, with a letter in front when it starts with a digit. */
export function organizationId(courseSlug: string): string {
  return /^[a-z]/.test(courseSlug) ? courseSlug : `course-${courseSlug}`;
}

/** The manifest itself (an ID in the same document, so it must differ from the organization's). */
export function manifestId(courseSlug: string): string {
  return `${organizationId(courseSlug)}-package`;
}

/** The scenario's entry in the table of contents. */
export function itemId(scenarioId: string): string {
  return `item-${scenarioId}`;
}

/** The scenario's SCO resource. */
export function scoId(scenarioId: string): string {
  return `sco-${scenarioId}`;
}

/** The one resource listing the game's files, which every SCO depends on. */
export const GAME_FILES_ID = 'tactful-game-files';
