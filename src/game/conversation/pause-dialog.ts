import { h, icon } from '../ui/dom.ts';
import { focusElement } from '../ui/screen.ts';

/** What the pause dialog's buttons (and Escape) ask for. */
export interface PauseActions {
  resume: () => void;
  quit: () => void;
}

/**
 * The pause dialog: "Paused", with Resume and Quit to menu. A native
 * `<dialog>` opened with `showModal()`: the browser makes the rest of the
 * page inert (no clicks, no focus, hidden from screen readers), so all we
 * add is Tab cycling between the two buttons. Escape asks to resume (the dialog's `cancel`), and if
 * the browser closes it anyway (`close`) the conversation resumes too, so
 * the dialog and the paused state can't disagree.
 *
 * @example
 * const pause = new PauseDialog({ resume: () => setPaused(false), quit: () => scene.start('Menu') });
 * mountScreen('conversation', [bar, main], undefined, [pause.element]);
 * pause.open();
 */
export class PauseDialog {
  readonly element: HTMLDialogElement;
  private readonly resumeButton: HTMLButtonElement;

  /** `quitLabel` names where Quit goes (the briefing in an LMS package, which has no menu). */
  constructor(actions: PauseActions, quitLabel = 'Quit to menu') {
    this.resumeButton = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => actions.resume() }, icon('play'), 'Resume');
    const quit = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => actions.quit() }, quitLabel);
    this.element = h(
      'dialog',
      { class: 'dialog pause-dialog', 'aria-labelledby': 'paused-title', 'aria-describedby': 'paused-text' },
      h('h2', { id: 'paused-title' }, 'Paused'),
      h('p', { id: 'paused-text' }, 'The reply timer is stopped. Take your time.'),
      h('div', { class: 'ending-actions' }, this.resumeButton, quit),
    );
    // showModal() makes the page behind inert, but after the last button Tab still leaves the
    // page for the browser's own controls: cycle between Resume and Quit instead.
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return;
      const items = [...this.element.querySelectorAll<HTMLElement>('button')];
      const i = items.indexOf(document.activeElement as HTMLElement);
      e.preventDefault();
      items[(i + (e.shiftKey ? items.length - 1 : 1)) % items.length]?.focus();
    });
    this.element.addEventListener('cancel', (e) => {
      e.preventDefault();
      actions.resume();
    });
    // `close` comes a task later; by then the dialog may have been opened again.
    this.element.addEventListener('close', () => {
      if (!this.element.open) actions.resume();
    });
  }

  /** Shows the dialog, modal, with focus on Resume. */
  open(): void {
    if (!this.element.open) this.element.showModal();
    focusElement(this.resumeButton);
  }

  /** Hides the dialog. */
  close(): void {
    if (this.element.open) this.element.close();
  }
}
