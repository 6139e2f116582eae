import techniquesYaml from '../../scenarios/techniques.yaml?raw';
import { buildCatalogue } from '../scenario/index.ts';
import { drawBackdrop } from '../game/stage/backdrop.ts';
import { settings } from '../game/settings.ts';
import { openOrShowError } from '../game/ui/error-screen.ts';
import { keepStudioFocus } from './keep-studio-focus.ts';
import { isStudioToPreview, type PreviewToStudio } from './preview-protocol.ts';
import { PreviewPlayer } from './preview-player.ts';

/**
 * Starts the preview page: the shop backdrop, a line saying what to do,
 * and a listener for the studio's requests. Only messages from the page
 * that framed this one, on this origin, are heard; then `ready` is sent.
 */
export function startPreviewPage(): void {
  keepStudioFocus();
  document.documentElement.classList.toggle('reduced-motion', settings().reducedMotion);
  const tell = (message: PreviewToStudio): void => {
    if (window.parent !== window) window.parent.postMessage(message, location.origin);
  };
  const player = new PreviewPlayer(buildCatalogue(techniquesYaml).catalogue, tell);

  drawBackdrop(false);
  window.addEventListener('resize', () => drawBackdrop(false));
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== location.origin || event.source !== window.parent || !isStudioToPreview(event.data)) return;
    const request = event.data;
    // Phaser's chunk failing to load (offline) shows the game's error screen, with Try again, not a blank frame.
    openOrShowError({ key: 'Conversation', active: () => true, retry: () => void player.play(request) }, () => player.play(request));
  });
  player.waiting();
  tell({ kind: 'ready' });
}
