/** What the conversation's keys read and do. */
export interface ConversationKeys {
  paused: () => boolean;
  /** The ending is on screen: Escape no longer pauses. */
  ending: () => boolean;
  /** The customer's line is still typing. */
  typing: () => boolean;
  /** The replies are up and one can be chosen. */
  choosing: () => boolean;
  pause: () => void;
  resume: () => void;
  /** Shows the line being typed whole. */
  skipTyping: () => void;
  /** The reply button shown with this number, if there is one. */
  replyButton: (number: number) => HTMLButtonElement | null;
  choose: (number: number) => void;
}

/** Keys pressed on these keep their own meaning (Space presses a button, types in a field). */
const CONTROLS = /^(BUTTON|INPUT|SELECT|TEXTAREA|A)$/;

/**
 * The conversation's keyboard: digits 1–9 choose the reply shown with that
 * number (or, while the line types, show it whole, as do Space and Enter
 * off a control); Escape pauses and resumes. Modifier chords are left to
 * the browser. Returns a function that stops listening.
 *
 * @example
 * const stop = listenForKeys({ paused: () => paused, pause: () => setPaused(true), … });
 */
export function listenForKeys(keys: ConversationKeys): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (keys.paused()) {
      // Tab inside the pause dialog is the dialog's own (pause-dialog.ts).
      if (e.key === 'Escape') {
        e.preventDefault();
        keys.resume();
      }
      return;
    }
    if (e.key === 'Escape' && !keys.ending()) {
      e.preventDefault();
      keys.pause();
      return;
    }
    const onControl = e.target instanceof HTMLElement && CONTROLS.test(e.target.tagName);
    if (keys.typing()) {
      if (/^[1-9]$/.test(e.key) || ((e.key === ' ' || e.key === 'Enter') && !onControl)) {
        e.preventDefault();
        keys.skipTyping();
      }
      return;
    }
    if (keys.choosing() && /^[1-9]$/.test(e.key)) {
      const button = keys.replyButton(Number(e.key));
      if (button) {
        e.preventDefault();
        button.focus();
        keys.choose(Number(e.key));
      }
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
