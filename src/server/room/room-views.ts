import type { DialogueNode } from '../../scenario/index.ts';
import type { PlayedBy, RoundRecord, VoteCount } from '../storage/room-store.ts';
import { majorityOf } from './room-majority.ts';
import type { RoomPhase, RoomState } from './room-state.ts';

/**
 * The JSON of room mode: what the projector (the trainer's view), a
 * trainee's phone and the debrief show. A reply is named by its code, `a`–`i`
 * by its place in the scenario file (as in the distribution, xAPI and SCORM),
 * and listed in the order every device shows it (the room's shuffle).
 * Counts, tact and coaching appear only once the trainer reveals a round.
 */

/** A reply's code from its file position: 1 → "a". */
export function replyCode(position: number): string {
  return String.fromCharCode(96 + position);
}

/** A reply's file position from its code: "a" → 1. */
export function replyPosition(code: string): number {
  return code.charCodeAt(0) - 96;
}

export interface RoomCustomerView {
  name: string;
  /** Seeds the customer's face (src/game/avatar.ts): the same face on every screen. */
  avatar: string;
  /** What the customer says now (their last line at an ending). */
  line: string;
  emotion: string;
  /** 0–100. */
  mood: number;
}

/** A reply as a trainee's phone offers it. */
export interface RoomReplyView {
  reply: string;
  text: string;
}

/** A reply once revealed: how many voted for it, and the scenario's coaching to discuss. */
export interface RevealedReplyView extends RoomReplyView {
  count: number;
  tact: number;
  /** One of the most tactful replies offered here. */
  best: boolean;
  coaching: string | null;
}

/** What the room said at a decision point. */
export interface PlayedRoundView {
  number: number;
  node: string;
  /** The customer's line the room answered. */
  customer: string;
  /** The reply played; null when the room let time run out. */
  reply: string | null;
  text: string | null;
  by: PlayedBy;
}

export interface RoomEndingView {
  ending: string;
  outcome: string;
  passed: boolean;
  overall: number;
}

/** The part of a round everybody sees. */
export interface RoomRoundView {
  number: number;
  openedAt: string;
  /** When voting closes by itself; null when untimed (timers off, or no limit at this line). */
  deadline: string | null;
  replies: RoomReplyView[];
  /** Per reply in the order shown, once revealed; null before. */
  distribution: RevealedReplyView[] | null;
  /** Once revealed: the reply with the most votes, or null (a tie, or no vote). */
  majority: string | null;
  /** Once revealed: the replies tied for the most votes (the trainer picks). */
  tied: string[];
}

/** What both screens share. */
export interface RoomCommonView {
  session: { name: string; state: string };
  scenario: { index: number; count: number; id: string; title: string };
  phase: RoomPhase;
  /** The server's time now: a client counts the deadline down from this, whatever its own clock says. */
  now: string;
  node: string;
  customer: RoomCustomerView;
  /** The last reply the room played in this scenario (the line before the current one); null at its start. */
  lastPlayed: PlayedRoundView | null;
  /** The ending, once reached. */
  ending: RoomEndingView | null;
  hasNextScenario: boolean;
}

/** The trainer's (projector's) view of the room. */
export interface TrainerRoomView extends RoomCommonView {
  sessionId: string;
  /** Trainees in the session (who could vote). */
  participants: number;
  round: (RoomRoundView & { votes: number }) | null;
  /** The rounds played in this scenario, in order: the room's path so far. */
  path: PlayedRoundView[];
}

/** A trainee's view of the room: never another trainee's vote. */
export interface TraineeRoomView extends RoomCommonView {
  round: (RoomRoundView & { yourVote: string | null; votes: number | null }) | null;
}

/** The decision node of a round (the server's copy of the scenario). */
function dialogueOf(state: RoomState, node: string): DialogueNode {
  return state.compiled.scenario.nodes[node] as DialogueNode;
}

/** A played round as the path shows it. */
export function playedRoundView(round: RoundRecord, node: DialogueNode): PlayedRoundView {
  const reply = round.playedReply === null ? null : node.replies[round.playedReply - 1];
  return { number: round.number, node: round.node, customer: node.customer, reply: round.playedReply === null ? null : replyCode(round.playedReply), text: reply?.say ?? null, by: round.playedBy ?? 'pick' };
}

/** Each offered reply (file positions, in the order shown) with its votes, tact and coaching. */
export function revealedReplies(node: DialogueNode, shown: readonly number[], counts: readonly VoteCount[]): RevealedReplyView[] {
  const tally = new Map(counts.map((c) => [c.reply, c.count]));
  const best = Math.max(...shown.map((p) => node.replies[p - 1]!.tact));
  return shown.map((position) => {
    const reply = node.replies[position - 1]!;
    return { reply: replyCode(position), text: reply.say, count: tally.get(position) ?? 0, tact: reply.tact, best: reply.tact === best, coaching: reply.feedback ?? null };
  });
}

function commonView(state: RoomState): RoomCommonView {
  const { view, result } = state.conversation;
  const { scenario } = state.compiled;
  const last = state.played.at(-1);
  return {
    session: { name: state.session.name, state: state.session.state },
    scenario: { index: state.room.scenarioIndex, count: state.session.scenarios.length, id: scenario.id, title: scenario.title },
    phase: state.phase,
    now: state.now.toISOString(),
    node: view.node,
    customer: { name: scenario.customer.name, avatar: scenario.customer.avatar, line: view.line, emotion: view.emotion, mood: view.mood },
    lastPlayed: last ? playedRoundView(last, dialogueOf(state, last.node)) : null,
    ending: result ? { ending: result.ending, outcome: result.outcome, passed: result.passed, overall: result.scores.overall } : null,
    hasNextScenario: state.hasNextScenario,
  };
}

function roundView(state: RoomState, round: RoundRecord, counts: readonly VoteCount[]): RoomRoundView {
  const node = dialogueOf(state, round.node);
  const shown = state.conversation.shown;
  const revealed = round.revealedAt !== null;
  const majority = majorityOf(counts);
  return {
    number: round.number,
    openedAt: round.openedAt.toISOString(),
    deadline: round.deadline?.toISOString() ?? null,
    replies: shown.map((p) => ({ reply: replyCode(p), text: node.replies[p - 1]!.say })),
    distribution: revealed ? revealedReplies(node, shown, counts) : null,
    majority: revealed && majority.winner !== null ? replyCode(majority.winner) : null,
    tied: revealed ? majority.tied.map(replyCode) : [],
  };
}

/** The projector's view: the vote count while voting, the distribution once revealed. */
export function trainerRoomView(state: RoomState, counts: readonly VoteCount[], participants: number): TrainerRoomView {
  const votes = counts.reduce((total, c) => total + c.count, 0);
  return {
    ...commonView(state),
    sessionId: state.session.id,
    participants,
    round: state.current ? { ...roundView(state, state.current, counts), votes } : null,
    path: state.played.map((r) => playedRoundView(r, dialogueOf(state, r.node))),
  };
}

/** A trainee's view: their own vote, and the room's counts only once revealed (`counts` is read only then). */
export function traineeRoomView(state: RoomState, counts: readonly VoteCount[], yourVote: number | null): TraineeRoomView {
  const revealed = state.current?.revealedAt != null;
  return {
    ...commonView(state),
    round: state.current
      ? { ...roundView(state, state.current, revealed ? counts : []), yourVote: yourVote === null ? null : replyCode(yourVote), votes: revealed ? counts.reduce((t, c) => t + c.count, 0) : null }
      : null,
  };
}
