import { bestOfferedReply, decisionTact, wasBestReply, type ConversationResult, type Decision } from '../../engine/index.ts';
import type { DialogueNode } from '../../scenario/index.ts';
import type { PlayInProgress } from '../results.ts';
import { decisionId, replyCode } from '../decision-ids.ts';
import { isoDuration } from './iso-duration.ts';
import type { XapiActivity, XapiAgent, XapiContext, XapiScore, XapiStatement } from './statement.ts';
import { ACTIVITY_TYPES, EXTENSIONS, VERBS } from './vocabulary.ts';

/**
 * Who and where a play's statements are about. The web game and a cmi5
 * launch differ only here: the actor (named by the trainee, or the LMS's),
 * the scenario's activity id (under the game's address, or the AU's id), the
 * registration (the play id, or the LMS's) and cmi5's context template.
 */
export interface StatementSetting {
  actor: XapiAgent;
  /** The scenario's activity id (an IRI); each decision point's activity id is built under it. */
  scenarioActivity: string;
  /** `context.registration`: the cmi5 registration, or the play id for the web game. */
  registration: string;
  /** Context every statement carries as well (cmi5's `contextTemplate` from LMS.LaunchData). */
  contextTemplate?: XapiContext;
}

/** One statement's identity: its UUID (made once, stored with it) and when it happened. */
export interface StatementStamp {
  id: string;
  at: Date;
}

/** The longest activity name: LRS reports show names in lists, so a long customer line is shortened there (the description keeps it whole). */
const NAME_LENGTH = 120;

/** The first `NAME_LENGTH` characters of a line, cut at a word, with an ellipsis when shortened. */
function shortLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= NAME_LENGTH) return flat;
  const cut = flat.slice(0, NAME_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The scenario as an activity (a simulation), named by its title. */
export function scenarioActivity(setting: StatementSetting, play: PlayInProgress): XapiActivity {
  const { scenario } = play.compiled;
  return {
    objectType: 'Activity',
    id: setting.scenarioActivity,
    definition: {
      type: ACTIVITY_TYPES.scenario,
      name: { [scenario.locale]: scenario.title },
      ...(scenario.summary ? { description: { [scenario.locale]: scenario.summary } } : {}),
    },
  };
}

/** The context of every statement of a play: registration, the play id and timer setting, cmi5's template merged in. */
function playContext(setting: StatementSetting, play: PlayInProgress, more: { parent?: boolean; extensions?: Record<string, unknown> } = {}): XapiContext {
  const template = setting.contextTemplate ?? {};
  const activities = { ...template.contextActivities, ...(more.parent ? { parent: [{ objectType: 'Activity' as const, id: setting.scenarioActivity }] } : {}) };
  return {
    ...template,
    registration: setting.registration,
    ...(Object.keys(activities).length > 0 ? { contextActivities: activities } : {}),
    language: play.compiled.scenario.locale,
    extensions: { ...template.extensions, [EXTENSIONS.playId]: play.playId, [EXTENSIONS.timers]: play.timers, ...more.extensions },
  };
}

/** A score out of 100 as xAPI writes it: scaled 0..1 with raw, min and max. */
function scoreOutOf100(points: number): XapiScore {
  return { scaled: points / 100, raw: points, min: 0, max: 100 };
}

/**
 * "initialized": the trainee began the scenario.
 *
 * @example initializedStatement(setting, play, { id: crypto.randomUUID(), at: new Date() })
 */
export function initializedStatement(setting: StatementSetting, play: PlayInProgress, stamp: StatementStamp): XapiStatement {
  return {
    id: stamp.id,
    actor: setting.actor,
    verb: VERBS.initialized,
    object: scenarioActivity(setting, play),
    context: playContext(setting, play),
    timestamp: stamp.at.toISOString(),
  };
}

/**
 * "answered": one decision, as a choice interaction at its decision point.
 * The offered replies are the choices (ids a–z by file position), the best
 * offered replies the correct responses (several when tied); the result
 * holds the reply chosen (empty for a timeout), whether it was a best reply
 * (the engine's `wasBestReply`, as the debrief says), its tact as the score,
 * the time taken, and mood, techniques and timeout as extensions.
 *
 * @param number The decision's 1-based number in the play.
 */
export function answeredStatement(setting: StatementSetting, play: PlayInProgress, decision: Decision, number: number, stamp: StatementStamp): XapiStatement {
  const { scenario } = play.compiled;
  const node = scenario.nodes[decision.node] as DialogueNode;
  const lang = scenario.locale;
  const offered = decision.offered.map((index) => node.replies[index - 1]!);
  const bestTact = bestOfferedReply(node, decision)?.tact;
  const tact = Math.round(decisionTact(decision) * 100);
  return {
    id: stamp.id,
    actor: setting.actor,
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      // One activity per decision point (node): the same question in every play, whatever the path to it.
      id: `${setting.scenarioActivity}/decisions/${encodeURIComponent(node.id)}`,
      definition: {
        type: ACTIVITY_TYPES.decision,
        name: { [lang]: shortLine(node.customer) },
        description: { [lang]: node.customer },
        interactionType: 'choice',
        // A choice pattern lists replies that must all be chosen: one pattern per equally best reply.
        correctResponsesPattern: offered.filter((reply) => reply.tact === bestTact).map((reply) => replyCode(reply.index)),
        choices: offered.map((reply) => ({ id: replyCode(reply.index), description: { [lang]: reply.say } })),
      },
    },
    result: {
      response: decision.replyIndex === null ? '' : replyCode(decision.replyIndex),
      success: wasBestReply(node, decision),
      score: scoreOutOf100(tact),
      duration: isoDuration(decision.ms),
      extensions: {
        [EXTENSIONS.moodBefore]: decision.moodBefore,
        [EXTENSIONS.moodAfter]: decision.moodAfter,
        [EXTENSIONS.techniques]: [...decision.techniques],
        [EXTENSIONS.timedOut]: decision.timedOut,
      },
    },
    context: playContext(setting, play, { parent: true, extensions: { [EXTENSIONS.decision]: decisionId(scenario.id, decision.node, number) } }),
    timestamp: stamp.at.toISOString(),
  };
}

