import ELK from 'elkjs/lib/elk-api.js';
import type { LayoutEngine } from '../../map/map-layout.ts';

/**
 * ELK's layout in a Web Worker: elkjs's `elk-api` on the page talks to its
 * `elk-worker` build in `studio-map-worker.ts`, so a layout of a big map
 * never blocks typing. `workerFactory` (documented beside `workerUrl`)
 * lets the bundler emit the worker as a same-origin chunk: no blob: URL,
 * no eval, as the page's CSP requires.
 */
export function workerLayoutEngine(failed: (message: string) => void): LayoutEngine {
  const elk = new ELK({
    workerFactory: () => {
      const worker = new Worker(new URL('./studio-map-worker.ts', import.meta.url), { type: 'module', name: 'studio-map' });
      worker.addEventListener('error', (event) => failed(event.message || 'the layout worker failed to start'));
      return worker;
    },
  });
  return (graph) => elk.layout(graph);
}
