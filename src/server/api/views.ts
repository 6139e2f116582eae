import type { ScenarioLibrary } from '../scenario-library.ts';
import type { PlaySummary, ReplyCount, RosterEntry, Session, SessionTotals } from '../storage/session-store.ts';

/**
 * The JSON the API answers with: dates as ISO 8601 text, scenario titles
 * next to their ids, names as plain text. One function per shape, so the
 * dashboard, the exports and the live stream say the same things.
 */

export interface SessionView {
  id: string;
  code: string;
  name: string;
  scenarios: { id: string; title: string }[];
  timers: string;
  mode: string;
  state: string;
  createdAt: string;
  endedAt: string | null;
  /** The address trainees open (the QR code's), e.g. `http://192.168.1.20:8080/join/K7QX3M`. */
  joinUrl: string;
}

export function sessionView(session: Session, library: ScenarioLibrary, origin: string): SessionView {
  return {
    id: session.id,
    code: session.code,
    name: session.name,
    scenarios: session.scenarios.map((id) => ({ id, title: library.title(id) })),
    timers: session.timers,
    mode: session.mode,
    state: session.state,
    createdAt: session.createdAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    joinUrl: `${origin}/join/${session.code}`,
  };
}

export interface PlayView {
  playId: string;
  scenario: string;
  scenarioTitle: string;
  status: 'playing' | 'finished';
  timers: string | null;
  startedAt: string;
  decisions: number;
  lastNode: string | null;
  finishedAt: string | null;
  passed: boolean | null;
  overall: number | null;
  scores: Record<string, number | null> | null;
  ending: string | null;
  outcome: string | null;
}

export function playView(play: PlaySummary, library: ScenarioLibrary): PlayView {
  return {
    playId: play.playId,
    scenario: play.scenario,
    scenarioTitle: library.title(play.scenario),
    status: play.finishedAt ? 'finished' : 'playing',
    timers: play.timers,
    startedAt: play.startedAt.toISOString(),
    decisions: play.decisions,
    lastNode: play.lastNode,
    finishedAt: play.finishedAt?.toISOString() ?? null,
    passed: play.passed,
    overall: play.overall,
    scores: play.scores,
    ending: play.ending,
    outcome: play.outcome,
  };
}

export interface RosterEntryView {
  participantId: string;
  name: string;
  joinedAt: string;
  plays: number;
  finished: number;
  /** The latest play: which scenario, how far (decisions, last node), and its result once finished; null before the first. */
  latest: PlayView | null;
}

export function rosterEntryView(entry: RosterEntry, library: ScenarioLibrary): RosterEntryView {
  return {
    participantId: entry.participant.id,
    name: entry.participant.name,
    joinedAt: entry.participant.joinedAt.toISOString(),
    plays: entry.plays,
    finished: entry.finished,
    latest: entry.latest ? playView(entry.latest, library) : null,
  };
}

export function rosterView(roster: readonly RosterEntry[], library: ScenarioLibrary): RosterEntryView[] {
  return roster.map((entry) => rosterEntryView(entry, library));
}

/**
 * A live `roster` update: what changed since the last one, merged into the
 * roster by `participantId` (an entry not yet there is a new trainee, placed
 * in order of joining), then the session's totals.
 */
export interface RosterChangesView {
  /** The entries of the trainees who joined or whose plays moved on. */
  changed: RosterEntryView[];
  /** The participant ids of trainees removed from the session. */
  removed: string[];
  totals: SessionTotals;
}

/** A live `roster` update with the whole roster: what a stream sends when it cannot tell who changed (a notice from an older process). */
export interface WholeRosterView {
  roster: RosterEntryView[];
  totals: SessionTotals;
}

/** One reply at a decision point, with how many chose it. */
export interface ReplyTally {
  /** The reply's code, a–i by its place in the scenario file (as xAPI and SCORM report it). */
  reply: string;
  /** What the trainee says; null when the server's scenario has no such reply. */
  text: string | null;
  tact: number | null;
  /** One of the most tactful replies at this point. */
  best: boolean;
  /** The scenario's coaching on this reply, ready to discuss; null when it has none. */
  coaching: string | null;
  count: number;
}

/** The replies chosen across the session at one decision point ("7 of 12 chose …"). */
export interface DistributionView {
  scenario: string;
  scenarioTitle: string;
  node: string;
  /** The customer's line; null when the server's scenario has no such node. */
  customer: string | null;
  /** Every decision made here (replies and timeouts). */
  decisions: number;
  timedOut: number;
  /** Every reply of the node in file order (chosen or not), then any code the server's scenario does not know. */
  replies: ReplyTally[];
}

/** Groups reply counts by decision point, with the server's own customer lines, replies and coaching. */
export function distributionView(counts: readonly ReplyCount[], library: ScenarioLibrary): DistributionView[] {
  const points = new Map<string, ReplyCount[]>();
  for (const count of counts) {
    const key = JSON.stringify([count.scenario, count.node]);
    points.set(key, [...(points.get(key) ?? []), count]);
  }
  return [...points.values()].map((rows) => {
    const { scenario, node } = rows[0]!;
    const point = library.decisionPoint(scenario, node);
    const chosen = new Map(rows.map((r) => [r.reply, r.count]));
    const bestTact = point ? Math.max(...point.replies.map((r) => r.tact)) : null;
    const replies: ReplyTally[] = (point?.replies ?? []).map((reply) => {
      const code = String.fromCharCode(96 + reply.index);
      return { reply: code, text: reply.say, tact: reply.tact, best: reply.tact === bestTact, coaching: reply.feedback ?? null, count: chosen.get(code) ?? 0 };
    });
    const known = new Set(replies.map((r) => r.reply));
    for (const row of rows) if (row.reply !== null && !known.has(row.reply)) replies.push({ reply: row.reply, text: null, tact: null, best: false, coaching: null, count: row.count });
    return {
      scenario,
      scenarioTitle: library.title(scenario),
      node,
      customer: point?.customer ?? null,
      decisions: rows.reduce((total, r) => total + r.count, 0),
      timedOut: chosen.get(null) ?? 0,
      replies,
    };
  });
}
