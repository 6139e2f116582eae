/**
 * Somewhere an unfinished conversation is kept between visits: the
 * browser (browser-resume.ts) or the LMS's `suspend_data` (SCORM). The
 * briefing asks each source in turn for the scenario it opens.
 */
export interface ResumeSource {
  /** The saved state's text for `scenario`, or null when there is none. */
  read(scenario: string): string | null;
  /** Forgets the saved state of `scenario` ("Start again", or a state that could not be used). */
  clear(scenario: string): void;
}
