import type { SqlQueries } from './sql-client.ts';
import type { NewRoundRecord, PlayedBy, PlayedReply, RoomRecord, RoomStore, RoundRecord, VoteCount, VoteRecord } from './room-store.ts';

interface RoundRow {
  session_id: string;
  number: number;
  scenario_index: number;
  scenario: string;
  step: number;
  node: string;
  opened_at: Date;
  deadline: Date | null;
  closed_at: Date | null;
  revealed_at: Date | null;
  played_reply: number | null;
  played_by: string | null;
  played_at: Date | null;
}

const ROUND_COLUMNS = 'session_id, number, scenario_index, scenario, step, node, opened_at, deadline, closed_at, revealed_at, played_reply, played_by, played_at';

function toRound(row: RoundRow): RoundRecord {
  return {
    sessionId: row.session_id,
    number: row.number,
    scenarioIndex: row.scenario_index,
    scenario: row.scenario,
    step: row.step,
    node: row.node,
    openedAt: row.opened_at,
    deadline: row.deadline,
    closedAt: row.closed_at,
    revealedAt: row.revealed_at,
    playedReply: row.played_reply,
    playedBy: row.played_by as PlayedBy | null,
    playedAt: row.played_at,
  };
}

/**
 * The room store over SQL, the same on PGlite and PostgreSQL. Each change is
 * one conditional statement, so two server processes acting on one room at
 * once cannot both open a round, play it twice, or let a vote in after it
 * closed: the database decides, and the loser gets null or false.
 */
export class SqlRoomStore implements RoomStore {
  constructor(private readonly sql: SqlQueries) {}

  async room(sessionId: string, seed: number): Promise<RoomRecord> {
    await this.sql.query('INSERT INTO rooms (session_id, seed) VALUES ($1, $2) ON CONFLICT (session_id) DO NOTHING', [sessionId, seed]);
    const [row] = await this.sql.query<{ scenario_index: number; seed: number; paused_at: Date | null }>('SELECT scenario_index, seed, paused_at FROM rooms WHERE session_id = $1', [sessionId]);
    return { sessionId, scenarioIndex: row!.scenario_index, seed: row!.seed, pausedAt: row!.paused_at };
  }

  async stopClock(sessionId: string, at: Date): Promise<void> {
    await this.sql.query('UPDATE rooms SET paused_at = $2 WHERE session_id = $1 AND paused_at IS NULL', [sessionId, at]);
  }

  async restartClock(sessionId: string, at: Date): Promise<void> {
    // One statement: the clock restarts once, however many processes hear the resume, and only a round still
    // being voted on (its deadline not passed when the clock stopped) gets the stopped time back.
    await this.sql.query(
      `WITH stopped AS (
         UPDATE rooms SET paused_at = NULL
         FROM (SELECT paused_at AS since FROM rooms WHERE session_id = $1) AS clock
         WHERE rooms.session_id = $1 AND rooms.paused_at IS NOT NULL
         RETURNING clock.since
       )
       UPDATE room_rounds SET deadline = deadline + ($2::timestamptz - stopped.since)
       FROM stopped
       WHERE room_rounds.session_id = $1 AND deadline IS NOT NULL AND deadline > stopped.since
         AND closed_at IS NULL AND revealed_at IS NULL AND played_at IS NULL`,
      [sessionId, at],
    );
  }

  async nextScenario(sessionId: string, from: number): Promise<boolean> {
    const rows = await this.sql.query('UPDATE rooms SET scenario_index = $2 + 1 WHERE session_id = $1 AND scenario_index = $2 RETURNING session_id', [sessionId, from]);
    return rows.length > 0;
  }

  async rounds(sessionId: string, scenarioIndex?: number): Promise<RoundRecord[]> {
    const rows = await this.sql.query<RoundRow>(
      `SELECT ${ROUND_COLUMNS} FROM room_rounds WHERE session_id = $1 AND ($2::integer IS NULL OR scenario_index = $2) ORDER BY number`,
      [sessionId, scenarioIndex ?? null],
    );
    return rows.map(toRound);
  }

