import type { TimerSetting } from '../../engine/index.ts';
import type { StatementMeaning } from '../statements/statement-meaning.ts';
import { migrate } from './migrations.ts';
import type { SqlClient, SqlQueries } from './sql-client.ts';
import type { RoomStore } from './room-store.ts';
import { SqlRoomStore } from './sql-room-store.ts';
import {
  StatementConflict,
  type DecisionPoint,
  type DecisionRow,
  type NewParticipantRecord,
  type NewSessionRecord,
  type Participant,
  type PlayRecordRow,
  type PlaySummary,
  type RecordedStatements,
  type ReplyCount,
  type RosterEntry,
  type Session,
  type SessionListing,
  type SessionState,
  type SessionStore,
  type SessionTotals,
  type StatementToStore,
} from './session-store.ts';

interface SessionRow {
  id: string;
  code: string;
  name: string;
  scenarios: string[];
  timers: string;
  mode: string;
  state: string;
  created_at: Date;
  ended_at: Date | null;
}

interface ParticipantRow {
  id: string;
  session_id: string;
  name: string;
  joined_at: Date;
}

interface PlayRow {
  play_id: string;
  scenario: string;
  timers: string | null;
  started_at: Date;
  decisions: number;
  last_node: string | null;
  finished_at: Date | null;
  passed: boolean | null;
  overall: number | null;
  scores: Record<string, number | null> | null;
  ending: string | null;
  outcome: string | null;
}

/** A roster row: the participant, their play counts and their latest play (as JSON, so its timestamps are text). */
interface RosterRow extends ParticipantRow {
  plays: number;
  finished: number;
  latest: (Omit<PlayRow, 'started_at' | 'finished_at'> & { started_at: string; finished_at: string | null }) | null;
}

const SESSION_COLUMNS = 'id, code, name, scenarios, timers, mode, state, created_at, ended_at';
const PLAY_COLUMNS = 'play_id, scenario, timers, started_at, decisions, last_node, finished_at, passed, overall, scores, ending, outcome';

/** The roster's query up to its WHERE: the whole roster and one entry are the same read. */
const ROSTER_SELECT = `SELECT p.id, p.session_id, p.name, p.joined_at,
       (SELECT count(*)::int FROM plays a WHERE a.participant_id = p.id) AS plays,
       (SELECT count(*)::int FROM plays a WHERE a.participant_id = p.id AND a.finished_at IS NOT NULL) AS finished,
       (SELECT to_jsonb(l) FROM (SELECT ${PLAY_COLUMNS} FROM plays a WHERE a.participant_id = p.id ORDER BY started_at DESC, play_id DESC LIMIT 1) l) AS latest
FROM participants p`;

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    scenarios: row.scenarios,
    timers: row.timers as TimerSetting,
    mode: row.mode as Session['mode'],
    state: row.state as SessionState,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}

function toParticipant(row: ParticipantRow): Participant {
  return { id: row.id, sessionId: row.session_id, name: row.name, joinedAt: row.joined_at };
}

function toRosterEntry(row: RosterRow): RosterEntry {
  return {
    participant: toParticipant(row),
    plays: row.plays,
    finished: row.finished,
    latest: row.latest ? toPlay({ ...row.latest, started_at: new Date(row.latest.started_at), finished_at: row.latest.finished_at === null ? null : new Date(row.latest.finished_at) }) : null,
  };
}

function toPlay(row: PlayRow): PlaySummary {
  return {
    playId: row.play_id,
    scenario: row.scenario,
    timers: row.timers,
    startedAt: row.started_at,
    decisions: row.decisions,
    lastNode: row.last_node,
    finishedAt: row.finished_at,
    passed: row.passed,
    overall: row.overall,
    scores: row.scores,
    ending: row.ending,
    outcome: row.outcome,
  };
}

/**
 * The session store over SQL, the same on PGlite and PostgreSQL. Opening
 * it migrates the schema. Plays and decisions are derived from each new
 * statement in the transaction that stores it, so the roster and the
 * distribution are never out of step with the statements.
 */
export class SqlSessionStore implements SessionStore {
  /** Room mode's rounds and votes, on the same connection. */
  readonly rooms: RoomStore;

  private constructor(private readonly sql: SqlClient) {
    this.rooms = new SqlRoomStore(sql);
  }

  /** Opens the store on a connected client, bringing its schema up to date. */
  static async open(sql: SqlClient): Promise<SqlSessionStore> {
    await migrate(sql);
    return new SqlSessionStore(sql);
  }

  get description(): string {
    return this.sql.description;
  }

