import type Phaser from 'phaser';
import { COLOURS } from './palette.ts';
import { css, Painted } from './painted.ts';

/**
 * The reply countdown: a ring that empties as the deadline nears, turning
 * amber then red. The seconds are DOM text inside it.
 */
export class CountdownRing {
  private readonly ring: Painted;
  private rect: { cx: number; cy: number; width: number; height: number } | null = null;
  private fraction: number | null = null;

  constructor(scene: Phaser.Scene) {
    this.ring = new Painted(scene);
    this.ring.image.setVisible(false);
  }

  layout(rect: { cx: number; cy: number; width: number; height: number } | null): void {
    this.rect = rect;
    this.redraw();
  }

  /** Remaining fraction 1..0, or null to hide the ring. */
  set(fraction: number | null): void {
    // Repaint at most 240 times over the whole countdown: smooth enough, cheap.
    const rounded = fraction === null ? null : Math.ceil(fraction * 240) / 240;
    if (rounded === this.fraction) return;
    this.fraction = rounded;
    this.redraw();
  }

  private redraw(): void {
    const image = this.ring.image;
    if (!this.rect || this.fraction === null) {
      image.setVisible(false);
      return;
    }
    const { cx, cy, width, height } = this.rect;
    const size = Math.min(width, height);
    const fraction = this.fraction;
    this.ring.paint(size, size, (ctx) => {
      const r = size / 2;
      const thickness = Math.max(3, r * 0.16);
      ctx.fillStyle = '#fffdf9';
      ctx.beginPath();
      ctx.arc(r, r, r - thickness / 2, 0, Math.PI * 2);
      ctx.fill();
      ctx.lineWidth = thickness;
      ctx.strokeStyle = css(COLOURS.track);
      ctx.stroke();
      if (fraction <= 0) return;
      ctx.strokeStyle = css(fraction > 0.5 ? COLOURS.brand : fraction > 0.25 ? COLOURS.amber : COLOURS.red);
      ctx.lineCap = 'round';
      ctx.beginPath();
      const start = -Math.PI / 2;
      ctx.arc(r, r, r - thickness / 2, start, start + Math.PI * 2 * fraction, false);
      ctx.stroke();
    });
    image.setPosition(cx, cy).setVisible(true);
  }
}
