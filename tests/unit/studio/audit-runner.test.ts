import { describe, expect, it } from 'vitest';
import type { AuditAnswer, AuditRequest } from '../../../src/studio/audit/audit-protocol.ts';
import { AuditRunner, type AuditWorker } from '../../../src/studio/audit/audit-runner.ts';

/** A stand-in worker: records what it is asked, and answers when the test says. */
class FakeWorker implements AuditWorker {
  readonly requests: AuditRequest[] = [];
  terminated = false;
  private readonly listeners: { message: ((event: MessageEvent<AuditAnswer>) => void)[]; error: ((event: ErrorEvent) => void)[] } = { message: [], error: [] };

  postMessage(message: AuditRequest): void {
    this.requests.push(message);
  }
  addEventListener(type: 'message' | 'error', listener: ((event: MessageEvent<AuditAnswer>) => void) | ((event: ErrorEvent) => void)): void {
    (this.listeners[type] as unknown[]).push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(request: AuditRequest): void {
    const data: AuditAnswer = { kind: 'lint-errors', version: request.version, errors: 1, first: request.text };
    for (const l of this.listeners.message) l({ data } as MessageEvent<AuditAnswer>);
  }
  fail(message: string): void {
    for (const l of this.listeners.error) l({ message } as ErrorEvent);
  }
}

function setUp(): { runner: AuditRunner; workers: FakeWorker[]; answers: AuditAnswer[] } {
  const workers: FakeWorker[] = [];
  const answers: AuditAnswer[] = [];
  const runner = new AuditRunner(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, (a) => answers.push(a));
  return { runner, workers, answers };
}

describe('the audit runner', () => {
  it('sends the text and file to one worker, and reuses it once it has answered', () => {
    const { runner, workers, answers } = setUp();
    runner.run('scenarios/a.yaml', 'one');
    expect(runner.running).toBe(true);
    expect(workers[0]!.requests).toEqual([{ kind: 'audit', version: 1, file: 'scenarios/a.yaml', text: 'one' }]);
    workers[0]!.answer(workers[0]!.requests[0]!);
    expect(answers).toEqual([{ kind: 'lint-errors', version: 1, errors: 1, first: 'one' }]);
    expect(runner.running).toBe(false);
    runner.run('scenarios/a.yaml', 'two');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.requests[1]).toMatchObject({ version: 2, text: 'two' });
  });

  it('terminates a worker still auditing an older text and starts a fresh one for the newer', () => {
    const { runner, workers, answers } = setUp();
    runner.run('scenarios/a.yaml', 'old');
    runner.run('scenarios/a.yaml', 'new');
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    // Even if the old worker's answer was already on its way, it is not shown.
    workers[0]!.answer(workers[0]!.requests[0]!);
    expect(answers).toEqual([]);
    workers[1]!.answer(workers[1]!.requests[0]!);
    expect(answers).toEqual([expect.objectContaining({ version: 2, first: 'new' })]);
  });

  it('reports a worker that fails as a failed audit, and starts a new worker for the next run', () => {
    const { runner, workers, answers } = setUp();
    runner.run('scenarios/a.yaml', 'one');
    workers[0]!.fail('could not load the chunk');
    expect(answers).toEqual([{ kind: 'failed', version: 1, message: 'could not load the chunk' }]);
    expect(runner.running).toBe(false);
    runner.run('scenarios/a.yaml', 'two');
    expect(workers).toHaveLength(2);
  });
});
