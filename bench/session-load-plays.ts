/**
 * What each simulated trainee of the session load benchmark sends: real
 * plays of shipped scenarios, played by the engine with seeded random
 * replies, reported with the game's own statement builders
 * (src/report/xapi/statements.ts) and grouped into POSTs as the game's
 * xAPI destination and outbox send them (src/report/xapi/xapi-destination.ts):
 * `initialized` alone when the play starts, one `answered` per decision the
 * moment it is made, then `passed`/`failed` and `completed` together at the
 * ending.
 *
 * The plays are decided before the clock starts (the engine never competes
 * with the server for the CPU during the measurement); each statement is
 * made when it is sent, with its own id and that moment as its timestamp,
 * as the game stamps it when the trainee acts.
 */
import { randomUUID } from 'node:crypto';
import { SteppedClock, startConversation, type CompiledScenario, type ConversationResult } from '../src/engine/index.ts';
import type { PlayInProgress } from '../src/report/results.ts';
import type { XapiStatement } from '../src/report/xapi/statement.ts';
import { answeredStatement, completedStatement, initializedStatement, scoredStatement, type StatementSetting } from '../src/report/xapi/statements.ts';
import { mulberry32 } from './generate.ts';

/** The decision an `answered` statement carries: how the dashboard's updates are matched to it. */
export interface PlannedDecision {
  /** Which of the trainee's plays (0-based, in the order played). */
  play: number;
  /** The play's id (the statements' registration), as the roster's `latest.playId` shows it. */
  playId: string;
  /** 1-based, as the roster's `latest.decisions` counts. */
  number: number;
  scenario: string;
  node: string;
}

/** One POST of the outbox. */
export interface PlannedPost {
  /** Makes the POST's statements, stamped `at` (call once, when sending). */
  statements(at: Date): XapiStatement[];
  /** How many statements it carries. */
  count: number;
  /** What the POST means for the rows stored. */
  kind: 'initialized' | 'answered' | 'ending';
  /** Set when the POST carries an `answered` statement. */
  decision: PlannedDecision | null;
}

/** Everything one simulated trainee sends, in order. */
export interface TraineePlan {
  name: string;
  posts: PlannedPost[];
  /** Play ids in the order played (the roster shows the latest). */
  playIds: string[];
  decisions: number;
  statements: number;
}

/** The longest play the benchmark accepts: shipped scenarios end in a handful of decisions. */
const MOST_STEPS = 80;

/**
 * Plays a scenario to an ending with random replies on a stepped clock
 * (1.5–4 s per reply, well inside the standard timers), as a trainee might.
 */
export function randomPlay(compiled: CompiledScenario, random: () => number): ConversationResult {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers: 'standard' });
  try {
    for (let step = 0; step < MOST_STEPS && !talk.ended; step++) {
      if (talk.view().phase === 'presenting') talk.shown();
      const offered = talk.view().replies.length;
      const decisions = talk.context.decisions.length;
      clock.advance(1500 + Math.floor(random() * 2500));
      // Should the timer have fired during the wait, that decision is a timeout, as in the game.
      if (talk.ended || talk.context.decisions.length > decisions || offered === 0) continue;
      talk.reply(1 + Math.floor(random() * offered));
    }
    const result = talk.result();
    if (!result) throw new Error(`${compiled.scenario.id}: no ending after ${MOST_STEPS} random replies`);
    return result;
  } finally {
    talk.stop();
  }
}

/**
 * The plans of `trainees` trainees, each playing `plays` of the session's
 * scenarios one after the other, trainee N starting with scenario N (so
 * the room spreads over all of them). Seeded: the same seed gives the same
 * replies (the ids differ from run to run, as they would).
 *
 * @example traineePlans([wornOnce, estimatedRead], 300, 2, 'http://127.0.0.1:4000/play/', 1)[0].posts.length
 */
export function traineePlans(scenarios: readonly CompiledScenario[], trainees: number, plays: number, activityBase: string, seed: number): TraineePlan[] {
  const random = mulberry32(seed);
  const plans: TraineePlan[] = [];
  for (let t = 0; t < trainees; t++) {
    const posts: PlannedPost[] = [];
    const playIds: string[] = [];
    const name = `Trainee ${String(t + 1).padStart(3, '0')}`;
    const actor = { objectType: 'Agent' as const, name, account: { homePage: activityBase, name } };
    for (let index = 0; index < plays; index++) {
      const compiled = scenarios[(t + index) % scenarios.length]!;
      const result = randomPlay(compiled, random);
      const play: PlayInProgress = { playId: randomUUID(), compiled, timers: 'standard', seed: t, startedAt: new Date(), resumedDecisions: 0 };
      const setting: StatementSetting = { actor, scenarioActivity: `${activityBase}scenarios/${encodeURIComponent(compiled.scenario.id)}`, registration: play.playId };
      playIds.push(play.playId);
      const stamp = (at: Date): { id: string; at: Date } => ({ id: randomUUID(), at });
      posts.push({
        kind: 'initialized',
        count: 1,
        decision: null,
        statements: (at) => {
          play.startedAt = at;
          return [initializedStatement(setting, play, stamp(at))];
        },
      });
      result.decisions.forEach((decision, i) =>
        posts.push({
          kind: 'answered',
          count: 1,
          decision: { play: index, playId: play.playId, number: i + 1, scenario: compiled.scenario.id, node: decision.node },
          statements: (at) => [answeredStatement(setting, play, decision, i + 1, stamp(at))],
        }),
      );
      posts.push({ kind: 'ending', count: 2, decision: null, statements: (at) => [scoredStatement(setting, play, result, stamp(at)), completedStatement(setting, play, stamp(at))] });
    }
    plans.push({
      name,
      posts,
      playIds,
      decisions: posts.filter((p) => p.decision).length,
      statements: posts.reduce((n, p) => n + p.count, 0),
    });
  }
  return plans;
}
