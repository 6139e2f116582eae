import { TYPING_CHARS_PER_SECOND } from '../content/pacing.ts';

/**
 * Types the customer's line out in game time, a few characters a frame, and
 * says when it is done. Game time (not wall time) drives it, so it stops
 * while the conversation is paused or the tab is hidden.
 *
 * @example
 * const typewriter = new Typewriter((text, count) => screen.renderTyped(text, count));
 * typewriter.type('Where is my parcel?', () => showReplies(), reducedMotion);
 * // every frame:
 * typewriter.advance(deltaMs);
 */
export class Typewriter {
  private typing: { text: string; shown: number; onDone: () => void } | null = null;

  /** `render(text, count)` shows the first `count` characters of `text` as typed. */
  constructor(private readonly render: (text: string, count: number) => void) {}

  /** True while a line is still typing. */
  get busy(): boolean {
    return this.typing !== null;
  }

  /** Starts typing `text`; `instant` (reduced motion) or an empty line shows it whole and calls `onDone` at once. */
  type(text: string, onDone: () => void, instant: boolean): void {
    if (instant || text.length === 0) {
      this.typing = null;
      this.render(text, text.length);
      onDone();
      return;
    }
    this.typing = { text, shown: 0, onDone };
    this.render(text, 0);
  }

  /** Moves typing on by `ms` of game time. */
  advance(ms: number): void {
    const t = this.typing;
    if (!t) return;
    const before = Math.floor(t.shown);
    t.shown = Math.min(t.text.length, t.shown + (ms * TYPING_CHARS_PER_SECOND) / 1000);
    // At 45 characters a second some frames add none: then there is nothing to lay out again.
    if (Math.floor(t.shown) !== before) this.render(t.text, Math.floor(t.shown));
    if (t.shown >= t.text.length) {
      this.typing = null;
      t.onDone();
    }
  }

  /** Shows the whole line at once (a click, Space, or a digit) and calls its `onDone`. */
  skip(): void {
    const t = this.typing;
    if (!t) return;
    this.typing = null;
    this.render(t.text, t.text.length);
    t.onDone();
  }

  /** Drops the line being typed without finishing it (a decision came first). */
  stop(): void {
    this.typing = null;
  }
}
