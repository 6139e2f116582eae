import type Phaser from 'phaser';
import { COLOURS } from './palette.ts';

/**
 * The reply countdown: a ring that empties as the deadline nears, turning
 * amber then red. The seconds are DOM text inside it.
 */
export class CountdownRing {
  private readonly gfx: Phaser.GameObjects.Graphics;
  private rect: { cx: number; cy: number; width: number; height: number } | null = null;
  private fraction: number | null = null;

  constructor(scene: Phaser.Scene) {
    this.gfx = scene.add.graphics();
  }

  layout(rect: { cx: number; cy: number; width: number; height: number } | null): void {
    this.rect = rect;
    this.redraw();
  }

  /** Remaining fraction 1..0, or null to hide the ring. */
  set(fraction: number | null): void {
    const rounded = fraction === null ? null : Math.round(fraction * 400) / 400;
    if (rounded === this.fraction) return;
    this.fraction = rounded;
    this.redraw();
  }

  private redraw(): void {
    const g = this.gfx;
    g.clear();
    if (!this.rect || this.fraction === null) return;
    const { cx, cy, width, height } = this.rect;
    const r = Math.min(width, height) / 2;
    const thickness = Math.max(3, r * 0.16);
    g.fillStyle(0xfffdf9, 1);
    g.fillCircle(cx, cy, r - thickness / 2);
    g.lineStyle(thickness, COLOURS.track, 1);
    g.strokeCircle(cx, cy, r - thickness / 2);
    if (this.fraction <= 0) return;
    const colour = this.fraction > 0.5 ? COLOURS.brand : this.fraction > 0.25 ? COLOURS.amber : COLOURS.red;
    g.lineStyle(thickness, colour, 1);
    g.beginPath();
    const start = -Math.PI / 2;
    g.arc(cx, cy, r - thickness / 2, start, start + Math.PI * 2 * this.fraction, false);
    g.strokePath();
  }
}
