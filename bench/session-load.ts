/**
 * Session load benchmark: a room of simulated trainees and a few trainer
 * dashboards against the real session server on loopback, on each storage
 * (the embedded PGlite in a temporary folder; PostgreSQL when this machine
 * has it). Run from `npm run bench` (which calls `runSessionLoadBench()`
 * and writes the "Live sessions: load" section of docs/performance.md), or
 * alone: `npx tsx bench/session-load.ts [options]` (prints the section).
 *
 * Options: `--trainees 300`, `--dashboards 5`, `--think 3000-9000` (ms
 * before each of a trainee's POSTs at room pace), `--storages pglite,postgres`,
 * `--phases room,flat`, `--no-costs` (skip bench/session-load-costs.ts),
 * `--profile DIR` (the server writes a V8 CPU profile there when it stops).
 *
 * What happens, per storage: the server starts in a child process
 * (bench/session-load-server.ts); per phase, the trainer creates a session
 * (two shipped scenarios), 5 dashboards open its live stream, then the
 * trainees join (`POST /api/join`, spread over 10 s as a room scanning
 * the QR code) and play, posting their statements as the game's outbox
 * does (bench/session-load-plays.ts): one POST at a time, in order, HTTP
 * Basic `participantId:token`. Phases:
 *
 * - **room pace**: each trainee plays one scenario from the moment it has
 *   joined, waiting a random 3–9 s before each POST (a real trainee reads
 *   the customer's line and the replies first, and usually takes longer);
 * - **flat out**: once all have joined, each plays both scenarios without
 *   waiting, posting the next statement as soon as the last one is
 *   answered: the server's ceiling.
 *
 * Post to dashboard: for each decision and each dashboard, from the moment
 * the trainee starts the POST of its `answered` statement to the moment
 * that dashboard has read the first `roster` event in which the trainee's
 * latest play has at least that many decisions (or a later play): the
 * dashboard then shows the trainee's move. And to the first `distribution`
 * event for that decision point read at or after that roster event: it is
 * read from the database after the roster, so it certainly counts the
 * decision (an upper bound: an earlier one may have counted it already).
 * Both clocks are this process's `performance.now()`.
 *
 * Every phase is bounded: a fixed number of plays per trainee, and a time
 * cap after which trainees stop sending. Afterwards the server is stopped
 * and the storage reopened through the store: the rows stored must equal
 * what the server acknowledged (statements, plays, finished plays,
 * decisions, participants).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { StorageChoice } from '../src/server/storage/open-storage.ts';
import { openPgliteClient } from '../src/server/storage/pglite-client.ts';
import { openPostgresClient } from '../src/server/storage/postgres-client.ts';
import type { SqlClient } from '../src/server/storage/sql-client.ts';
import { SqlSessionStore } from '../src/server/storage/sql-session-store.ts';
import { throwawayDatabase, type ThrowawayDatabase } from '../tests/unit/server/support/postgres.ts';
import { shippedScenario } from '../tests/unit/server/support/played-statements.ts';
import { mulberry32 } from './generate.ts';
import { measureOperationCosts, operationCostsMarkdown, type OperationCost } from './session-load-costs.ts';
import { openDashboardStream, type ArrivedEvent, type DashboardStream } from './session-load-dashboard.ts';
import { traineePlans, type PlannedDecision, type TraineePlan } from './session-load-plays.ts';
import type { ServerCommand, ServerMessage, ServerUsage } from './session-load-server.ts';

/** The target from the live-sessions issue: p95 post to dashboard at 300 trainees, embedded storage. */
export const SESSION_LOAD_TARGET = { trainees: 300, p95Ms: 200 };

/** The session's scenarios: two shipped ones, each trainee plays both. */
const SCENARIOS = ['worn-once', 'estimated-read'];
const TRAINER_KEY = 'bench-trainer-key-0123456789abcdef';

export type StorageName = 'PGlite' | 'PostgreSQL';

