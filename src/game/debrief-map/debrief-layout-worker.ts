/**
 * The debrief map's layout worker: ELK's layered layout (elkjs's
 * `elk-worker` build), the same engine and options as the studio's map.
 * Imported for its effect: outside a document it answers layout messages
 * itself (`self.onmessage`; see layout-client.ts). A same-origin module
 * worker, as the game's CSP allows (`worker-src 'self'`, no eval, no blob:),
 * loaded only once a debrief shows a map, and kept in the offline copy
 * because the game's page reaches it. Its name must not start with
 * "studio-" or say "map-worker": those are the studio's, kept out of the
 * offline copy (tests/e2e/offline.spec.ts).
 */
import 'elkjs/lib/elk-worker.min.js';
