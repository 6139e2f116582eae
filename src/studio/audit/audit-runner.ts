import type { AuditAnswer, AuditRequest } from './audit-protocol.ts';

/** The part of a Worker the runner uses (a real Worker, or a stand-in in tests). */
export interface AuditWorker {
  postMessage(message: AuditRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AuditAnswer>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/**
 * Runs audits in a worker, the newest request first: an audit runs start to
 * end without yielding (seconds on a big file), so when a new request comes
 * in while one is running, that worker is terminated and a fresh one started
 * rather than queueing behind it. Answers to older requests are dropped.
 */
export class AuditRunner {
  private worker: AuditWorker | undefined;
  private version = 0;
  private busy = false;

  /**
   * @param startWorker makes a new audit worker.
   * @param answered hears the answer to the newest request only.
   */
  constructor(
    private readonly startWorker: () => AuditWorker,
    private readonly answered: (answer: AuditAnswer) => void,
  ) {}

  /** True while an audit is running. */
  get running(): boolean {
    return this.busy;
  }

  /** Audits `text` as the file `file`; supersedes any audit still running. Returns the request's version. */
  run(file: string, text: string): number {
    if (this.busy && this.worker) {
      this.worker.terminate();
      this.worker = undefined;
    }
    const worker = (this.worker ??= this.started());
    this.busy = true;
    const version = ++this.version;
    worker.postMessage({ kind: 'audit', version, file, text });
    return version;
  }

  private started(): AuditWorker {
    const worker = this.startWorker();
    worker.addEventListener('message', (event) => {
      if (worker !== this.worker || event.data.version !== this.version) return;
      this.busy = false;
      this.answered(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (worker !== this.worker) return;
      // A worker that failed to start (or threw outside the audit) answers nothing: the next run starts a new one.
      this.busy = false;
      this.worker = undefined;
      worker.terminate();
      this.answered({ kind: 'failed', version: this.version, message: event.message || 'the audit worker failed to start' });
    });
    return worker;
  }
}
