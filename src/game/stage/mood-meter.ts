import type Phaser from 'phaser';
import { EMOTION_COLOURS, EMOTIONS } from './palette.ts';

/**
 * The mood meter: five bands (angry … delighted, 20 points each) and a knob
 * at the customer's mood that glides to each new value. Colour is never the
 * only cue: the DOM label beside it names the band and the number.
 */
export class MoodMeter {
  private readonly gfx: Phaser.GameObjects.Graphics;
  private readonly knob: Phaser.GameObjects.Graphics;
  private rect: { x: number; y: number; width: number; height: number } | null = null;
  private shown: { mood: number } = { mood: 50 };
  private tween?: Phaser.Tweens.Tween;

  constructor(private readonly scene: Phaser.Scene, mood: number, private readonly reducedMotion: () => boolean) {
    this.shown.mood = mood;
    this.gfx = scene.add.graphics();
    this.knob = scene.add.graphics();
  }

  layout(rect: { x: number; y: number; width: number; height: number } | null): void {
    this.rect = rect;
    this.gfx.setVisible(!!rect);
    this.knob.setVisible(!!rect);
    this.drawTrack();
    this.drawKnob();
  }

  /** Moves the knob to `mood` (0..100). */
  setMood(mood: number): void {
    this.tween?.stop();
    if (this.reducedMotion()) {
      this.shown.mood = mood;
      this.drawKnob();
      return;
    }
    this.tween = this.scene.tweens.add({ targets: this.shown, mood, duration: 600, ease: 'Cubic.easeOut', onUpdate: () => this.drawKnob() });
  }

  private drawTrack(): void {
    const g = this.gfx;
    g.clear();
    if (!this.rect) return;
    const { x, y, width, height } = this.rect;
    const barH = Math.max(6, height * 0.36);
    const top = y + (height - barH) / 2;
    const gap = Math.max(2, width * 0.008);
    const segment = (width - gap * 4) / 5;
    EMOTIONS.forEach((emotion, i) => {
      g.fillStyle(EMOTION_COLOURS[emotion], 0.9);
      g.fillRoundedRect(x + i * (segment + gap), top, segment, barH, Math.min(barH / 2, 6));
    });
  }

  private drawKnob(): void {
    const g = this.knob;
    g.clear();
    if (!this.rect) return;
    const { x, y, width, height } = this.rect;
    const r = Math.max(7, height * 0.42);
    const kx = x + r + ((width - 2 * r) * Math.max(0, Math.min(100, this.shown.mood))) / 100;
    const ky = y + height / 2;
    g.fillStyle(0x000000, 0.18);
    g.fillCircle(kx, ky + r * 0.12, r);
    g.fillStyle(0xfffdf9, 1);
    g.fillCircle(kx, ky, r);
    g.lineStyle(Math.max(2, r * 0.28), 0x1b2331, 1);
    g.strokeCircle(kx, ky, r * 0.86);
  }
}
