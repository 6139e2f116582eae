import type Phaser from 'phaser';
import { EMOTION_COLOURS, EMOTIONS } from './palette.ts';
import { css, Painted } from './painted.ts';

/**
 * The mood meter: five bands (angry … delighted, 20 points each) and a knob
 * at the customer's mood that glides to each new value. Colour is never the
 * only cue: the DOM label beside it names the band and the number.
 */
export class MoodMeter {
  private readonly track: Painted;
  private readonly knob: Painted;
  private rect: { x: number; y: number; width: number; height: number } | null = null;
  private readonly shown: { mood: number };
  private tween?: Phaser.Tweens.Tween;
  private radius = 8;

  constructor(private readonly scene: Phaser.Scene, mood: number, private readonly reducedMotion: () => boolean) {
    this.shown = { mood };
    this.track = new Painted(scene);
    this.knob = new Painted(scene);
  }

  layout(rect: { x: number; y: number; width: number; height: number } | null): void {
    this.rect = rect;
    this.track.image.setVisible(!!rect);
    this.knob.image.setVisible(!!rect);
    if (!rect) return;
    const { width, height } = rect;
    this.radius = Math.max(7, height * 0.42);
    this.track.paint(width, height, (ctx) => {
      const barH = Math.max(6, height * 0.36);
      const top = (height - barH) / 2;
      const gap = Math.max(2, width * 0.008);
      const segment = (width - gap * 4) / 5;
      EMOTIONS.forEach((emotion, i) => {
        ctx.fillStyle = css(EMOTION_COLOURS[emotion], 0.9);
        ctx.beginPath();
        ctx.roundRect(i * (segment + gap), top, segment, barH, Math.min(barH / 2, 6));
        ctx.fill();
      });
    });
    this.track.image.setOrigin(0, 0).setPosition(rect.x, rect.y);
    const r = this.radius;
    const size = r * 2 + 6;
    this.knob.paint(size, size, (ctx) => {
      ctx.fillStyle = 'rgba(0,0,0,0.18)';
      ctx.beginPath();
      ctx.arc(size / 2, size / 2 + r * 0.12, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#fffdf9';
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.lineWidth = Math.max(2, r * 0.28);
      ctx.strokeStyle = '#1b2331';
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, r * 0.86, 0, Math.PI * 2);
      ctx.stroke();
    });
    this.placeKnob();
  }

  /** Moves the knob to `mood` (0..100). */
  setMood(mood: number): void {
    this.tween?.stop();
    if (this.reducedMotion()) {
      this.shown.mood = mood;
      this.placeKnob();
      return;
    }
    this.tween = this.scene.tweens.add({ targets: this.shown, mood, duration: 600, ease: 'Cubic.easeOut', onUpdate: () => this.placeKnob() });
  }

  private placeKnob(): void {
    if (!this.rect) return;
    const { x, y, width, height } = this.rect;
    const r = this.radius;
    this.knob.image.setPosition(x + r + ((width - 2 * r) * Math.max(0, Math.min(100, this.shown.mood))) / 100, y + height / 2);
  }
}
