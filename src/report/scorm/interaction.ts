import { bestOfferedReply, wasBestReply } from '../../engine/best-reply.ts';
import type { CompiledScenario } from '../../engine/machine.ts';
import { decisionTact } from '../../engine/scoring.ts';
import type { Decision } from '../../engine/transcript.ts';
import type { ScormVersion } from './api-discovery.ts';
import { decisionId, replyCode } from '../decision-ids.ts';
import { description2004, duration2004, timeOfDay12, timespan12, timestamp2004 } from './scorm-values.ts';

/** How a decision is judged in an LMS report. */
export type DecisionJudgement = 'best' | 'worst' | 'other';

/**
 * A decision as correct (a best reply offered: the engine's wasBestReply),
 * wrong (the engine scores its tact 0: the least tactful reply offered, or
 * a timeout) or neither. Nothing is re-derived here: both questions are the
 * engine's, so the LMS agrees with the debrief's "Best reply" badges.
 */
export function judge(compiled: CompiledScenario, decision: Decision): DecisionJudgement {
  const node = compiled.scenario.nodes[decision.node];
  if (node?.kind === 'dialogue' && wasBestReply(node, decision)) return 'best';
  return decisionTact(decision) === 0 ? 'worst' : 'other';
}

/**
 * The data model values that record one decision as `cmi.interactions.n`,
 * in the order they must be set: the id first, then the type (SCORM 2004
 * refuses a response or pattern before the type is known), then the rest.
 *
 * - SCORM 1.2: id, type `choice`, time, weighting, student_response (the
 *   reply's a–z code by its position in the file; none on a timeout),
 *   correct_responses.0.pattern (the best offered reply's code), result
 *   (`correct` / `wrong` / `neutral`), latency.
 * - SCORM 2004: id, type `choice`, description (the customer's line),
 *   timestamp, weighting, correct_responses.0.pattern, learner_response,
 *   result (`correct` / `incorrect` / `neutral`), latency.
 *
 * @example
 * for (const [element, value] of interactionValues('1.2', 0, compiled, decision, 1, new Date())) lms.set(element, value);
 */
export function interactionValues(version: ScormVersion, index: number, compiled: CompiledScenario, decision: Decision, number: number, at: Date): [string, string][] {
  const { scenario } = compiled;
  const node = scenario.nodes[decision.node];
  const prefix = `cmi.interactions.${index}.`;
  const best = node?.kind === 'dialogue' ? bestOfferedReply(node, decision) : undefined;
  const chosen = decision.timedOut || decision.replyIndex === null ? null : replyCode(decision.replyIndex);
  const judgement = judge(compiled, decision);
  const values: [string, string][] = [
    [`${prefix}id`, decisionId(scenario.id, decision.node, number)],
    [`${prefix}type`, 'choice'],
  ];
  if (version === '1.2') {
    values.push([`${prefix}time`, timeOfDay12(at)], [`${prefix}weighting`, '1']);
    if (chosen) values.push([`${prefix}student_response`, chosen]);
    if (best) values.push([`${prefix}correct_responses.0.pattern`, replyCode(best.index)]);
    values.push([`${prefix}result`, judgement === 'best' ? 'correct' : judgement === 'worst' ? 'wrong' : 'neutral'], [`${prefix}latency`, timespan12(decision.ms)]);
    return values;
  }
  if (node?.kind === 'dialogue') values.push([`${prefix}description`, description2004(node.customer, scenario.locale)]);
  values.push([`${prefix}timestamp`, timestamp2004(at)], [`${prefix}weighting`, '1']);
  if (best) values.push([`${prefix}correct_responses.0.pattern`, replyCode(best.index)]);
  if (chosen) values.push([`${prefix}learner_response`, chosen]);
  values.push([`${prefix}result`, judgement === 'best' ? 'correct' : judgement === 'worst' ? 'incorrect' : 'neutral'], [`${prefix}latency`, duration2004(decision.ms)]);
  return values;
}