export interface PhaseSpec {
  name: 'room pace' | 'flat out';
  /** Plays per trainee, one after the other. */
  plays: number;
  /** Random wait before each POST, [min, max] ms; null posts as soon as the last answer came. */
  thinkMs: [number, number] | null;
  /** Trainees start playing as each joins, or all at once when the last has joined. */
  start: 'on joining' | 'together';
  /** Trainees stop sending after this long (from the first join, or from the start together). */
  capMs: number;
}

export interface SessionLoadOptions {
  trainees: number;
  dashboards: number;
  /** Joins are spread over this long. */
  joinRampMs: number;
  phases: PhaseSpec[];
  storages: StorageName[];
  seed: number;
  /** A folder for the server's V8 CPU profile, or null. */
  profileDir: string | null;
  /** Also measure what each server operation costs (bench/session-load-costs.ts). */
  costs: boolean;
}

export const DEFAULT_SESSION_LOAD: SessionLoadOptions = {
  trainees: 300,
  dashboards: 5,
  joinRampMs: 10_000,
  phases: [
    { name: 'room pace', plays: 1, thinkMs: [3000, 9000], start: 'on joining', capMs: 90_000 },
    { name: 'flat out', plays: 2, thinkMs: null, start: 'together', capMs: 20_000 },
  ],
  storages: ['PGlite', 'PostgreSQL'],
  seed: 20261123,
  profileDir: null,
  costs: true,
};

/** Nearest-rank quantile of sorted numbers (NaN when there are none). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(values: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? NaN };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a phase measured. */
export interface PhaseFigures {
  storage: StorageName;
  phase: PhaseSpec;
  sessionId: string;
  trainees: number;
  dashboards: number;
  /** Acknowledged by the server (200): what must be stored. */
  posted: { statements: number; decisions: number; posts: number; plays: number; finishedPlays: number; participants: number };
  /** Non-200 answers and failed requests. */
  failures: string[];
  /** From the first decision's POST to the last POST's answer. */
  seconds: number;
  /** Round trip of the `answered` POSTs (the trainee's wait). */
  ackMs: ReturnType<typeof summary>;
  joinMs: ReturnType<typeof summary>;
  rosterMs: ReturnType<typeof summary>;
  distributionMs: ReturnType<typeof summary>;
  /** Decision × dashboard pairs never seen before the wait ran out. */
  unseen: number;
  events: { roster: number; distribution: number; megabytes: number };
  server: ServerUsage;
  /** Event-loop delay in this (the trainees' and dashboards') process, p99 ms: how late this side may have read. */
  clientLoopP99Ms: number;
  stopped: 'finished' | 'cap';
}

/** The decisions sent by one trainee, and how far each dashboard has seen them. */
interface TraineeProgress {
  plan: TraineePlan;
  participantId: string | null;
  sent: { decision: PlannedDecision; at: number }[];
  /** Per dashboard: how many of `sent` it has seen in a roster update. */
  seen: number[];
}

/**
 * Matches dashboards' updates to the decisions sent: the latency of each
 * (decision, dashboard) pair to its roster update, then to its
 * distribution update (see the definitions at the top of this file).
 */
class LatencyTracker {
  readonly roster: number[] = [];
  readonly distribution: number[] = [];
  private readonly byParticipant = new Map<string, TraineeProgress>();
  /** Per dashboard: decision point → send times of decisions seen in the roster, not yet in a distribution. */
  private readonly awaiting: Map<string, number[]>[];
  private pendingPairs = 0;

  constructor(readonly trainees: TraineeProgress[], dashboards: number) {
    this.awaiting = Array.from({ length: dashboards }, () => new Map<string, number[]>());
  }

  joined(progress: TraineeProgress): void {
    this.byParticipant.set(progress.participantId!, progress);
  }

  sending(progress: TraineeProgress, decision: PlannedDecision, at: number): void {
    progress.sent.push({ decision, at });
    this.pendingPairs += 2 * this.awaiting.length;
  }

  /** Decision × dashboard pairs still to be seen (roster and distribution each count). */
  get pending(): number {
    return this.pendingPairs;
  }

