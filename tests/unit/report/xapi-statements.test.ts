import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { debriefOf, wasBestReply, type Decision } from '../../../src/engine/index.ts';
import type { DialogueNode } from '../../../src/scenario/index.ts';
import { isoDuration } from '../../../src/report/xapi/iso-duration.ts';
import type { XapiStatement } from '../../../src/report/xapi/statement.ts';
import { answeredStatement, completedStatement, initializedStatement, scoredStatement, type StatementSetting } from '../../../src/report/xapi/statements.ts';
import { EXTENSIONS, VERBS } from '../../../src/report/xapi/vocabulary.ts';
import { catalogue } from '../helpers.ts';
import { compiled, passedResult, playOf, timedOutResult } from './xapi-play.ts';

const setting: StatementSetting = {
  actor: { objectType: 'Agent', name: 'Sam Lee', account: { homePage: 'https://training.example', name: 'Sam Lee' } },
  scenarioActivity: 'https://training.example/tactful/scenarios/worn-once',
  registration: '0f8fad5b-d9cb-469f-a165-70867728950e',
};
const cmi5Setting: StatementSetting = {
  actor: { objectType: 'Agent', name: 'Robin', account: { homePage: 'https://lms.example', name: 'robin' } },
  scenarioActivity: 'https://lms.example/au/worn-once',
  registration: '5b0b7a43-2a65-4cbd-9f3f-7c1d2e3a4b5c',
  contextTemplate: {
    contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://lms.example/course' }] },
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
  },
};
const at = new Date('2026-11-23T09:03:20.000Z');
let n = 0;
const stamp = (): { id: string; at: Date } => ({ id: `6690e6c9-3ef0-4ed3-8b37-${String(++n).padStart(12, '0')}`, at });

/** Every statement of a play, as the destination makes them. */
function playStatements(s: StatementSetting, result = passedResult): XapiStatement[] {
  const play = playOf();
  return [
    initializedStatement(s, play, stamp()),
    ...result.decisions.map((d, i) => answeredStatement(s, play, d, i + 1, stamp())),
    scoredStatement(s, play, result, stamp()),
    completedStatement(s, play, stamp()),
  ];
}

