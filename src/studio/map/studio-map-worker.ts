/**
 * The map's layout worker: ELK's layered layout, elkjs's `elk-worker`
 * build (ELK compiled from Java by GWT). Imported for its effect: outside a
 * document it answers elkjs's `elk-api` messages itself (`self.onmessage`).
 * Bundled as a same-origin module worker so the page's CSP (`worker-src
 * 'self'`, no eval, no blob:) allows it; its name starts with "studio-" so
 * its chunk stays out of the game's offline copy. See docs/studio.md, "Map".
 */
import 'elkjs/lib/elk-worker.min.js';
