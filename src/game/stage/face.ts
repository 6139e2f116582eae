import type Phaser from 'phaser';
import type { Emotion } from '../../scenario/index.ts';
import { EMOTIONS, EMOTION_COLOURS } from './palette.ts';
import { css, Painted } from './painted.ts';

/** Texture key of a customer's face in one emotion. */
export function faceKey(avatar: string, emotion: Emotion): string {
  return `face:${avatar}:${emotion}`;
}

const TEXTURE_SIZE = 512;

/**
 * Makes sure the five faces of `avatar` are textures, generating the SVGs
 * with DiceBear (its own chunk, loaded on first use) and loading them with
 * Phaser's loader. `onProgress` gets 0..1.
 */
export async function loadFaces(scene: Phaser.Scene, avatar: string, onProgress?: (p: number) => void): Promise<void> {
  const missing = EMOTIONS.filter((e) => !scene.textures.exists(faceKey(avatar, e)));
  if (missing.length === 0) return;
  const { faceSvg } = await import('../avatar.ts');
  const urls: string[] = [];
  await new Promise<void>((resolve) => {
    for (const emotion of missing) {
      const url = URL.createObjectURL(new Blob([faceSvg(avatar, emotion)], { type: 'image/svg+xml' }));
      urls.push(url);
      scene.load.svg(faceKey(avatar, emotion), url, { width: TEXTURE_SIZE, height: TEXTURE_SIZE });
    }
    const progress = (p: number): void => onProgress?.(p);
    scene.load.on('progress', progress);
    scene.load.once('complete', () => {
      scene.load.off('progress', progress);
      resolve();
    });
    scene.load.start();
  });
  for (const url of urls) URL.revokeObjectURL(url);
}

/**
 * The customer's face on the stage: a coloured ring that follows the emotion
 * and the avatar image, cross-faded and nudged when the emotion changes
 * (instant under reduced motion), with a slow idle bob.
 */
export class Face {
  private readonly container: Phaser.GameObjects.Container;
  private readonly ring: Painted;
  private current: Phaser.GameObjects.Image;
  private emotion: Emotion;
  private size = 100;
  private bob?: Phaser.Tweens.Tween;

  constructor(private readonly scene: Phaser.Scene, private readonly avatar: string, emotion: Emotion, private readonly reducedMotion: () => boolean) {
    this.emotion = emotion;
    this.container = scene.add.container(0, 0);
    this.ring = new Painted(scene);
    this.current = scene.add.image(0, 0, faceKey(avatar, emotion));
    this.container.add([this.ring.image, this.current]);
    this.container.setVisible(false);
  }

  /** Places the face in a rectangle (canvas pixels); hides it when the rectangle is null. */
  layout(rect: { cx: number; cy: number; width: number; height: number } | null): void {
    if (!rect) {
      this.container.setVisible(false);
      return;
    }
    this.size = Math.min(rect.width, rect.height);
    this.container.setVisible(true);
    this.container.setPosition(rect.cx, rect.cy);
    this.drawRing();
    for (const child of this.container.list) {
      if (child !== this.ring.image) (child as Phaser.GameObjects.Image).setDisplaySize(this.size * 0.9, this.size * 0.9);
    }
    this.startBob();
  }

  private drawRing(): void {
    const colour = EMOTION_COLOURS[this.emotion];
    this.ring.paint(this.size, this.size, (ctx, w) => {
      const r = w / 2;
      const line = Math.max(3, r * 0.06);
      ctx.fillStyle = '#fffdf9';
      ctx.beginPath();
      ctx.arc(r, r, r - line / 2, 0, Math.PI * 2);
      ctx.fill();
      ctx.lineWidth = line;
      ctx.strokeStyle = css(colour);
      ctx.stroke();
    });
  }

  private startBob(): void {
    this.bob?.stop();
    this.current.y = 0;
    if (this.reducedMotion()) return;
    this.bob = this.scene.tweens.add({ targets: this.current, y: -this.size * 0.012, duration: 1800, ease: 'Sine.easeInOut', yoyo: true, repeat: -1 });
  }

  /** Changes the expression. */
  setEmotion(emotion: Emotion): void {
    if (emotion === this.emotion) return;
    const before = EMOTIONS.indexOf(this.emotion);
    this.emotion = emotion;
    this.drawRing();
    const next = this.scene.add.image(0, this.current.y, faceKey(this.avatar, emotion)).setDisplaySize(this.size * 0.9, this.size * 0.9);
    this.container.add(next);
    const old = this.current;
    this.current = next;
    if (this.reducedMotion()) {
      old.destroy();
      this.startBob();
      return;
    }
    next.setAlpha(0);
    this.scene.tweens.add({ targets: next, alpha: 1, duration: 220, ease: 'Quad.easeOut', onComplete: () => old.destroy() });
    const worse = EMOTIONS.indexOf(emotion) < before;
    if (worse) {
      // A small shake when the customer gets more upset.
      this.scene.tweens.add({ targets: this.container, x: this.container.x + this.size * 0.025, duration: 50, yoyo: true, repeat: 3, ease: 'Sine.easeInOut' });
    } else {
      // A little lift when they warm up.
      this.scene.tweens.add({ targets: this.container, scale: 1.05, duration: 140, yoyo: true, ease: 'Quad.easeOut' });
    }
    this.startBob();
  }

  destroy(): void {
    this.bob?.stop();
    this.container.destroy();
  }
}
