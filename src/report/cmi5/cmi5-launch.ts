import type { XapiAgent } from '../xapi/statement.ts';

/** What a cmi5 LMS adds to the AU's launch address (cmi5 specification, section 8.1). */
export interface Cmi5LaunchParameters {
  /** The LMS's xAPI endpoint. */
  endpoint: string;
  /** Where to get the session's auth token (once only). */
  fetch: string;
  actor: XapiAgent;
  registration: string;
  /** The AU's activity id: the object of the cmi5 defined statements. */
  activityId: string;
}

const REQUIRED = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/**
 * Reads the cmi5 launch parameters from the launch address. A launch the
 * game cannot use throws one sentence naming what is wrong, for the LMS
 * administrator (a trainee cannot fix a launch address).
 *
 * @example cmi5LaunchParameters('https://lms.example/au/index.html?lms=cmi5&endpoint=…&fetch=…&actor=%7B…%7D&registration=…&activityId=…').registration
 */
export function cmi5LaunchParameters(href: string): Cmi5LaunchParameters {
  const params = new URL(href).searchParams;
  const missing = REQUIRED.filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw new Error(`This cmi5 launch is missing ${missing.map((m) => `"${m}"`).join(', ')} in its address, so results cannot reach the LMS: launch the course again from the LMS.`);
  }
  let actor: unknown;
  try {
    actor = JSON.parse(params.get('actor')!);
  } catch {
    throw new Error('This cmi5 launch\'s "actor" is not JSON, so results cannot reach the LMS: the LMS must send the learner as an xAPI Agent.');
  }
  if (!actor || typeof actor !== 'object' || Array.isArray(actor)) {
    throw new Error('This cmi5 launch\'s "actor" is not an xAPI Agent, so results cannot reach the LMS.');
  }
  return {
    endpoint: params.get('endpoint')!,
    fetch: params.get('fetch')!,
    actor,
    registration: params.get('registration')!,
    activityId: params.get('activityId')!,
  };
}
