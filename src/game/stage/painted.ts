import type Phaser from 'phaser';

let serial = 0;
let paints = 0;

/** How many times any painted texture has been repainted: a new count means the canvas must be drawn again (stage/redraw.ts). */
export function paintCount(): number {
  return paints;
}

/**
 * An image whose texture is painted with the Canvas 2D API: smooth,
 * antialiased circles and arcs without asking WebGL for multisampling,
 * which costs a full-canvas resolve every frame on machines without a GPU.
 * Repaint only when the picture changes; drawing it each frame is one quad.
 */
export class Painted {
  readonly image: Phaser.GameObjects.Image;
  private key: string;
  private texture: Phaser.Textures.CanvasTexture;
  private readonly onShutdown = (): void => this.destroy();

  constructor(private readonly scene: Phaser.Scene) {
    this.key = `painted:${++serial}`;
    this.texture = scene.textures.createCanvas(this.key, 2, 2)!;
    this.image = scene.add.image(0, 0, this.key);
    scene.events.once('shutdown', this.onShutdown);
  }

  /** Repaints at `width`×`height` texture pixels; `draw` gets a cleared context. */
  paint(width: number, height: number, draw: (ctx: CanvasRenderingContext2D, width: number, height: number) => void): void {
    const w = Math.max(2, Math.ceil(width));
    const h = Math.max(2, Math.ceil(height));
    if (this.texture.width !== w || this.texture.height !== h) {
      // A new texture for a new size, so the image's frame, size and origin follow it.
      const old = this.key;
      this.key = `painted:${++serial}`;
      this.texture = this.scene.textures.createCanvas(this.key, w, h)!;
      this.image.setTexture(this.key);
      this.scene.textures.remove(old);
    }
    const ctx = this.texture.context;
    ctx.clearRect(0, 0, w, h);
    ctx.save();
    draw(ctx, w, h);
    ctx.restore();
    this.texture.refresh();
    paints += 1;
  }

  /** Frees the image and its texture (done for you when the scene shuts down). */
  destroy(): void {
    this.scene.events.off('shutdown', this.onShutdown);
    if (this.image.scene) this.image.destroy();
    if (this.scene.textures.exists(this.key)) this.scene.textures.remove(this.key);
  }
}

/** A Phaser colour number as a CSS colour. */
export function css(colour: number, alpha = 1): string {
  return `rgba(${(colour >> 16) & 255}, ${(colour >> 8) & 255}, ${colour & 255}, ${alpha})`;
}
