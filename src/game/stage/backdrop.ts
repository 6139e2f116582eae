import type Phaser from 'phaser';
import { COLOURS, PRODUCTS } from './palette.ts';

/**
 * The shop behind every screen: a warm wall, shelves of goods and a counter,
 * drawn once per size with Graphics (no image to download). `quiet` draws a
 * lighter version for text-heavy screens.
 */
export class Backdrop {
  private readonly gfx: Phaser.GameObjects.Graphics;

  constructor(private readonly scene: Phaser.Scene, private readonly quiet = false) {
    this.gfx = scene.add.graphics().setDepth(-10);
    this.draw();
    scene.scale.on('resize', this.draw, this);
    scene.events.once('shutdown', () => scene.scale.off('resize', this.draw, this));
  }

  private draw(): void {
    const { width, height } = this.scene.scale;
    const g = this.gfx;
    g.clear();
    g.fillGradientStyle(COLOURS.wallTop, COLOURS.wallTop, COLOURS.wallBottom, COLOURS.wallBottom, 1, 1, 1, 1);
    g.fillRect(0, 0, width, height);

    const unit = Math.max(12, Math.min(width, height) / 28);
    // Soft light spots from the shop lamps.
    g.fillStyle(0xffffff, 0.35);
    for (let i = 0; i < 4; i++) g.fillCircle(width * (0.12 + i * 0.27), -unit * 2, unit * 9);

    // Shelves with goods, in a fixed pseudo-random pattern so every visit looks the same.
    const alpha = this.quiet ? 0.45 : 0.85;
    const shelfRows = [0.22, 0.42];
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 9301 + 49297) % 233280;
      return seed / 233280;
    };
    for (const row of shelfRows) {
      const y = height * row;
      let x = unit;
      while (x < width - unit) {
        const w = unit * (1.2 + rand() * 1.6);
        const hgt = unit * (1.4 + rand() * 2.2);
        g.fillStyle(PRODUCTS[Math.floor(rand() * PRODUCTS.length)]!, alpha);
        g.fillRoundedRect(x, y - hgt, w, hgt, Math.min(6, w / 4));
        x += w + unit * (0.25 + rand() * 0.6);
        if (rand() < 0.12) x += unit * 3;
      }
      g.fillStyle(COLOURS.shelf, alpha);
      g.fillRect(0, y, width, unit * 0.45);
      g.fillStyle(COLOURS.shelfEdge, alpha);
      g.fillRect(0, y + unit * 0.45, width, unit * 0.12);
    }

    // The counter along the bottom.
    const counterY = height * (this.quiet ? 0.9 : 0.82);
    g.fillStyle(COLOURS.counterTop, this.quiet ? 0.5 : 1);
    g.fillRect(0, counterY, width, unit * 0.6);
    g.fillGradientStyle(COLOURS.counter, COLOURS.counter, 0x8f6d50, 0x8f6d50, this.quiet ? 0.5 : 1, this.quiet ? 0.5 : 1, this.quiet ? 0.5 : 1, this.quiet ? 0.5 : 1);
    g.fillRect(0, counterY + unit * 0.6, width, height - counterY);
  }
}
