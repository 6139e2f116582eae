import type { TimerSetting } from '../../engine/index.ts';
import type { ReceivedStatement } from '../statements/received-statement.ts';
import type { StatementMeaning } from '../statements/statement-meaning.ts';
import type { RoomStore } from './room-store.ts';

/**
 * The session server's storage, in the trainer's words: sessions, the
 * trainees who joined them (participants), their plays and decisions (read
 * from the xAPI statements the game sends), and the reply distribution.
 * One implementation (sql-session-store.ts) runs on both databases; the
 * HTTP layer only ever talks to this interface.
 */
export interface SessionStore {
  /** Where the data lives, for the start-up message. */
  readonly description: string;

  /** Creates a session; null when its join code is already taken (the caller draws another). */
  createSession(session: NewSessionRecord): Promise<Session | null>;
  /** Every session, newest first, with its head count. */
  sessions(): Promise<SessionListing[]>;
  session(id: string): Promise<Session | null>;
  sessionByCode(code: string): Promise<Session | null>;
  /** Pauses, resumes or ends a session; null when there is no such session. */
  setSessionState(id: string, state: SessionState, at: Date): Promise<Session | null>;
  /** Deletes a session and everything recorded in it; false when there was none. */
  deleteSession(id: string): Promise<boolean>;

  addParticipant(participant: NewParticipantRecord): Promise<Participant>;
  /** The participant a token was issued to (by its hash), with their session; null for an unknown token. */
  participantByToken(tokenHash: string): Promise<{ participant: Participant; session: Session } | null>;
  /** Removes a participant of this session and what they recorded; false when no such participant is in this session. */
  removeParticipant(sessionId: string, participantId: string): Promise<boolean>;

  /**
   * Stores a participant's statements, all or none, and what they mean
   * (plays, decisions). A statement id already stored from this
   * participant with the same content is a duplicate (a resend), and is
   * not read again.
   *
   * @throws StatementConflict when an id is already stored with other content or from someone else (nothing is stored).
   */
  recordStatements(participant: Participant, statements: readonly StatementToStore[], at: Date): Promise<RecordedStatements>;

  /** Each participant of the session with their latest play, in order of joining. */
  roster(sessionId: string): Promise<RosterEntry[]>;
  /** One participant's roster entry, as `roster` has it; null when no such participant is in this session (never joined, or removed). */
  rosterEntry(sessionId: string, participantId: string): Promise<RosterEntry | null>;
  /** How many decisions chose each reply, per decision point (optionally one point only). */
  replyCounts(sessionId: string, point?: DecisionPoint): Promise<ReplyCount[]>;
  /** Every play of the session, oldest first, with who played it. */
  plays(sessionId: string): Promise<PlayRecordRow[]>;
  /** Every decision of the session, in order of plays and numbers. */
  decisions(sessionId: string): Promise<DecisionRow[]>;
  /** Head counts and results across the session. */
  totals(sessionId: string): Promise<SessionTotals>;

  /** Counts one failed join from an address in the window that begins at `windowStart`; returns the count so far in that window. */
  noteJoinFailure(address: string, windowStart: Date): Promise<number>;
  /** Failed joins from an address in the window that begins at `windowStart`. */
  joinFailures(address: string, windowStart: Date): Promise<number>;

  /** Room mode's rounds and votes (room-store.ts), in the same database. */
  readonly rooms: RoomStore;

  close(): Promise<void>;
}

/** How a session is played: each trainee at their own pace, or the room together, voting (room mode arrives with the dashboard). */
export type SessionMode = 'self-paced' | 'room';
/** A session takes joins and results while open or paused; an ended one takes results still on their way, but no new trainee. */
export type SessionState = 'open' | 'paused' | 'ended';

export interface Session {
  id: string;
  /** The short join code trainees type (see join-code.ts). */
  code: string;
  name: string;
  /** The scenario ids to play, in the trainer's order. */
  scenarios: string[];
  timers: TimerSetting;
  mode: SessionMode;
  state: SessionState;
  createdAt: Date;
  endedAt: Date | null;
}

export type NewSessionRecord = Omit<Session, 'state' | 'endedAt'>;

export interface SessionListing extends Session {
  participants: number;
}

export interface Participant {
  id: string;
  sessionId: string;
  /** The display name the trainee typed: plain text, shown as text. */
  name: string;
  joinedAt: Date;
}

export interface NewParticipantRecord extends Participant {
  /** SHA-256 of the participant's token: the token itself is never stored. */
  tokenHash: string;
}

/** A statement to store, with what the server read from it. */
export interface StatementToStore {
  statement: ReceivedStatement;
  /** SHA-256 of the statement's canonical JSON: a resend has the same. */
  fingerprint: string;
  meaning: StatementMeaning;
}

export interface RecordedStatements {
  /** Ids stored now. */
  stored: string[];
  /** Ids already stored (resends): delivered all the same. */
  duplicates: string[];
}

/** An id already stored with other content, or from another participant: the xAPI answer is 409 Conflict. */
export class StatementConflict extends Error {
  constructor(readonly statementId: string) {
    super(`statement ${statementId} is already stored with other content`);
  }
}

/** A play as the server knows it from its statements. */
export interface PlaySummary {
  playId: string;
  scenario: string;
  timers: string | null;
  startedAt: Date;
  /** Decisions made so far. */
  decisions: number;
  /** The node of the latest decision (the trainee is at the line that follows it); null before the first. */
  lastNode: string | null;
  /** When the play reached its ending (passed/failed); null while it goes on. */
  finishedAt: Date | null;
  passed: boolean | null;
  overall: number | null;
  scores: Record<string, number | null> | null;
  ending: string | null;
  outcome: string | null;
}

export interface RosterEntry {
  participant: Participant;
  /** The participant's latest play; null before they start one. */
  latest: PlaySummary | null;
  plays: number;
  finished: number;
}

export interface PlayRecordRow extends PlaySummary {
  participantId: string;
  participantName: string;
}

export interface DecisionRow {
  participantId: string;
  playId: string;
  number: number;
  scenario: string;
  node: string;
  /** The reply's code (a–i by its place in the scenario file); null when the timer ran out. */
  reply: string | null;
  best: boolean;
  tact: number | null;
  timedOut: boolean;
  madeAt: Date;
}

/** A decision point: the same customer line in every play. */
export interface DecisionPoint {
  scenario: string;
  node: string;
}

export interface ReplyCount extends DecisionPoint {
  /** The reply's code; null for decisions where the timer ran out. */
  reply: string | null;
  count: number;
}

export interface SessionTotals {
  participants: number;
  plays: number;
  finished: number;
  passed: number;
  /** The mean overall score of finished plays; null before the first. */
  meanOverall: number | null;
}
