import type { DialogueNode } from '../../scenario/index.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import type { RoomRecord, RoundRecord, VoteCount } from '../storage/room-store.ts';
import type { Session } from '../storage/session-store.ts';
import { majorityOf } from './room-majority.ts';
import { replayRoom } from './room-play.ts';
import { roundDecision } from './room-state.ts';
import { playedRoundView, replyCode, revealedReplies, type PlayedRoundView, type RevealedReplyView, type RoomEndingView } from './room-views.ts';

/** One decision point in the room's debrief. */
export interface RoomDebriefRound {
  number: number;
  node: string;
  customer: string;
  votes: number;
  /** Every reply offered, in the order the room saw them, with its votes, tact and coaching. */
  replies: RevealedReplyView[];
  played: PlayedRoundView;
  /** The reply with the most votes; null on a tie or with no vote. */
  majority: string | null;
  tied: string[];
  /** Where the room split: no reply won more than half of the votes. */
  split: boolean;
  /** The trainer played another reply than the room's majority. */
  overruled: boolean;
}

/** One scenario the room played (or is playing). */
export interface RoomDebriefScenario {
  index: number;
  id: string;
  title: string;
  /** The room reached an ending. */
  finished: boolean;
  ending: RoomEndingView | null;
  rounds: RoomDebriefRound[];
}

/** The room's path through the session and where it split. */
export interface RoomDebriefView {
  session: { name: string; state: string };
  scenarios: RoomDebriefScenario[];
}

/**
 * The room's debrief: for each scenario played so far, the path the room
 * took (each played round, in order, with the distribution of votes and the
 * coaching), the ending it reached, and the rounds where it split (no reply
 * won more than half) or where the trainer overruled the majority. Votes
 * appear only as counts: never who voted for what.
 */
export function roomDebrief(session: Session, room: RoomRecord, rounds: readonly RoundRecord[], counts: readonly (VoteCount & { round: number })[], library: ScenarioLibrary): RoomDebriefView {
  const scenarios: RoomDebriefScenario[] = [];
  for (let index = 0; index <= Math.min(room.scenarioIndex, session.scenarios.length - 1); index++) {
    const compiled = library.compiled(session.scenarios[index]!);
    if (!compiled) continue;
    const played = rounds.filter((r) => r.scenarioIndex === index && r.playedAt !== null);
    const conversation = replayRoom(compiled, { seed: room.seed, timers: session.timers }, played.map(roundDecision));
    const result = conversation.result;
    scenarios.push({
      index,
      id: compiled.scenario.id,
      title: compiled.scenario.title,
      finished: result !== null,
      ending: result ? { ending: result.ending, outcome: result.outcome, passed: result.passed, overall: result.scores.overall } : null,
      rounds: played.map((round, i) => {
        const node = compiled.scenario.nodes[round.node] as DialogueNode;
        const roundCounts = counts.filter((c) => c.round === round.number);
        const majority = majorityOf(roundCounts);
        return {
          number: round.number,
          node: round.node,
          customer: node.customer,
          votes: majority.votes,
          replies: revealedReplies(node, conversation.decisions[i]!.shown, roundCounts),
          played: playedRoundView(round, node),
          majority: majority.winner === null ? null : replyCode(majority.winner),
          tied: majority.tied.map(replyCode),
          split: majority.split,
          overruled: round.playedBy === 'pick' && majority.winner !== null && round.playedReply !== majority.winner,
        };
      }),
    });
  }
  return { session: { name: session.name, state: session.state }, scenarios };
}
