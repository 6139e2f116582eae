import { askLearnerNameWith } from '../../report/xapi/learner.ts';
import { h } from './dom.ts';
import './styles/results-sending.css';

/**
 * Asks the trainee's name, once per browser, when the web game sends
 * results to an LRS (the name is how the trainer finds them there). A
 * native modal `<dialog>`: nothing can start behind it. "Skip" sends results
 * under an anonymous id instead; nothing is invented.
 */
function askLearnerName(): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', { type: 'text', id: 'learner-name', name: 'learner-name', autocomplete: 'name', maxlength: 100, required: true });
    const skip = h('button', { type: 'button', class: 'btn btn-quiet' }, 'Skip');
    const save = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Continue');
    const form = h(
      'form',
      { class: 'learner-name-form' },
      h('label', { class: 'field-label', for: 'learner-name' }, 'Your name'),
      input,
      h('div', { class: 'learner-name-actions' }, skip, save),
    );
    const dialog = h(
      'dialog',
      { class: 'dialog learner-name-dialog', 'aria-labelledby': 'learner-name-title', 'aria-describedby': 'learner-name-text', 'data-testid': 'learner-name' },
      h('h2', { id: 'learner-name-title' }, 'Who is playing?'),
      h('p', { id: 'learner-name-text' }, 'Your results are sent to your trainer. Type your name so they know they are yours. This browser remembers it.'),
      form,
    );
    const finish = (name: string | null): void => {
      dialog.close();
      dialog.remove();
      resolve(name);
    };
    // Handled here, never submitted: the game's Content-Security-Policy allows no form submission.
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) finish(input.value);
    });
    skip.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (event) => {
      // Escape means "not now": the same as Skip, so the question never blocks the game.
      event.preventDefault();
      finish(null);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
  });
}

/** Lets the results ask the trainee's name when an LRS needs it (src/report/xapi/learner.ts decides when). */
export function offerLearnerNameQuestion(): void {
  askLearnerNameWith(askLearnerName);
}
