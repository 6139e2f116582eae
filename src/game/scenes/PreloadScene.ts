import Phaser from 'phaser';
import { SOUND_FILES, sounds, type SoundName } from '../audio.ts';
import { addNotice, deepLinkedScenario, playHistory } from '../app.ts';
import { menuEntries, loadLibrary } from '../content/index.ts';
import { h } from '../ui/dom.ts';
import { mountScreen } from '../ui/screen.ts';
import { Backdrop } from '../stage/backdrop.ts';
import { COLOURS } from '../stage/palette.ts';

/**
 * Loads the game's assets with a progress bar (canvas, plus an accessible
 * progressbar in the DOM), then opens the menu, or the briefing a
 * `?scenario=<id>` link asks for.
 */
export class PreloadScene extends Phaser.Scene {
  constructor() {
    super('Preload');
  }

  preload(): void {
    new Backdrop(this, true);
    const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Loading Tactful', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0 });
    mountScreen('loading', [h('main', { class: 'loading', id: 'main' }, h('p', {}, 'Loading…'), bar)], null);

    const gfx = this.add.graphics();
    const draw = (value: number): void => {
      const { width, height } = this.scale;
      const w = Math.min(width * 0.6, 420 * (window.devicePixelRatio || 1));
      const barH = Math.max(8, height * 0.012);
      const x = (width - w) / 2;
      const y = height * 0.72;
      gfx.clear();
      gfx.fillStyle(COLOURS.track, 1);
      gfx.fillRoundedRect(x, y, w, barH, barH / 2);
      gfx.fillStyle(COLOURS.brand, 1);
      if (value > 0) gfx.fillRoundedRect(x, y, Math.max(barH, w * value), barH, barH / 2);
      bar.setAttribute('aria-valuenow', String(Math.round(value * 100)));
    };
    draw(0);
    this.load.on('progress', draw);

    for (const [name, url] of Object.entries(SOUND_FILES)) this.load.binary(`sound:${name}`, url);
    this.load.on('filecomplete', (key: string, _type: string, data: ArrayBuffer) => {
      if (key.startsWith('sound:')) sounds().provide(key.slice(6) as SoundName, data);
    });
    // Start opening the history store and fetching the engine while the sounds load.
    void playHistory();
  }

  create(): void {
    const wanted = deepLinkedScenario();
    if (wanted === null) {
      this.scene.start('Menu');
      return;
    }
    const entry = menuEntries.find((e) => e.id === wanted);
    if (entry && entry.errors.length === 0) {
      this.scene.start('Briefing', { id: wanted });
      return;
    }
    if (entry) {
      addNotice(`“${entry.title}” has errors and can't be played yet; its card below lists them.`);
      this.scene.start('Menu');
      return;
    }
    // Not a shipped scenario: it may be one a development test added, so ask the full library.
    void loadLibrary().then((lib) => {
      const extra = lib.byId.get(wanted);
      if (extra?.compiled) this.scene.start('Briefing', { id: wanted });
      else {
        addNotice(`There is no scenario called “${wanted}”. Pick one of the scenarios below.`);
        this.scene.start('Menu');
      }
    });
  }
}
