/**
 * What each piece of the session server's work costs at the load test's
 * size, measured in CPU time so the figure holds on a busy machine (where
 * wall times of the load test swing with other work): the embedded store
 * (PGlite, in a temporary folder, as `tactful serve` runs it) filled with
 * a session of 300 trainees who each made a play's decisions, then each
 * operation repeated. PGlite runs on the server's own thread, so its CPU
 * time is time the server's event loop cannot serve anyone else.
 *
 * Run alone: `npx tsx bench/session-load-costs.ts`; `runSessionCostBench()`
 * is called by bench/session-load.ts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distributionView, rosterEntryView, rosterView } from '../src/server/api/views.ts';
import { ScenarioLibrary } from '../src/server/scenario-library.ts';
import { secretHash } from '../src/server/secrets.ts';
import type { ReceivedStatement } from '../src/server/statements/received-statement.ts';
import { statementFingerprint } from '../src/server/statements/statement-fingerprint.ts';
import { statementMeaning } from '../src/server/statements/statement-meaning.ts';
import type { Participant } from '../src/server/storage/session-store.ts';
import { openPgliteClient } from '../src/server/storage/pglite-client.ts';
import { SqlSessionStore } from '../src/server/storage/sql-session-store.ts';
import { shippedScenario } from '../tests/unit/server/support/played-statements.ts';
import { traineePlans, type TraineePlan } from './session-load-plays.ts';

/** One operation's cost. */
export interface OperationCost {
  operation: string;
  /** CPU time per call (this process: JavaScript and PGlite's WebAssembly). */
  cpuMs: number;
  wallMs: number;
  calls: number;
}

/** Repeats `work` and returns its mean CPU and wall time per call. */
async function cost(operation: string, calls: number, work: (i: number) => Promise<unknown>): Promise<OperationCost> {
  const wallAt = performance.now();
  const cpuAt = process.cpuUsage();
  for (let i = 0; i < calls; i++) await work(i);
  const cpu = process.cpuUsage(cpuAt);
  return { operation, cpuMs: (cpu.user + cpu.system) / 1000 / calls, wallMs: (performance.now() - wallAt) / calls, calls };
}

/**
 * Fills a store with `trainees` trainees (each posts a play's statements
 * up to its last decision) and measures the server's operations on it.
 */
export async function measureOperationCosts(trainees = 300): Promise<OperationCost[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tactful-costs-'));
  const client = await openPgliteClient(dir);
  try {
    const store = await SqlSessionStore.open(client);
    const library = ScenarioLibrary.fromFolder(join(import.meta.dirname, '..', 'scenarios'));
    const scenarios = ['worn-once', 'estimated-read'];
    const sessionId = randomUUID();
    await store.createSession({ id: sessionId, code: 'LOADXY', name: 'Costs', scenarios, timers: 'standard', mode: 'self-paced', createdAt: new Date() });
    const plans = traineePlans(scenarios.map(shippedScenario), trainees, 1, 'http://127.0.0.1/play/', 7);
    const people: { participant: Participant; plan: TraineePlan; tokenHash: string }[] = [];
    for (const plan of plans) {
      const tokenHash = secretHash(randomUUID());
      const participant = await store.addParticipant({ id: randomUUID(), sessionId, name: plan.name, tokenHash, joinedAt: new Date() });
      people.push({ participant, plan, tokenHash });
    }
    /** Posts a trainee's `k`-th POST as the statements route does: fingerprint, meaning, one transaction. */
    const record = (i: number, k: number): Promise<unknown> => {
      const { participant, plan } = people[i % people.length]!;
      const at = new Date();
      const statements = plan.posts[k]!.statements(at) as unknown as ReceivedStatement[];
      return store.recordStatements(participant, statements.map((statement) => ({ statement, fingerprint: statementFingerprint(statement), meaning: statementMeaning(statement, at) })), at);
    };
    // Everyone has started and made all but their last decision: the roster is as full as in the load test.
    for (let k = 0; k < 3; k++) for (let i = 0; i < people.length; i++) await record(i, k);
    const point = { scenario: 'worn-once', node: shippedScenario('worn-once').scenario.start };
    const n = people.length;
    return [
      await cost('token check (participantByToken)', n, (i) => store.participantByToken(people[i]!.tokenHash)),
      await cost('store one decision (recordStatements: statement, play, decision)', n, (i) => record(i, 3)),
      await cost(`whole roster (${n}) + totals, as JSON: a snapshot (and, before the shared updates, every roster update of every dashboard)`, 20, async () => {
        const [roster, totals] = await Promise.all([store.roster(sessionId), store.totals(sessionId)]);
        return JSON.stringify({ roster: rosterView(roster, library), totals });
      }),
      await cost('  of which the roster query', 20, () => store.roster(sessionId)),
      await cost('distribution update for one decision point (as JSON)', 50, async () => JSON.stringify({ distribution: distributionView(await store.replyCounts(sessionId, point), library)[0] })),
      // What a roster update reads now (live/session-updates.ts): the entry of the trainee who moved, and the totals.
      await cost('roster update: one trainee\'s entry (rosterEntry), as JSON', n, async (i) => {
        const entry = await store.rosterEntry(sessionId, people[i]!.participant.id);
        return JSON.stringify(entry && rosterEntryView(entry, library));
      }),
      await cost('roster update: totals', 50, () => store.totals(sessionId)),
    ];
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The costs as a markdown table. */
export function operationCostsMarkdown(costs: readonly OperationCost[], trainees: number): string {
  return [
    `| operation (PGlite, ${trainees} trainees) | CPU per call | wall per call |`,
    '| --- | ---: | ---: |',
    ...costs.map((c) => `| ${c.operation} | ${c.cpuMs.toFixed(1)} ms | ${c.wallMs.toFixed(1)} ms |`),
  ].join('\n');
}

/** Measures and returns the table. */
export async function runSessionCostBench(trainees = 300): Promise<string> {
  return operationCostsMarkdown(await measureOperationCosts(trainees), trainees);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await runSessionCostBench()}\n`);
}