/**
 * "passed" or "failed", as the debrief says (overall against the pass mark,
 * and no critical mistake), always with the overall score as
 * `score.scaled` and raw/min/max, the time since the play began, and every
 * score and the ending as extensions.
 */
export function scoredStatement(setting: StatementSetting, play: PlayInProgress, result: ConversationResult, stamp: StatementStamp): XapiStatement {
  return {
    id: stamp.id,
    actor: setting.actor,
    verb: result.passed ? VERBS.passed : VERBS.failed,
    object: scenarioActivity(setting, play),
    result: {
      score: scoreOutOf100(result.scores.overall),
      success: result.passed,
      completion: true,
      duration: isoDuration(stamp.at.getTime() - play.startedAt.getTime()),
      extensions: {
        [EXTENSIONS.scores]: { ...result.scores },
        [EXTENSIONS.ending]: { id: result.ending, outcome: result.outcome },
      },
    },
    context: playContext(setting, play),
    timestamp: stamp.at.toISOString(),
  };
}

/** "completed": the conversation reached an ending (sent after passed/failed). */
export function completedStatement(setting: StatementSetting, play: PlayInProgress, stamp: StatementStamp): XapiStatement {
  return {
    id: stamp.id,
    actor: setting.actor,
    verb: VERBS.completed,
    object: scenarioActivity(setting, play),
    result: { completion: true, duration: isoDuration(stamp.at.getTime() - play.startedAt.getTime()) },
    context: playContext(setting, play),
    timestamp: stamp.at.toISOString(),
  };
}
