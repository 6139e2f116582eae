/**
 * The studio's preview (preview.html), shown in a frame of the studio's
 * Play panel: the game's real conversation scene and styles, playing the
 * trainer's text from the start or any node. It talks to the studio only
 * through `postMessage` (preview-protocol.ts), with messages from its
 * parent on the same origin; everything else is ignored. Nothing a
 * preview plays is recorded.
 */
import '../game/ui/styles.css';
import './preview.css';
import { config as zodConfig } from 'zod/mini';

// Zod probes for eval (new Function) when a schema is built, and the page's Content-Security-Policy forbids eval.
// The scenario loader builds its schemas as its modules load, so the rest of the page is imported only after this
// (static imports would all run first). The game does the same: its loader comes later, in the library's chunk.
zodConfig({ jitless: true });
import('./preview-page.ts').then(
  (page) => page.startPreviewPage(),
  () => {
    const note = document.createElement('p');
    note.className = 'preview-message';
    note.textContent = 'The preview could not load. Reload the studio to try again.';
    document.getElementById('ui')?.append(note);
  },
);