/** Learning Locker's validator's findings, as readable lines (empty when the statement is valid xAPI 1.0.3). */
function problems(statement: XapiStatement): string[] {
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.constructor.name} ${JSON.stringify(w)}`.slice(0, 300));
}

describe('xAPI statements', () => {
  it.each([
    ['a passed web play', () => playStatements(setting)],
    ['a failed web play with a timeout', () => playStatements(setting, timedOutResult)],
    ['a cmi5 play (context template merged)', () => playStatements(cmi5Setting)],
  ])('every statement of %s is valid xAPI 1.0.3', (_name, make) => {
    const statements = make();
    expect(statements.length).toBeGreaterThan(4);
    for (const statement of statements) expect(problems(statement), JSON.stringify(statement)).toEqual([]);
  });

  it('the validator does catch a broken statement (so the checks above mean something)', () => {
    const [first] = playStatements(setting);
    expect(problems({ ...first!, context: { ...first!.context, registration: 'play-1' } })).not.toEqual([]);
    expect(problems({ ...first!, result: { score: { scaled: 56 } } })).not.toEqual([]);
  });

  it('a play says initialized, answered per decision, passed, completed, each with its own id', () => {
    const statements = playStatements(setting);
    expect(statements.map((s) => s.verb.id)).toEqual([VERBS.initialized.id, ...passedResult.decisions.map(() => VERBS.answered.id), VERBS.passed.id, VERBS.completed.id]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) {
      expect(s.actor).toEqual(setting.actor);
      expect(s.context?.registration).toBe(setting.registration);
      expect(s.context?.extensions?.[EXTENSIONS.playId]).toBe(playOf().playId);
    }
  });

  it('passed and failed always carry score.scaled with raw, min and max, as the debrief scores', () => {
    const passed = scoredStatement(setting, playOf(), passedResult, stamp());
    expect(passed.verb).toEqual(VERBS.passed);
    expect(passed.result?.score).toEqual({ scaled: passedResult.scores.overall / 100, raw: passedResult.scores.overall, min: 0, max: 100 });
    expect(passed.result?.success).toBe(true);
    const failed = scoredStatement(setting, playOf(), timedOutResult, stamp());
    expect(failed.verb).toEqual(VERBS.failed);
    expect(failed.result?.success).toBe(false);
    expect(failed.result?.score?.scaled).toBe(timedOutResult.scores.overall / 100);
    expect(failed.result?.extensions?.[EXTENSIONS.scores]).toEqual(timedOutResult.scores);
    // From the play's start (09:00:00) to the statement (09:03:20).
    expect(failed.result?.duration).toBe('PT3M20S');
  });

  it('answered: the offered replies as choices, the best ones as correct responses, the chosen one as the response, as the debrief says', () => {
    const debrief = debriefOf(compiled, passedResult, catalogue);
    passedResult.decisions.forEach((decision, i) => {
      const node = compiled.scenario.nodes[decision.node] as DialogueNode;
      const s = answeredStatement(setting, playOf(), decision, i + 1, stamp());
      const definition = s.object.definition!;
      expect(s.object.id).toBe(`${setting.scenarioActivity}/decisions/${decision.node}`);
      expect(definition.interactionType).toBe('choice');
      expect(definition.description).toEqual({ 'en-US': node.customer });
      expect(definition.choices).toEqual(decision.offered.map((index) => ({ id: String.fromCharCode(96 + index), description: { 'en-US': node.replies[index - 1]!.say } })));
      const best = Math.max(...decision.offeredTacts);
      expect(definition.correctResponsesPattern).toEqual(decision.offered.filter((index) => node.replies[index - 1]!.tact === best).map((index) => String.fromCharCode(96 + index)));
      expect(s.result?.response).toBe(String.fromCharCode(96 + decision.replyIndex!));
      expect(s.result?.success).toBe(wasBestReply(node, decision));
      expect(s.result?.success).toBe(debrief.decisions[i]!.wasBest);
      expect(s.result?.score).toEqual({ scaled: debrief.decisions[i]!.tact / 100, raw: debrief.decisions[i]!.tact, min: 0, max: 100 });
      expect(s.result?.duration).toBe(isoDuration(decision.ms));
      expect(s.result?.extensions).toEqual({
        [EXTENSIONS.moodBefore]: decision.moodBefore,
        [EXTENSIONS.moodAfter]: decision.moodAfter,
        [EXTENSIONS.techniques]: decision.techniques,
        [EXTENSIONS.timedOut]: false,
      });
      expect(s.context?.contextActivities?.parent).toEqual([{ objectType: 'Activity', id: setting.scenarioActivity }]);
      expect(s.context?.extensions?.[EXTENSIONS.decision]).toBe(`worn-once.${decision.node}.${i + 1}`);
    });
  });

  it('a timed-out decision answers nothing, is not a success and scores 0 tact', () => {
    const index = timedOutResult.decisions.findIndex((d) => d.timedOut);
    const decision: Decision = timedOutResult.decisions[index]!;
    const s = answeredStatement(setting, playOf(), decision, index + 1, stamp());
    expect(s.result).toMatchObject({ response: '', success: false, score: { scaled: 0, raw: 0 } });
    expect(s.result?.extensions?.[EXTENSIONS.timedOut]).toBe(true);
    expect(s.result?.extensions?.[EXTENSIONS.techniques]).toEqual([]);
  });

  it('cmi5 statements keep the launch context template (session id, publisher grouping) beside Tactful\'s context', () => {
    const s = answeredStatement(cmi5Setting, playOf(), passedResult.decisions[0]!, 1, stamp());
    expect(s.context?.contextActivities?.grouping).toEqual(cmi5Setting.contextTemplate!.contextActivities!.grouping);
    expect(s.context?.contextActivities?.parent).toEqual([{ objectType: 'Activity', id: cmi5Setting.scenarioActivity }]);
    expect(s.context?.extensions).toMatchObject({ 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1', [EXTENSIONS.playId]: playOf().playId });
    expect(s.context?.registration).toBe(cmi5Setting.registration);
  });

  it.each([
    [0, 'PT0S'],
    [1234, 'PT1.23S'],
    [83_450, 'PT1M23.45S'],
    [3_600_000, 'PT1H'],
    [3_725_500, 'PT1H2M5.5S'],
    [-5, 'PT0S'],
  ])('%i ms is the ISO 8601 duration %s', (ms, iso) => {
    expect(isoDuration(ms)).toBe(iso);
  });
});
