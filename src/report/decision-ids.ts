/**
 * The ids a decision and a reply are reported under, the same in every
 * destination: SCORM interactions and xAPI statements use them alike, so an
 * LMS report and an LRS report line up with each other and with the
 * debrief.
 */

/** SCORM 1.2 CMIIdentifier (and SCORM 2004 interaction ids): at most this many characters. */
export const DECISION_ID_MAX = 255;

/**
 * The interaction id of a decision: scenario, node and the decision's number
 * in the play (`worn-once.greet.1`). Stable across plays, so an LMS report
 * lines the same decision up across trainees. Scenario and node ids are
 * letters, digits, `-` and `_` already; anything else is replaced, and a
 * very long id keeps its end (node and number) within the 255 characters
 * of a SCORM 1.2 CMIIdentifier.
 *
 * @example decisionId('worn-once', 'greet', 1) // 'worn-once.greet.1'
 */
export function decisionId(scenario: string, node: string, number: number): string {
  const id = `${scenario}.${node}.${number}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return id.length <= DECISION_ID_MAX ? id : id.slice(id.length - DECISION_ID_MAX);
}

/**
 * The short code of a reply, by its position in the scenario FILE (1 → `a`):
 * strict SCORM 1.2 LMSs take only single letters or digits as a choice
 * response, and a file position does not depend on the order the replies
 * were shown in. A node has at most 9 replies (the format's limit).
 *
 * @example replyCode(3) // 'c'
 */
export function replyCode(replyIndex: number): string {
  if (!Number.isInteger(replyIndex) || replyIndex < 1 || replyIndex > 26) throw new RangeError(`a reply's position must be 1 to 26, not ${replyIndex}`);
  return String.fromCharCode(96 + replyIndex);
}