  hear(dashboard: number, { event, data, at }: ArrivedEvent): void {
    // A roster update carries the trainees who changed (or, from an older server, the whole roster).
    if (event === 'roster') this.hearRoster(dashboard, (data as { changed?: RosterEntry[]; roster?: RosterEntry[] }).changed ?? (data as { roster?: RosterEntry[] }).roster ?? [], at);
    else if (event === 'distribution') this.hearDistribution(dashboard, (data as { distribution: { scenario: string; node: string } }).distribution, at);
  }

  private hearRoster(dashboard: number, roster: RosterEntry[], at: number): void {
    for (const entry of roster) {
      const progress = this.byParticipant.get(entry.participantId);
      if (!progress || !entry.latest) continue;
      const play = progress.plan.playIds.indexOf(entry.latest.playId);
      let seen = progress.seen[dashboard]!;
      while (seen < progress.sent.length) {
        const { decision, at: sentAt } = progress.sent[seen]!;
        if (decision.play > play || (decision.play === play && decision.number > entry.latest.decisions)) break;
        this.roster.push(at - sentAt);
        const key = `${decision.scenario}\n${decision.node}`;
        const waiting = this.awaiting[dashboard]!.get(key) ?? [];
        waiting.push(sentAt);
        this.awaiting[dashboard]!.set(key, waiting);
        this.pendingPairs--;
        seen++;
      }
      progress.seen[dashboard] = seen;
    }
  }

  private hearDistribution(dashboard: number, point: { scenario: string; node: string }, at: number): void {
    const key = `${point.scenario}\n${point.node}`;
    const waiting = this.awaiting[dashboard]!.get(key);
    if (!waiting) return;
    for (const sentAt of waiting) this.distribution.push(at - sentAt);
    this.pendingPairs -= waiting.length;
    this.awaiting[dashboard]!.delete(key);
  }
}

/** The part of a roster entry the tracker reads. */
interface RosterEntry {
  participantId: string;
  latest: { playId: string; decisions: number } | null;
}

/** The server child process, spoken to over IPC. */
class ServerProcess {
  private readonly waiting: ((message: ServerMessage) => void)[] = [];
  private exited: Promise<void>;

