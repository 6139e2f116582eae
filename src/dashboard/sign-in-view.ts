import { h } from '../game/ui/dom.ts';
import { ApiRefusal, TrainerApi } from './trainer-api.ts';

/**
 * Signing in: the trainer key that `tactful serve` printed. The key is
 * checked against the server (listing the sessions) before it is kept, so
 * a wrong one is said at once, with where to find the right one.
 */
export function signInView(signedIn: (api: TrainerApi) => void, reason?: string): HTMLElement[] {
  const error = h('p', { class: 'form-error', id: 'key-error', role: 'alert' }, reason ?? '');
  const input = h('input', { class: 'text-input', id: 'trainer-key', name: 'trainer-key', type: 'password', autocomplete: 'current-password', spellcheck: 'false', 'aria-describedby': 'key-hint' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'panel sign-in', novalidate: true, 'aria-labelledby': 'sign-in-title' },
    error,
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'trainer-key' }, 'Trainer key'), input, h('span', { class: 'hint', id: 'key-hint' }, 'Printed by “tactful serve” when it started (or the one you gave it with --trainer-key).')),
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const key = input.value.trim();
    const fail = (message: string): void => {
      error.textContent = message;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      button.disabled = false;
    };
    if (!key) return fail('Type the trainer key.');
    button.disabled = true;
    const api = new TrainerApi(key);
    api.sessions().then(
      () => signedIn(api),
      (problem: unknown) => {
        if (problem instanceof ApiRefusal && problem.status === 401) fail('That is not this server’s trainer key. Copy it from the window where “tactful serve” is running (the line “Trainer key: …”).');
        else if (problem instanceof ApiRefusal) fail(problem.message);
        else fail('The session server cannot be reached. Is “tactful serve” still running?');
      },
    );
  });
  return [h('div', { class: 'page-narrow' }, h('h1', { id: 'sign-in-title' }, 'Sign in'), h('p', { class: 'lede' }, 'Run live sessions: create one, project its join code, and watch the room play.'), form)];
}
