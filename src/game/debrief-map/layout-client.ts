import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutEngine } from '../../map/map-layout.ts';

/** What the ELK worker answers: the laid-out graph, or what went wrong. */
interface Answer {
  id: number;
  data?: unknown;
  error?: unknown;
}

/**
 * ELK's layout in the debrief's worker (debrief-layout-worker.ts). It speaks
 * elkjs's worker messages itself (`register`, then `layout`) rather than
 * through elkjs's `elk-api`: the build puts every elkjs module in the
 * studio's vendor chunk (with the editor), which the game must never reach.
 * The worker starts on the first layout and stays for the visit's next debriefs.
 */
export function workerLayout(failed: (message: string) => void): LayoutEngine {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const send = (message: object): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker!.postMessage({ ...message, id });
    });
  const start = (): Worker => {
    const started = new Worker(new URL('./debrief-layout-worker.ts', import.meta.url), { type: 'module', name: 'debrief-layout' });
    started.addEventListener('message', (event: MessageEvent<Answer>) => {
      const answer = event.data;
      const pending = waiting.get(answer.id);
      if (!pending) return;
      waiting.delete(answer.id);
      if (answer.error === undefined) pending.resolve(answer.data);
      else pending.reject(new Error(errorText(answer.error)));
    });
    started.addEventListener('error', (event) => {
      const message = event.message || 'the layout worker failed to start';
      failed(message);
      for (const pending of waiting.values()) pending.reject(new Error(message));
      waiting.clear();
      // The next debrief starts a fresh worker rather than waiting on this one.
      started.terminate();
      if (worker === started) worker = undefined;
    });
    return started;
  };
  return async (graph: ElkNode): Promise<ElkNode> => {
    if (!worker) {
      worker = start();
      // The worker knows no layout algorithm until told; the map only uses the layered one.
      // A failed registration fails the layout after it, which says so.
      send({ cmd: 'register', algorithms: ['layered'] }).catch(() => undefined);
    }
    return (await send({ cmd: 'layout', graph, layoutOptions: {}, options: {} })) as ElkNode;
  };
}

/** ELK's errors come back as plain objects (GWT exceptions, cloned): their message, whatever its field. */
function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  const e = error as { message?: unknown } | null;
  return typeof e?.message === 'string' ? e.message : 'the layout failed';
}
