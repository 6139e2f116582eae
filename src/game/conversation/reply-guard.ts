/**
 * How long a new set of replies must have been on screen before a key press
 * or a tap can answer it (ms of page time). With reduced motion the next
 * replies appear in the same instant as the answer, so without a pause a
 * double press, a key bounce or a double tap (the second comes 50–300 ms
 * after the first) answers the next decision unread. Nobody reads a reply
 * in 350 ms, so no real answer is ever held back; it is also about as long
 * as the replies take to fade in when motion is on.
 */
export const REPLY_INPUT_DELAY_MS = 350;

/** Keys that answer: 1–9 anywhere, Enter and Space on a reply button. */
const DIGIT = /^[1-9]$/;

/**
 * Decides whether a key press or a tap may answer the replies on screen:
 * only a press that *starts* once they have been shown for
 * {@link REPLY_INPUT_DELAY_MS}, never a key's auto-repeat, and nothing
 * while a key that was already down when they appeared (the one that
 * answered the last decision) is still held. Time comes from `now` (the
 * page's clock, so tests can run it with Playwright's `page.clock`).
 *
 * @example
 * const guard = new ReplyGuard();
 * const stop = guard.listen(window, (el) => el instanceof Element && !!el.closest('.reply'));
 * guard.open();   // the replies are on screen
 * guard.close();  // they are gone
 */
export class ReplyGuard {
  /** Page time the current replies appeared; null while none are shown. */
  private shownAt: number | null = null;
  /** Answer keys held down now (by `code`), each with whether its press may answer. */
  private readonly down = new Map<string, boolean>();
  /** Whether the pointer press in progress may answer. */
  private pressMayAnswer = false;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** New replies are on screen from now: keys already down and presses already begun can't answer them. */
  open(): void {
    this.shownAt = this.now();
    for (const code of this.down.keys()) this.down.set(code, false);
    this.pressMayAnswer = false;
  }

  /** No replies are on screen: keys mean what they mean elsewhere (a digit shows a typing line whole). */
  close(): void {
    this.shownAt = null;
  }

  /** True while replies are on screen (the only time the guard holds anything back). */
  get guarding(): boolean {
    return this.shownAt !== null;
  }

  /** An answer key went down; returns whether this press may answer. */
  keyDown(code: string, repeat: boolean): boolean {
    // A repeat is a key held on: it never answers, even if we missed its first press.
    if (repeat) {
      if (!this.down.has(code)) this.down.set(code, false);
      return false;
    }
    const ok = this.settled() && ![...this.down.values()].includes(false);
    this.down.set(code, ok);
    return ok;
  }

  /** An answer key came up. */
  keyUp(code: string): void {
    this.down.delete(code);
  }

  /** The window lost focus: key-ups are not delivered to it, so forget what was held. */
  forgetKeys(): void {
    this.down.clear();
  }

  /** A pointer (mouse, pen, finger) went down; returns whether the tap it begins may answer. */
  pointerDown(): boolean {
    this.pressMayAnswer = this.settled();
    return this.pressMayAnswer;
  }

  /** Whether a click made by the pointer press in progress may answer. */
  get tapMayAnswer(): boolean {
    return this.pressMayAnswer;
  }

  private settled(): boolean {
    return this.shownAt !== null && this.now() - this.shownAt >= REPLY_INPUT_DELAY_MS;
  }

  /**
   * Watches input on `target` ahead of everything else (capture phase) and
   * stops the presses that may not answer before any handler sees them.
   * `isReply` says whether an element is (inside) a reply button. Returns a
   * function that stops listening.
   */
  listen(target: Window, isReply: (el: EventTarget | null) => boolean): () => void {
    const stop = (e: Event): void => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    const answers = (e: KeyboardEvent): boolean =>
      !e.ctrlKey && !e.metaKey && !e.altKey && (DIGIT.test(e.key) || ((e.key === 'Enter' || e.key === ' ') && isReply(e.target)));
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!answers(e)) return;
      // Recorded even while no replies are shown, so a key held from before they appear is known.
      const ok = this.keyDown(e.code, e.repeat);
      // Stopping Enter or Space here also stops the click the browser would make on the focused reply.
      if (!ok && this.guarding) stop(e);
    };
    const onKeyUp = (e: KeyboardEvent): void => this.keyUp(e.code);
    const onPointerDown = (): void => void this.pointerDown();
    const onClick = (e: MouseEvent): void => {
      // detail 0: a click made by Enter or Space (already judged on keydown) or by assistive technology.
      if (e.detail > 0 && this.guarding && isReply(e.target) && !this.tapMayAnswer) stop(e);
    };
    const onBlur = (): void => this.forgetKeys();
    const options = { capture: true };
    target.addEventListener('keydown', onKeyDown, options);
    target.addEventListener('keyup', onKeyUp, options);
    target.addEventListener('pointerdown', onPointerDown, options);
    target.addEventListener('click', onClick, options);
    target.addEventListener('blur', onBlur);
    return () => {
      target.removeEventListener('keydown', onKeyDown, options);
      target.removeEventListener('keyup', onKeyUp, options);
      target.removeEventListener('pointerdown', onPointerDown, options);
      target.removeEventListener('click', onClick, options);
      target.removeEventListener('blur', onBlur);
    };
  }
}