  private constructor(private readonly child: ChildProcess, readonly url: string) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (message: ServerMessage) => this.waiting.shift()?.(message));
  }

  static async start(storage: StorageChoice, profileDir: string | null): Promise<ServerProcess> {
    const script = join(import.meta.dirname, 'session-load-server.ts');
    const execArgv = [...process.execArgv, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
    const child = fork(script, [JSON.stringify(storage), TRAINER_KEY], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const first = await new Promise<ServerMessage>((resolve, reject) => {
      child.once('message', (message: ServerMessage) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before it was ready`)));
    });
    if (first.type !== 'ready') {
      child.kill();
      throw new Error(`the server did not start: ${first.type === 'failed' ? first.message : first.type}`);
    }
    return new ServerProcess(child, first.url);
  }

  private ask(command: ServerCommand): Promise<ServerMessage> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.send(command);
    });
  }

  async usage(): Promise<ServerUsage> {
    const answer = await this.ask({ type: 'mark' });
    if (answer.type !== 'usage') throw new Error(`the server answered ${answer.type} to mark`);
    return answer;
  }

  /** Stops the server (and its storage), then waits for the process to end; killed after 30 s. */
  async stop(): Promise<void> {
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    try {
      await this.ask({ type: 'stop' });
      await this.exited;
    } finally {
      clearTimeout(killer);
    }
  }
}

async function trainerPost(url: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${TRAINER_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Runs one phase on a running server: a new session, its dashboards, its trainees. */
async function runPhase(server: ServerProcess, storage: StorageName, phase: PhaseSpec, options: SessionLoadOptions, seed: number): Promise<PhaseFigures> {
  const session = await trainerPost(server.url, '/api/sessions', { name: `Load ${storage} ${phase.name}`, scenarios: SCENARIOS, timers: 'standard', mode: 'self-paced' });
  const sessionId = String(session.id);
  const code = String(session.code);
  const plans = traineePlans(SCENARIOS.map(shippedScenario), options.trainees, phase.plays, `${server.url}/play/`, seed);
  const trainees: TraineeProgress[] = plans.map((plan) => ({ plan, participantId: null, sent: [], seen: Array.from({ length: options.dashboards }, () => 0) }));
  const tracker = new LatencyTracker(trainees, options.dashboards);
  const streams: DashboardStream[] = [];
  for (let d = 0; d < options.dashboards; d++) {
    streams.push(await openDashboardStream(`${server.url}/api/sessions/${sessionId}/events`, TRAINER_KEY, (event) => tracker.hear(d, event)));
  }
  await Promise.all(streams.map((s) => s.snapshot));

  const posted = { statements: 0, decisions: 0, posts: 0, plays: 0, finishedPlays: 0, participants: 0 };
  const failures: string[] = [];
  const ack: number[] = [];
  const joins: number[] = [];
  const random = mulberry32(seed);
  const wait = (): number => (phase.thinkMs ? phase.thinkMs[0] + random() * (phase.thinkMs[1] - phase.thinkMs[0]) : 0);
  // Drawn now, in trainee order, so each run waits the same.
  const waits = trainees.map((t) => t.plan.posts.map(wait));

  const clientLoop = monitorEventLoopDelay({ resolution: 5 });
  await server.usage();
  clientLoop.enable();
  const started = performance.now();
  let deadline = started + phase.capMs;
  let joinsSettled = 0;
  let everyoneJoined = (): void => {};
  const allJoined = new Promise<void>((resolve) => (everyoneJoined = resolve));
  const joinSettled = (): void => {
    if (++joinsSettled < options.trainees) return;
    if (phase.start === 'together') deadline = performance.now() + phase.capMs;
    everyoneJoined();
  };
  let firstDecision = Infinity;
  let lastAnswer = started;
  let stopped: PhaseFigures['stopped'] = 'finished';

  const play = async (progress: TraineeProgress, index: number): Promise<void> => {
    await sleep((index * options.joinRampMs) / options.trainees);
    const joinedAt = performance.now();
    let joined: Response;
    try {
      joined = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name: progress.plan.name }) });
    } catch (error) {
      failures.push(`join: ${error instanceof Error ? error.message : String(error)}`);
      joinSettled();
      return;
    }
    if (joined.status !== 201) {
      failures.push(`join ${joined.status}: ${await joined.text()}`);
      joinSettled();
      return;
    }
    const { participantId, token } = (await joined.json()) as { participantId: string; token: string };
    joins.push(performance.now() - joinedAt);
    joinSettled();
    posted.participants++;
    progress.participantId = participantId;
    tracker.joined(progress);
    const authorization = `Basic ${Buffer.from(`${participantId}:${token}`).toString('base64')}`;
    if (phase.start === 'together') await allJoined;
    for (const [i, post] of progress.plan.posts.entries()) {
      const pause = waits[index]![i]!;
      if (pause > 0) await sleep(pause);
      if (performance.now() > deadline) {
        stopped = 'cap';
        return;
      }
      const at = performance.now();
      if (post.decision) {
        firstDecision = Math.min(firstDecision, at);
        tracker.sending(progress, post.decision, at);
      }
      const statements = post.statements(new Date());
      let status: number;
      try {
        const response = await fetch(`${server.url}/xapi/statements`, {
          method: 'POST',
          headers: { Authorization: authorization, 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
          body: JSON.stringify(post.count === 1 ? statements[0] : statements),
        });
        status = response.status;
        const text = await response.text();
        if (status !== 200) failures.push(`statements ${status}: ${text.slice(0, 200)}`);
      } catch (error) {
        failures.push(`statements: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      lastAnswer = Math.max(lastAnswer, performance.now());
      if (status !== 200) return;
      posted.posts++;
      posted.statements += post.count;
      if (post.decision) {
        posted.decisions++;
        ack.push(performance.now() - at);
      }
      if (post.kind === 'initialized') posted.plays++;
      if (post.kind === 'ending') posted.finishedPlays++;
    }
  };
  await Promise.all(trainees.map(play));

  // The last updates are on their way: wait for them (a few seconds at most).
  const drainUntil = performance.now() + 15_000;
  while (tracker.pending > 0 && performance.now() < drainUntil) await sleep(20);
  clientLoop.disable();
  const usage = await server.usage();
  for (const stream of streams) stream.close();
  const count = (name: string): number => streams.reduce((n, s) => n + (s.counts.get(name) ?? 0), 0);
  return {
    storage,
    phase,
    sessionId,
    trainees: options.trainees,
    dashboards: options.dashboards,
    posted,
    failures,
    seconds: (lastAnswer - Math.min(firstDecision, lastAnswer)) / 1000,
    ackMs: summary(ack),
    joinMs: summary(joins),
    rosterMs: summary(tracker.roster),
    distributionMs: summary(tracker.distribution),
    unseen: tracker.pending,
    events: { roster: count('roster'), distribution: count('distribution'), megabytes: streams.reduce((n, s) => n + s.bytes(), 0) / 1e6 },
    server: usage,
    clientLoopP99Ms: clientLoop.percentile(99) / 1e6,
    stopped,
  };
}

/** What the storage holds for a session, read through the store after the server stopped. */
interface StoredRows {
  statements: number;
  plays: number;
  finishedPlays: number;
  decisions: number;
  participants: number;
}

async function storedRows(client: SqlClient, sessionId: string): Promise<StoredRows> {
  const store = await SqlSessionStore.open(client);
  const [plays, decisions, roster] = await Promise.all([store.plays(sessionId), store.decisions(sessionId), store.roster(sessionId)]);
  // The store has no reader for raw statements (nothing in the app needs one): counted with one query on the same connection.
  const [row] = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM statements WHERE session_id = $1', [sessionId]);
  return { statements: row!.n, plays: plays.length, finishedPlays: plays.filter((p) => p.finishedAt !== null).length, decisions: decisions.length, participants: roster.length };
}

/** A storage to run on, or why it is skipped. */
interface PreparedStorage {
  choice: StorageChoice;
  open(): Promise<SqlClient>;
  cleanUp(): Promise<void>;
}

async function prepareStorage(name: StorageName): Promise<PreparedStorage | string> {
  if (name === 'PGlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-load-'));
    return { choice: { dataDir: dir }, open: () => openPgliteClient(dir), cleanUp: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  let database: ThrowawayDatabase;
  try {
    database = await throwawayDatabase();
  } catch (error) {
    return `PostgreSQL is not reachable on this machine, so it was skipped (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`;
  }
  return { choice: { databaseUrl: database.url }, open: () => Promise.resolve(openPostgresClient(database.url, 2).client), cleanUp: () => database.drop() };
}

/** One storage's figures, with the rows check. */
export interface StorageFigures {
  storage: StorageName;
  phases: { figures: PhaseFigures; stored: StoredRows }[];
}

/** Runs every phase on one storage; a string when the storage was skipped. */
export async function runStorage(name: StorageName, options: SessionLoadOptions, log: (line: string) => void): Promise<StorageFigures | string> {
  const prepared = await prepareStorage(name);
  if (typeof prepared === 'string') return prepared;
  try {
    const server = await ServerProcess.start(prepared.choice, options.profileDir);
    const measured: PhaseFigures[] = [];
    try {
      for (const [i, phase] of options.phases.entries()) {
        log(`${name}, ${phase.name}: ${options.trainees} trainees, ${options.dashboards} dashboards…`);
        const figures = await runPhase(server, name, phase, options, options.seed + i);
        log(`  ${figures.posted.decisions} decisions in ${figures.seconds.toFixed(1)} s, post to dashboard p95 ${figures.rosterMs.p95.toFixed(0)} ms`);
        measured.push(figures);
      }
    } finally {
      await server.stop();
    }
    // Reopened after the server stopped: what a restart would find.
    const client = await prepared.open();
    try {
      const phases = [];
      for (const figures of measured) phases.push({ figures, stored: await storedRows(client, figures.sessionId) });
      return { storage: name, phases };
    } finally {
      await client.close();
    }
  } finally {
    await prepared.cleanUp();
  }
}

const ms = (n: number): string => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const thousands = (n: number): string => n.toLocaleString('en-GB');

function rowsCheck(figures: PhaseFigures, stored: StoredRows): { ok: boolean; text: string } {
  const pairs: [string, number, number][] = [
    ['statements', figures.posted.statements, stored.statements],
    ['decisions', figures.posted.decisions, stored.decisions],
    ['plays', figures.posted.plays, stored.plays],
    ['finished', figures.posted.finishedPlays, stored.finishedPlays],
    ['participants', figures.posted.participants, stored.participants],
  ];
  const wrong = pairs.filter(([, posted, rows]) => posted !== rows);
  if (wrong.length === 0) return { ok: true, text: `yes (${thousands(stored.statements)} statements, ${thousands(stored.decisions)} decisions)` };
  return { ok: false, text: `**no**: ${wrong.map(([what, posted, rows]) => `${what} ${posted} posted, ${rows} stored`).join('; ')}` };
}

/** The markdown section, "## Live sessions: load". */
export function sessionLoadMarkdown(
  results: (StorageFigures | { skipped: StorageName; why: string })[],
  options: SessionLoadOptions,
  context: { date: string; loadBefore: number[]; loadAfter: number[]; minutes: number; costs: OperationCost[] | null },
): string {
  const cpu = cpus();
  const lines: string[] = ['## Live sessions: load', ''];
  lines.push(
    `Measured by \`bench/session-load.ts\` on ${context.date}: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, loopback. ` +
      `The server runs in a child process (as \`tactful serve\` does, default settings: updates coalesced over 25 ms), so the trainees and dashboards, which stand for other devices, never run on its event loop; both processes share the same ${cpu.length} cores. ` +
      `Load average (1 min) at start / end: ${context.loadBefore[0]!.toFixed(1)} / ${context.loadAfter[0]!.toFixed(1)} (the machine is shared with other work). ${context.minutes.toFixed(1)} min in all.`,
    '',
    `Per phase: a new self-paced session (${SCENARIOS.join(', ')}), ${options.dashboards} dashboards on its live stream, then ${options.trainees} trainees join (\`POST /api/join\`, spread over ${options.joinRampMs / 1000} s) and play shipped scenarios with seeded random replies, ` +
      'posting the statements the game makes (its own builders) as its outbox does: one POST at a time, in order (`initialized`; one `answered` per decision; `passed`/`failed` with `completed`), HTTP Basic `participantId:token`. ' +
      `*Room pace*: each trainee plays one scenario from the moment it has joined, waiting a random ${options.phases.find((p) => p.thinkMs)?.thinkMs?.map((t) => t / 1000).join('–') ?? '?'} s before each POST (a real trainee reads each line and its replies first, and usually takes longer). *Flat out*: once all have joined, each plays both scenarios with no wait, the next POST as soon as the last is answered (the ceiling). Each phase stops at its plays or at its time cap.`,
    '',
    '*Post to dashboard* (per decision and dashboard): from the start of the POST of the decision\'s `answered` statement to that dashboard reading the first `roster` update whose entry for the trainee has reached that decision (its latest play\'s `decisions`); *to distribution*: to the first `distribution` update for that decision point read at or after it (read from the database after that roster, so it certainly counts the decision: an upper bound). *Answered in*: the POST\'s round trip. *Decisions/s*: decisions acknowledged ÷ time from the first decision\'s POST to the last answer. *Rows stored = posted*: after the server stopped, the storage reopened through the store (plays, decisions, roster; statements counted in SQL) holds exactly what the server acknowledged.',
    '',
    '| storage | phase | decisions (statements) | time | decisions/s | post to dashboard p50 / p95 / p99 / max | to distribution p50 / p95 / p99 | answered in p50 / p95 | server CPU | server loop delay p99 | rows stored = posted |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  const notes: string[] = [];
  const shares: string[] = [];
  let target: string | null = null;
  let busiest = 0;
  const unit = (prefix: string): number => context.costs?.filter((c) => c.operation.startsWith(prefix)).reduce((n, c) => n + c.cpuMs, 0) ?? NaN;
  for (const result of results) {
    if ('skipped' in result) {
      lines.push(`| ${result.skipped} | skipped | | | | | | | | | ${result.why} |`);
      continue;
    }
    for (const { figures: f, stored } of result.phases) {
      const check = rowsCheck(f, stored);
      busiest = Math.max(busiest, f.server.cpuMs / f.server.elapsedMs);
      lines.push(
        `| ${f.storage} | ${f.phase.name}${f.stopped === 'cap' ? ` (cap ${f.phase.capMs / 1000} s)` : ''} | ${thousands(f.posted.decisions)} (${thousands(f.posted.statements)}) | ${f.seconds.toFixed(1)} s | **${(f.posted.decisions / f.seconds).toFixed(0)}** | ` +
          `${ms(f.rosterMs.p50)} / **${ms(f.rosterMs.p95)}** / ${ms(f.rosterMs.p99)} / ${ms(f.rosterMs.max)} ms | ${ms(f.distributionMs.p50)} / ${ms(f.distributionMs.p95)} / ${ms(f.distributionMs.p99)} ms | ${ms(f.ackMs.p50)} / ${ms(f.ackMs.p95)} ms | ` +
          `${((100 * f.server.cpuMs) / f.server.elapsedMs).toFixed(0)}% of a core | ${ms(f.server.loopDelayMs.p99)} ms | ${check.text} |`,
      );
      const problems = [
        f.failures.length > 0 ? `${f.failures.length} failed requests (first: ${f.failures[0]})` : '',
        f.unseen > 0 ? `${f.unseen} decision × dashboard updates never seen` : '',
        f.server.errors > 0 ? `${f.server.errors} server errors` : '',
      ].filter(Boolean);
      notes.push(
        `${f.storage}, ${f.phase.name}: ${thousands(f.posted.participants)} joins (answered in p50 ${ms(f.joinMs.p50)} / p95 ${ms(f.joinMs.p95)} ms), ${thousands(f.posted.plays)} plays (${thousands(f.posted.finishedPlays)} finished); ` +
          `the dashboards read ${thousands(f.events.roster)} roster and ${thousands(f.events.distribution)} distribution updates (${f.events.megabytes.toFixed(0)} MB); load process loop delay p99 ${ms(f.clientLoopP99Ms)} ms; server RSS ${f.server.rssMB.toFixed(0)} MB` +
          (problems.length > 0 ? `; **${problems.join('; ')}**` : '') +
          '.',
      );
      if (f.storage === 'PGlite' && context.costs) {
        // PGlite runs on the server's thread: its whole CPU time is the server's (not so with PostgreSQL's own processes).
        // Each update is read once and shared by every dashboard (live/session-updates.ts): reads = events ÷ dashboards, at least one trainee's entry each.
        const roster = (f.events.roster / options.dashboards) * unit('roster update: ');
        const distribution = (f.events.distribution / options.dashboards) * unit('distribution update');
        const posts = f.posted.posts * (unit('token check') + unit('store one decision'));
        const share = (part: number): string => `${((100 * part) / f.server.cpuMs).toFixed(0)}%`;
        shares.push(
          `${f.phase.name}: the server used ${(f.server.cpuMs / 1000).toFixed(0)} s of CPU; roster updates (the changed trainees' entries and the totals, read once for all ${options.dashboards} dashboards) ≈ ${(roster / 1000).toFixed(1)} s (${share(roster)}), ` +
            `distribution updates ≈ ${(distribution / 1000).toFixed(1)} s (${share(distribution)}), checking tokens and storing the ${thousands(f.posted.posts)} POSTs ≈ ${(posts / 1000).toFixed(0)} s (${share(posts)})`,
        );
      }
      if (f.storage === 'PGlite' && f.phase.thinkMs && f.trainees >= SESSION_LOAD_TARGET.trainees) {
        const met = f.rosterMs.p95 < SESSION_LOAD_TARGET.p95Ms && check.ok && f.unseen === 0;
        target = `Target: p95 post to dashboard under ${SESSION_LOAD_TARGET.p95Ms} ms at ${SESSION_LOAD_TARGET.trainees} trainees, embedded storage (room pace): ${ms(f.rosterMs.p95)} ms, **${met ? 'met' : 'missed'}**.`;
      }
    }
  }
  lines.push('');
  for (const note of notes) lines.push(`- ${note}`);
  if (target) lines.push('', target);
  const cores = cpus().length;
  if (Math.max(context.loadBefore[0]!, context.loadAfter[0]!) > cores) {
    lines.push(
      '',
      `The load average was above the ${cores} cores: other work held the CPU, and the server never had more than ${(100 * busiest).toFixed(0)}% of a core in any phase, so the times above (wall clock) are inflated by waiting for the CPU. The CPU costs below do not depend on it.`,
    );
  }
  if (context.costs) {
    lines.push(
      '',
      '### Where the server\'s time goes',
      '',
      `CPU time of each operation on the embedded store holding a session of ${options.trainees} trainees who have each made a few decisions (bench/session-load-costs.ts; CPU time rather than wall time, so it holds on a busy machine). PGlite runs on the server's own thread: while it works, nothing else is served.`,
      '',
      operationCostsMarkdown(context.costs, options.trainees),
      '',
      `Those costs times the operations counted above (at the full roster: an upper bound while trainees are still joining), for PGlite: ${shares.join('; ')}.`,
    );
  }
  return lines.join('\n');
}

/** Runs the benchmark on every storage and returns the markdown section. */
export async function runSessionLoadBench(options: Partial<SessionLoadOptions> = {}, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<string> {
  const settings = { ...DEFAULT_SESSION_LOAD, ...options };
  const loadBefore = loadavg();
  const began = performance.now();
  const results: (StorageFigures | { skipped: StorageName; why: string })[] = [];
  for (const storage of settings.storages) {
    const result = await runStorage(storage, settings, log);
    if (typeof result === 'string') {
      log(result);
      results.push({ skipped: storage, why: result });
    } else results.push(result);
  }
  const loadAfter = loadavg();
  const minutes = (performance.now() - began) / 60_000;
  if (settings.costs) log(`Costs of the server's operations at ${settings.trainees} trainees…`);
  const costs = settings.costs ? await measureOperationCosts(settings.trainees) : null;
  return sessionLoadMarkdown(results, settings, { date: new Date().toISOString().slice(0, 10), loadBefore, loadAfter, minutes, costs });
}

/** `--name value` from the command line. */
function argument(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The options given on the command line (anything not given keeps its default). */
export function sessionLoadOptions(args: readonly string[]): SessionLoadOptions {
  const options = structuredClone(DEFAULT_SESSION_LOAD);
  const trainees = argument(args, 'trainees');
  const dashboards = argument(args, 'dashboards');
  const think = argument(args, 'think');
  const storages = argument(args, 'storages');
  const phases = argument(args, 'phases');
  if (trainees) options.trainees = Number(trainees);
  if (dashboards) options.dashboards = Number(dashboards);
  if (think) {
    const [min, max] = think.split('-').map(Number);
    for (const phase of options.phases) if (phase.thinkMs) phase.thinkMs = [min!, max ?? min!];
  }
  if (storages) options.storages = storages.split(',').map((s) => (/^pglite$/i.test(s) ? 'PGlite' : 'PostgreSQL'));
  if (phases) options.phases = options.phases.filter((p) => phases.split(',').some((name) => p.name.startsWith(name)));
  options.profileDir = argument(args, 'profile') ?? null;
  options.costs = !args.includes('--no-costs');
  if (!(options.trainees > 0) || !(options.dashboards > 0)) throw new Error('--trainees and --dashboards must be positive numbers');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const markdown = await runSessionLoadBench(sessionLoadOptions(process.argv.slice(2)));
  process.stdout.write(`${markdown}\n`);
}
