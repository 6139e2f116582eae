import { h } from '../game/ui/dom.ts';
import { normaliseCode } from './join-code.ts';

/** What the form is filled in with, and what it says above the fields. */
export interface JoinFormState {
  /** The code from the address; null asks for it. */
  code: string | null;
  name?: string;
  /** Why the trainee is asked again (removed, a wrong code, a name the server cannot take). */
  message?: string;
  /** Which field the message is about: it is then marked invalid and focused. */
  problem?: 'code' | 'name';
}

/**
 * The join form: the session code (only when the address has none), the
 * display name, "Join". Checks what it can before sending (a code that
 * cannot be one, an empty name); the server's refusals come back as
 * `message`. Built with the DOM (names are text), submitted with fetch (the
 * pages' policy allows no form posts).
 */
export function joinForm(state: JoinFormState, submit: (code: string, name: string) => void): HTMLElement {
  const error = h('p', { class: 'form-error', id: 'join-error', role: 'alert' }, state.message ?? '');
  const codeInput = h('input', { class: 'text-input', id: 'join-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 12, inputmode: 'text', value: state.code ?? '' });
  const nameInput = h('input', { class: 'text-input', id: 'join-name', name: 'name', autocomplete: 'nickname', maxlength: 40, value: state.name ?? '' });
  const mark = (input: HTMLInputElement, bad: boolean): void => {
    if (bad) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'join-error');
    } else input.removeAttribute('aria-invalid');
  };
  const form = h(
    'form',
    { class: 'panel join-card', novalidate: true, 'aria-labelledby': 'join-title' },
    error,
    state.code
      ? h('p', { class: 'field' }, h('span', { class: 'field-label' }, 'Session code'), h('span', { class: 'join-code', 'data-testid': 'join-code' }, state.code))
      : h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'join-code' }, 'Session code'), codeInput, h('span', { class: 'hint' }, 'The six letters and digits your trainer shows.')),
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'join-name' }, 'Your name'), nameInput, h('span', { class: 'hint' }, 'How your trainer will see you. Up to 40 characters.')),
    h('div', { class: 'join-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Join')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = state.code ?? normaliseCode(codeInput.value);
    const name = nameInput.value.trim();
    mark(codeInput, !code);
    mark(nameInput, code !== null && !name);
    if (!code) {
      error.textContent = codeInput.value.trim() ? 'That is not a session code: it has six letters and digits, such as K7QX3M.' : 'Type the session code your trainer shows.';
      codeInput.focus();
      return;
    }
    if (!name) {
      error.textContent = 'Type your name, so your trainer knows who you are.';
      nameInput.focus();
      return;
    }
    submit(code, name);
  });
  if (state.problem) queueMicrotask(() => {
    const input = state.problem === 'code' && !state.code ? codeInput : nameInput;
    mark(input, true);
    input.focus();
  });
  return form;
}