  async openRound(r: NewRoundRecord): Promise<RoundRecord | null> {
    // A clash on any unique key (the number, the step, the one unplayed round) means another open won.
    const rows = await this.sql.query<RoundRow>(
      `INSERT INTO room_rounds (session_id, number, scenario_index, scenario, step, node, opened_at, deadline)
       SELECT $1::uuid, COALESCE(max(number), 0) + 1, $2::integer, $3::text, $4::integer, $5::text, $6::timestamptz, $7::timestamptz FROM room_rounds WHERE session_id = $1
       ON CONFLICT DO NOTHING RETURNING ${ROUND_COLUMNS}`,
      [r.sessionId, r.scenarioIndex, r.scenario, r.step, r.node, r.openedAt, r.deadline],
    );
    return rows[0] ? toRound(rows[0]) : null;
  }

  async revealRound(sessionId: string, number: number, at: Date): Promise<RoundRecord | null> {
    const rows = await this.sql.query<RoundRow>(
      `UPDATE room_rounds SET closed_at = COALESCE(closed_at, LEAST($3::timestamptz, COALESCE(deadline, $3::timestamptz))), revealed_at = COALESCE(revealed_at, $3::timestamptz)
       WHERE session_id = $1 AND number = $2 AND played_at IS NULL RETURNING ${ROUND_COLUMNS}`,
      [sessionId, number, at],
    );
    return rows[0] ? toRound(rows[0]) : null;
  }

  async playRound(sessionId: string, number: number, played: PlayedReply, at: Date): Promise<RoundRecord | null> {
    const rows = await this.sql.query<RoundRow>(
      `UPDATE room_rounds SET closed_at = COALESCE(closed_at, LEAST($5::timestamptz, COALESCE(deadline, $5::timestamptz))), revealed_at = COALESCE(revealed_at, $5::timestamptz),
              played_reply = $3, played_by = $4, played_at = $5::timestamptz
       WHERE session_id = $1 AND number = $2 AND played_at IS NULL RETURNING ${ROUND_COLUMNS}`,
      [sessionId, number, played.reply, played.by, at],
    );
    return rows[0] ? toRound(rows[0]) : null;
  }

  async castVote(v: VoteRecord): Promise<boolean> {
    // FOR SHARE waits for a reveal or play being committed on the round, then sees it closed: no vote slips in after.
    const rows = await this.sql.query(
      `INSERT INTO room_votes (session_id, round, participant_id, reply, voted_at)
       SELECT r.session_id, r.number, $3::uuid, $4::integer, $5::timestamptz FROM room_rounds r
       WHERE r.session_id = $1 AND r.number = $2 AND r.closed_at IS NULL AND r.played_at IS NULL AND (r.deadline IS NULL OR r.deadline > $5::timestamptz)
       FOR SHARE
       ON CONFLICT (session_id, round, participant_id) DO UPDATE SET reply = EXCLUDED.reply, voted_at = EXCLUDED.voted_at
       RETURNING reply`,
      [v.sessionId, v.round, v.participantId, v.reply, v.at],
    );
    return rows.length > 0;
  }

  async voteCounts(sessionId: string, round: number): Promise<VoteCount[]> {
    return this.sql.query<VoteCount>(
      'SELECT reply, count(*)::int AS count FROM room_votes WHERE session_id = $1 AND round = $2 GROUP BY reply ORDER BY reply',
      [sessionId, round],
    );
  }

  async allVoteCounts(sessionId: string): Promise<(VoteCount & { round: number })[]> {
    return this.sql.query<VoteCount & { round: number }>(
      'SELECT round, reply, count(*)::int AS count FROM room_votes WHERE session_id = $1 GROUP BY round, reply ORDER BY round, reply',
      [sessionId],
    );
  }

  async voteOf(sessionId: string, round: number, participantId: string): Promise<number | null> {
    const [row] = await this.sql.query<{ reply: number }>('SELECT reply FROM room_votes WHERE session_id = $1 AND round = $2 AND participant_id = $3', [sessionId, round, participantId]);
    return row?.reply ?? null;
  }
}
