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
 * The customer's face on the stage: the avatar on a disc with a coloured
 * ring that follows the emotion, cross-faded and nudged when the emotion
 * changes (instant under reduced motion), with a slow idle bob.
 *
 * Ring and face are painted together into one texture (stage/painted.ts),
 * so each frame draws one quad, not two overlapping ones: without a GPU
 * every pixel the canvas draws costs CPU on each frame, and the face is
 * most of what the canvas draws. Painting it at the size shown also
 * samples the avatar 1:1 instead of shrinking a 512 px texture every frame.
 */
export class Face {
  private readonly container: Phaser.GameObjects.Container;
  /** The portrait on show, and a spare the next emotion is painted on and faded in with. */
  private current: Painted;
  private spare: Painted;
  private emotion: Emotion;
  private size = 100;
  private bob?: Phaser.Tweens.Tween;
  private fade?: Phaser.Tweens.Tween;

  constructor(private readonly scene: Phaser.Scene, private readonly avatar: string, emotion: Emotion, private readonly reducedMotion: () => boolean) {
    this.emotion = emotion;
    this.container = scene.add.container(0, 0);
    this.current = new Painted(scene);
    this.spare = new Painted(scene);
    this.spare.image.setVisible(false);
    this.container.add([this.spare.image, this.current.image]);
    this.container.setVisible(false);
  }

  /** Places the face in a rectangle (canvas pixels); hides it when the rectangle is null. */
  layout(rect: { cx: number; cy: number; width: number; height: number } | null): void {
    if (!rect) {
      this.container.setVisible(false);
      return;
    }
    this.size = Math.floor(Math.min(rect.width, rect.height));
    this.container.setVisible(true);
    // Whole pixels, so the portrait's pixels land on the canvas's.
    this.container.setPosition(Math.round(rect.cx), Math.round(rect.cy));
    this.finishFade();
    this.paint(this.current, this.emotion);
    this.startBob();
  }

  /** Paints the ring in the emotion's colour and the avatar's face for it, at the size shown. */
  private paint(portrait: Painted, emotion: Emotion): void {
    const face = this.scene.textures.get(faceKey(this.avatar, emotion)).getSourceImage() as CanvasImageSource;
    const colour = EMOTION_COLOURS[emotion];
    portrait.paint(this.size, this.size, (ctx, w) => {
      const r = w / 2;
      const line = Math.max(3, r * 0.06);
      ctx.fillStyle = '#fffdf9';
      ctx.beginPath();
      ctx.arc(r, r, r - line / 2, 0, Math.PI * 2);
      ctx.fill();
      ctx.lineWidth = line;
      ctx.strokeStyle = css(colour);
      ctx.stroke();
      const inset = w * 0.05;
      ctx.drawImage(face, inset, inset, w - 2 * inset, w - 2 * inset);
    });
  }

  private startBob(): void {
    this.bob?.stop();
    const image = this.current.image;
    image.y = 0;
    if (this.reducedMotion()) return;
    // The portrait moves in whole pixels: it stays sharp (painted 1:1, never resampled between
    // pixels), and the canvas is redrawn only when it actually moves, a few times a second
    // instead of every frame (stage/redraw.ts).
    const bob = { y: 0 };
    this.bob = this.scene.tweens.add({
      targets: bob,
      y: -this.size * 0.012,
      duration: 1800,
      ease: 'Sine.easeInOut',
      yoyo: true,
      repeat: -1,
      onUpdate: () => {
        image.y = Math.round(bob.y);
      },
    });
  }

  /** Ends a cross-fade at once: the new portrait fully shown, the old one hidden. */
  private finishFade(): void {
    if (!this.fade) return;
    this.fade.stop();
    this.fade = undefined;
    this.current.image.setAlpha(1);
    this.spare.image.setVisible(false);
  }

  /** Changes the expression. */
  setEmotion(emotion: Emotion): void {
    if (emotion === this.emotion) return;
    const worse = EMOTIONS.indexOf(emotion) < EMOTIONS.indexOf(this.emotion);
    this.emotion = emotion;
    this.finishFade();
    // The new portrait is painted on the spare and fades in on top of the old one, which is hidden once covered.
    const old = this.current;
    const next = this.spare;
    this.current = next;
    this.spare = old;
    this.paint(next, emotion);
    this.container.bringToTop(next.image);
    next.image.setVisible(true).setY(old.image.y);
    if (this.reducedMotion()) {
      old.image.setVisible(false);
      this.startBob();
      return;
    }
    next.image.setAlpha(0);
    this.fade = this.scene.tweens.add({ targets: next.image, alpha: 1, duration: 220, ease: 'Quad.easeOut', onComplete: () => this.finishFade() });
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
    this.fade?.stop();
    this.container.destroy();
  }
}
