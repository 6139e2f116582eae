/**
 * The xAPI words Tactful's statements use: ADL's verbs and activity types,
 * and Tactful's own extensions. An LRS report (or a trainer's query) finds
 * Tactful's data by these identifiers, so they never change once released;
 * docs/lms.md lists them with their meaning.
 */

/** ADL verbs (http://adlnet.gov/expapi/verbs/…), with the display text an LRS shows. */
export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
} as const;

/** ADL activity types: a scenario is a simulation; each decision point a choice interaction. */
export const ACTIVITY_TYPES = {
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
  decision: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/**
 * Where Tactful's own extension identifiers live. One base, so a deployment
 * that must use its own namespace changes it here only.
 */
export const TACTFUL_IRI = 'https://w3id.org/xapi/tactful/';

/** Tactful's result and context extensions (docs/lms.md, "xAPI and cmi5"). */
export const EXTENSIONS = {
  /** Result: the customer's mood (0..100) before this decision. */
  moodBefore: `${TACTFUL_IRI}extensions/mood-before`,
  /** Result: the customer's mood (0..100) after this decision. */
  moodAfter: `${TACTFUL_IRI}extensions/mood-after`,
  /** Result: the technique ids the chosen reply showed (an array, empty for a timeout). */
  techniques: `${TACTFUL_IRI}extensions/techniques`,
  /** Result: true when the reply timer ran out and no reply was chosen. */
  timedOut: `${TACTFUL_IRI}extensions/timed-out`,
  /** Result (passed/failed): the play's scores by name (tact, speed, satisfaction, overall, extra dimensions). */
  scores: `${TACTFUL_IRI}extensions/scores`,
  /** Result (passed/failed): the ending reached and its outcome. */
  ending: `${TACTFUL_IRI}extensions/ending`,
  /** Context: the play's id (a UUID), the same on every statement of one play, across a resume. */
  playId: `${TACTFUL_IRI}extensions/play-id`,
  /** Context: the decision's id in the play (scenario.node.number), as SCORM interactions name it. */
  decision: `${TACTFUL_IRI}extensions/decision`,
  /** Context: the timer setting the play used (standard, 1.5x, 2x, off). */
  timers: `${TACTFUL_IRI}extensions/timers`,
} as const;
