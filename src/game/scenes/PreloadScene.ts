import Phaser from 'phaser';
import { addNotice, deepLinkedScenario, playHistory } from '../app.ts';
import { menuEntries, loadLibrary } from '../content/index.ts';
import { h } from '../ui/dom.ts';
import { openOrShowError } from '../ui/error-screen.ts';
import { mountScreen } from '../ui/screen.ts';
import { Backdrop } from '../stage/backdrop.ts';
import { loadFaces } from '../stage/face.ts';
import { COLOURS } from '../stage/palette.ts';
import { fitStage, slotRect } from '../stage/viewport.ts';

/**
 * Boot and preload in one scene (the first): it loads what the first screen needs, with a progress bar (on the canvas,
 * and an accessible progressbar in the DOM), then opens it. The menu needs
 * nothing beyond the page's own code, so it opens at once; a
 * `?scenario=<id>` link first loads the engine chunk and the customer's
 * faces. Sounds are never on this path: they can't play before the
 * player's first input anyway, so they load in the background.
 */
export class PreloadScene extends Phaser.Scene {
  private bar?: (value: number) => void;

  constructor() {
    super('Preload');
  }

  create(): void {
    performance.mark('tactful:preload');
    new Backdrop(this, true);
    // Opens the history store early; a failure shows on the screen that needs it (menu, briefing).
    playHistory().catch(() => undefined);
    const wanted = deepLinkedScenario();
    if (wanted === null) {
      fitStage(this.game, []);
      this.scene.start('Menu');
      return;
    }
    this.showProgress();
    openOrShowError(this, () => this.openDeepLink(wanted));
  }

  private showProgress(): void {
    // The bar is drawn on the canvas over an empty DOM slot that carries the accessible progressbar role.
    const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Loading the scenario', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0 });
    mountScreen('loading', [h('main', { class: 'loading', id: 'main' }, h('p', {}, 'Loading…'), bar)], null);
    fitStage(this.game, [bar], 0);
    const gfx = this.add.graphics();
    this.bar = (value: number): void => {
      const slot = slotRect(bar);
      if (!slot) return;
      const { x, y, width: w, height: barH } = slot;
      gfx.clear();
      gfx.fillStyle(COLOURS.track, 1);
      gfx.fillRoundedRect(x, y, w, barH, barH / 2);
      gfx.fillStyle(COLOURS.brand, 1);
      if (value > 0) gfx.fillRoundedRect(x, y, Math.max(barH, w * value), barH, barH / 2);
      bar.setAttribute('aria-valuenow', String(Math.round(value * 100)));
    };
    this.bar(0.05);
  }

  private async openDeepLink(wanted: string): Promise<void> {
    const entry = menuEntries.find((e) => e.id === wanted);
    if (entry && entry.errors.length > 0) {
      addNotice(`“${entry.title}” has errors and can't be played yet; its card below lists them.`);
      this.scene.start('Menu');
      return;
    }
    // Unknown to the menu index: it may still be one a test added through the development hook.
    const lib = await loadLibrary();
    this.bar?.(0.5);
    const compiled = lib.get(wanted)?.compiled;
    if (!compiled) {
      addNotice(`There is no scenario called “${wanted}”. Pick one of the scenarios below.`);
      this.scene.start('Menu');
      return;
    }
    await loadFaces(this, compiled.scenario.customer.avatar, (p) => this.bar?.(0.5 + p / 2));
    this.scene.start('Briefing', { id: wanted });
  }
}