  async createSession(s: NewSessionRecord): Promise<Session | null> {
    const rows = await this.sql.query<SessionRow>(
      `INSERT INTO sessions (id, code, name, scenarios, timers, mode, created_at) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7)
       ON CONFLICT (code) DO NOTHING RETURNING ${SESSION_COLUMNS}`,
      [s.id, s.code, s.name, JSON.stringify(s.scenarios), s.timers, s.mode, s.createdAt],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  async sessions(): Promise<SessionListing[]> {
    const rows = await this.sql.query<SessionRow & { participants: number }>(
      `SELECT ${SESSION_COLUMNS}, (SELECT count(*)::int FROM participants p WHERE p.session_id = s.id) AS participants
       FROM sessions s ORDER BY created_at DESC, id`,
    );
    return rows.map((row) => ({ ...toSession(row), participants: row.participants }));
  }

  async session(id: string): Promise<Session | null> {
    const rows = await this.sql.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`, [id]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async sessionByCode(code: string): Promise<Session | null> {
    const rows = await this.sql.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE code = $1`, [code]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async setSessionState(id: string, state: SessionState, at: Date): Promise<Session | null> {
    // Ending is for good: a paused or ended session is never reopened by a late "resume".
    const rows = await this.sql.query<SessionRow>(
      `UPDATE sessions SET state = CASE WHEN state = 'ended' THEN 'ended' ELSE $2 END,
              ended_at = CASE WHEN state = 'ended' THEN ended_at WHEN $2 = 'ended' THEN $3::timestamptz ELSE NULL END
       WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
      [id, state, at],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  async deleteSession(id: string): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>('DELETE FROM sessions WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  async addParticipant(p: NewParticipantRecord): Promise<Participant> {
    const rows = await this.sql.query<ParticipantRow>(
      'INSERT INTO participants (id, session_id, name, token_hash, joined_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, session_id, name, joined_at',
      [p.id, p.sessionId, p.name, p.tokenHash, p.joinedAt],
    );
    return toParticipant(rows[0]!);
  }

  async participantByToken(tokenHash: string): Promise<{ participant: Participant; session: Session } | null> {
    const rows = await this.sql.query<ParticipantRow & { session: SessionRow }>(
      `SELECT p.id, p.session_id, p.name, p.joined_at, to_jsonb(s) AS session
       FROM participants p JOIN sessions s ON s.id = p.session_id WHERE p.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    // to_jsonb gives the timestamps as text.
    const session = { ...row.session, created_at: new Date(row.session.created_at), ended_at: row.session.ended_at === null ? null : new Date(row.session.ended_at) };
    return { participant: toParticipant(row), session: toSession(session) };
  }

  async removeParticipant(sessionId: string, participantId: string): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>('DELETE FROM participants WHERE id = $1 AND session_id = $2 RETURNING id', [participantId, sessionId]);
    return rows.length > 0;
  }

  recordStatements(participant: Participant, statements: readonly StatementToStore[], at: Date): Promise<RecordedStatements> {
    return this.sql.transaction(async (tx) => {
      const stored: string[] = [];
      const duplicates: string[] = [];
      for (const { statement, fingerprint, meaning } of statements) {
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO statements (session_id, id, participant_id, verb, fingerprint, body, stored_at) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7)
           ON CONFLICT (session_id, id) DO NOTHING RETURNING id`,
          [participant.sessionId, statement.id, participant.id, statement.verb.id, fingerprint, JSON.stringify(statement), at],
        );
        if (inserted.length > 0) {
          stored.push(statement.id);
          await applyMeaning(tx, participant, meaning);
          continue;
        }
        const [known] = await tx.query<{ participant_id: string; fingerprint: string }>(
          'SELECT participant_id, fingerprint FROM statements WHERE session_id = $1 AND id = $2',
          [participant.sessionId, statement.id],
        );
        // Throwing rolls the whole POST back: xAPI stores a batch all or nothing.
        if (!known || known.participant_id !== participant.id || known.fingerprint !== fingerprint) throw new StatementConflict(statement.id);
        duplicates.push(statement.id);
      }
      return { stored, duplicates };
    });
  }

  async roster(sessionId: string): Promise<RosterEntry[]> {
    const rows = await this.sql.query<RosterRow>(`${ROSTER_SELECT} WHERE p.session_id = $1 ORDER BY p.joined_at, p.id`, [sessionId]);
    return rows.map(toRosterEntry);
  }

  async rosterEntry(sessionId: string, participantId: string): Promise<RosterEntry | null> {
    // The roster's own query for one trainee: a live update after one trainee moved costs one entry, not the whole room.
    const rows = await this.sql.query<RosterRow>(`${ROSTER_SELECT} WHERE p.session_id = $1 AND p.id = $2`, [sessionId, participantId]);
    return rows[0] ? toRosterEntry(rows[0]) : null;
  }

  async replyCounts(sessionId: string, point?: DecisionPoint): Promise<ReplyCount[]> {
    const rows = await this.sql.query<{ scenario: string; node: string; reply: string | null; count: number }>(
      `SELECT scenario, node, reply, count(*)::int AS count FROM decisions
       WHERE session_id = $1 AND ($2::text IS NULL OR (scenario = $2 AND node = $3))
       GROUP BY scenario, node, reply ORDER BY scenario, node, reply NULLS LAST`,
      [sessionId, point?.scenario ?? null, point?.node ?? null],
    );
    return rows;
  }

  async plays(sessionId: string): Promise<PlayRecordRow[]> {
    const rows = await this.sql.query<PlayRow & { participant_id: string; participant_name: string }>(
      `SELECT ${PLAY_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')}, a.participant_id, p.name AS participant_name
       FROM plays a JOIN participants p ON p.id = a.participant_id WHERE a.session_id = $1 ORDER BY a.started_at, a.play_id`,
      [sessionId],
    );
    return rows.map((row) => ({ ...toPlay(row), participantId: row.participant_id, participantName: row.participant_name }));
  }

  async decisions(sessionId: string): Promise<DecisionRow[]> {
    const rows = await this.sql.query<{ participant_id: string; play_id: string; number: number; scenario: string; node: string; reply: string | null; best: boolean; tact: number | null; timed_out: boolean; made_at: Date }>(
      `SELECT d.participant_id, d.play_id, d.number, d.scenario, d.node, d.reply, d.best, d.tact, d.timed_out, d.made_at
       FROM decisions d JOIN plays a ON a.participant_id = d.participant_id AND a.play_id = d.play_id
       WHERE d.session_id = $1 ORDER BY a.started_at, d.play_id, d.number`,
      [sessionId],
    );
    return rows.map((r) => ({ participantId: r.participant_id, playId: r.play_id, number: r.number, scenario: r.scenario, node: r.node, reply: r.reply, best: r.best, tact: r.tact, timedOut: r.timed_out, madeAt: r.made_at }));
  }

  async totals(sessionId: string): Promise<SessionTotals> {
    const [row] = await this.sql.query<SessionTotals & { mean_overall: number | null }>(
      `SELECT (SELECT count(*)::int FROM participants WHERE session_id = $1) AS participants,
              count(*)::int AS plays,
              count(finished_at)::int AS finished,
              count(*) FILTER (WHERE passed)::int AS passed,
              avg(overall) FILTER (WHERE finished_at IS NOT NULL)::float8 AS mean_overall
       FROM plays WHERE session_id = $1`,
      [sessionId],
    );
    return { participants: row!.participants, plays: row!.plays, finished: row!.finished, passed: row!.passed, meanOverall: row!.mean_overall };
  }

  async noteJoinFailure(address: string, windowStart: Date): Promise<number> {
    const [row] = await this.sql.query<{ failures: number }>(
      `INSERT INTO join_failures (address, window_start, failures) VALUES ($1, $2, 1)
       ON CONFLICT (address, window_start) DO UPDATE SET failures = join_failures.failures + 1 RETURNING failures`,
      [address, windowStart],
    );
    // Old windows are of no use; cleared now and then, not on every join.
    if (row!.failures === 1) await this.sql.query('DELETE FROM join_failures WHERE window_start < $1', [windowStart]);
    return row!.failures;
  }

  async joinFailures(address: string, windowStart: Date): Promise<number> {
    const [row] = await this.sql.query<{ failures: number }>('SELECT failures FROM join_failures WHERE address = $1 AND window_start = $2', [address, windowStart]);
    return row?.failures ?? 0;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

/** Records what one new statement means: the play it belongs to, and the decision or result it carries. */
async function applyMeaning(tx: SqlQueries, participant: Participant, meaning: StatementMeaning): Promise<void> {
  if (meaning.kind === 'other') return;
  // Every statement names its play: the play row is made by whichever arrives first (a resumed play may never resend "initialized").
  await tx.query(
    `INSERT INTO plays (participant_id, play_id, session_id, scenario, timers, started_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (participant_id, play_id) DO UPDATE SET started_at = LEAST(plays.started_at, EXCLUDED.started_at), timers = COALESCE(plays.timers, EXCLUDED.timers)`,
    [participant.id, meaning.playId, participant.sessionId, meaning.scenario, meaning.timers, meaning.at],
  );
  const play = [participant.id, meaning.playId] as const;
  switch (meaning.kind) {
    case 'decision': {
      const inserted = await tx.query(
        `INSERT INTO decisions (participant_id, play_id, number, session_id, scenario, node, reply, best, tact, timed_out, made_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (participant_id, play_id, number) DO NOTHING RETURNING number`,
        [...play, meaning.number, participant.sessionId, meaning.scenario, meaning.node, meaning.reply, meaning.best, meaning.tact, meaning.timedOut, meaning.at],
      );
      if (inserted.length === 0) return;
      await tx.query(
        `UPDATE plays SET decisions = GREATEST(decisions, $3), last_node = CASE WHEN $3 >= decisions THEN $4 ELSE last_node END
         WHERE participant_id = $1 AND play_id = $2`,
        [...play, meaning.number, meaning.node],
      );
      return;
    }
    case 'play-scored':
      await tx.query(
        `UPDATE plays SET finished_at = $3, passed = $4, overall = $5, scores = $6::text::jsonb, ending = $7, outcome = $8
         WHERE participant_id = $1 AND play_id = $2`,
        [...play, meaning.at, meaning.passed, meaning.overall, JSON.stringify(meaning.scores), meaning.ending, meaning.outcome],
      );
      return;
    case 'play-completed':
      await tx.query('UPDATE plays SET completed = true, finished_at = COALESCE(finished_at, $3) WHERE participant_id = $1 AND play_id = $2', [...play, meaning.at]);
      return;
    case 'play-started':
      return;
  }
}
