import type Phaser from 'phaser';
import { paintCount } from './painted.ts';

/**
 * Makes the game draw the canvas only on frames where something on it
 * changed; the other frames still run every scene's update (the reply
 * timer, the typewriter, tweens), they just skip rendering.
 *
 * Why: without a GPU, Chrome renders WebGL in software and then copies the
 * canvas back for compositing, every frame it is drawn. For the face alone
 * that is several ms of CPU a frame, enough that a countdown tick or a
 * garbage collection in the same frame misses the next vsync. Most of a
 * conversation nothing on the canvas moves (the player is reading), so most
 * frames need no drawing at all.
 *
 * "Changed" is read from the display list itself (position, scale, alpha,
 * rotation, visibility, texture frame, order of every object, the canvas
 * size and any repaint of a painted texture), so no drawing code has to
 * remember to say so.
 *
 * @example
 * const game = new Phaser.Game(config);
 * drawOnlyOnChange(game);
 */
export function drawOnlyOnChange(game: Phaser.Game): void {
  const drawn = new DrawnState();
  // The loop calls this once a frame. A change is drawn on the frame after it was made (the
  // check runs before the scenes update): one frame late, which nobody sees.
  const step = (time: number, delta: number): void => {
    if (drawn.changed(game)) game.step(time, delta);
    else game.headlessStep(time, delta);
  };
  // Set from inside a step: until the game has started, its boot would put its own step back.
  game.events.once('prestep', () => {
    game.loop.callback = step;
  });
}

/** The parts of a game object that decide how it is drawn (all optional: not every object has each). */
interface Drawable {
  visible?: boolean;
  x?: number;
  y?: number;
  scaleX?: number;
  scaleY?: number;
  alpha?: number;
  rotation?: number;
  frame?: unknown;
  list?: Drawable[];
}

/**
 * What the canvas showed when it was last drawn, kept as flat arrays that are
 * overwritten in place: checking costs no allocation, so it makes no garbage
 * on the frames it saves.
 */
class DrawnState {
  private readonly numbers: number[] = [];
  private readonly refs: unknown[] = [];
  private n = 0;
  private r = 0;
  private dirty = false;

  /** True when anything drawn differs from the last call (which it then remembers). */
  changed(game: Phaser.Game): boolean {
    this.n = 0;
    this.r = 0;
    this.dirty = false;
    this.number(game.scale.width);
    this.number(game.scale.height);
    this.number(paintCount());
    const scenes = game.scene.scenes;
    for (let i = 0; i < scenes.length; i++) {
      const scene = scenes[i]!;
      const on = scene.sys.isActive() && scene.sys.isVisible();
      this.number(on ? 1 : 0);
      if (!on) continue;
      const camera = scene.cameras.main;
      this.number(camera.scrollX);
      this.number(camera.scrollY);
      this.number(camera.zoom);
      this.objects(scene.children.list as Drawable[]);
    }
    if (this.numbers.length !== this.n || this.refs.length !== this.r) {
      this.numbers.length = this.n;
      this.refs.length = this.r;
      this.dirty = true;
    }
    return this.dirty;
  }

  private objects(list: Drawable[]): void {
    this.number(list.length);
    for (let i = 0; i < list.length; i++) {
      const o = list[i]!;
      this.ref(o);
      this.number(o.visible === false ? 0 : 1);
      if (o.visible === false) continue;
      this.number(o.x ?? 0);
      this.number(o.y ?? 0);
      this.number(o.scaleX ?? 1);
      this.number(o.scaleY ?? 1);
      this.number(o.alpha ?? 1);
      this.number(o.rotation ?? 0);
      this.ref(o.frame);
      if (o.list) this.objects(o.list);
    }
  }

  private number(value: number): void {
    if (this.numbers[this.n] !== value) {
      this.numbers[this.n] = value;
      this.dirty = true;
    }
    this.n += 1;
  }

  private ref(value: unknown): void {
    if (this.refs[this.r] !== value) {
      this.refs[this.r] = value;
      this.dirty = true;
    }
    this.r += 1;
  }
}
