/**
 * A room-mode session's storage, in the trainer's words: the room (which of
 * the session's scenarios it is playing, and the shuffle seed that orders
 * every decision's replies the same on every device), its rounds (one per
 * decision point: voting opened, closed, revealed, then a reply played) and
 * each trainee's vote in a round. Nothing else is kept: the customer's line,
 * mood and replies are worked out by replaying the played rounds with the
 * engine (src/server/room/room-play.ts), so every server process reading the
 * same rows shows the same room.
 */
export interface RoomStore {
  /** The session's room, made on first use with `seed` (later calls return the stored one). */
  room(sessionId: string, seed: number): Promise<RoomRecord>;
  /** Moves the room from scenario `from` to the next one; false when it is no longer at `from` (someone else moved it). */
  nextScenario(sessionId: string, from: number): Promise<boolean>;
  /** Stops the room's voting clock at `at` (the session was paused); a clock already stopped keeps its first time. */
  stopClock(sessionId: string, at: Date): Promise<void>;
  /** Starts the clock again at `at` (the session was resumed): the open round's deadline moves on by the time it was stopped. */
  restartClock(sessionId: string, at: Date): Promise<void>;

  /** Every round of the session, oldest first (optionally only those of one scenario of the session). */
  rounds(sessionId: string, scenarioIndex?: number): Promise<RoundRecord[]>;
  /**
   * Opens voting on a decision point. Null when a round is already waiting
   * to be played, or this step of this scenario already has a round (two
   * clicks, or two processes, at once): the database keeps one.
   */
  openRound(round: NewRoundRecord): Promise<RoundRecord | null>;
  /** Closes voting (if still open) and shows the distribution to everyone; null when the round is already played or missing. */
  revealRound(sessionId: string, number: number, at: Date): Promise<RoundRecord | null>;
  /** Records what the room said (closing and revealing the round too); null when it was already played or is missing. */
  playRound(sessionId: string, number: number, played: PlayedReply, at: Date): Promise<RoundRecord | null>;

  /**
   * Records or changes a participant's vote, only while the round is open:
   * not closed, not played, and `at` before its deadline.
   *
   * @returns false when voting in this round has closed (nothing stored).
   */
  castVote(vote: VoteRecord): Promise<boolean>;
  /** How many votes each reply has in one round (replies nobody chose are absent). */
  voteCounts(sessionId: string, round: number): Promise<VoteCount[]>;
  /** Vote counts for every round of the session (the debrief). */
  allVoteCounts(sessionId: string): Promise<(VoteCount & { round: number })[]>;
  /** A participant's vote in a round, as the reply's file position; null before they vote. */
  voteOf(sessionId: string, round: number, participantId: string): Promise<number | null>;
}

/** The room of a session. */
export interface RoomRecord {
  sessionId: string;
  /** Which of the session's scenarios is being played (0 for the first). */
  scenarioIndex: number;
  /** Orders every decision's replies, the same for the whole room. */
  seed: number;
  /** When the trainer paused the session, stopping the voting clock; null while it runs. */
  pausedAt: Date | null;
}

/** How the room's reply was chosen. */
export type PlayedBy = 'majority' | 'pick' | 'timeout';

/** The reply played: a reply's file position (1-based) by majority or the trainer's pick, or a timeout (the customer's `onTimeout`). */
export type PlayedReply = { by: 'majority' | 'pick'; reply: number } | { by: 'timeout'; reply: null };

/** One decision point the room voted on. */
export interface RoundRecord {
  sessionId: string;
  /** 1, 2, 3… across the whole session. */
  number: number;
  scenarioIndex: number;
  scenario: string;
  /** How many decisions of this scenario came before it (0 for its first). */
  step: number;
  node: string;
  openedAt: Date;
  /** When voting closes by itself (the session's timer setting); null when untimed. */
  deadline: Date | null;
  /** When the trainer closed voting (reveal or play); null while open, or when only the deadline closed it. */
  closedAt: Date | null;
  revealedAt: Date | null;
  /** The reply played (file position), null for a timeout or before it is played. */
  playedReply: number | null;
  playedBy: PlayedBy | null;
  playedAt: Date | null;
}

export type NewRoundRecord = Pick<RoundRecord, 'sessionId' | 'scenarioIndex' | 'scenario' | 'step' | 'node' | 'openedAt' | 'deadline'>;

export interface VoteRecord {
  sessionId: string;
  round: number;
  participantId: string;
  /** The reply's file position, 1-based. */
  reply: number;
  at: Date;
}

export interface VoteCount {
  reply: number;
  count: number;
}
