import './dashboard.css';
import { h } from '../game/ui/dom.ts';
import { newSessionForm } from './new-session-form.ts';
import { showPage } from './page-shell.ts';
import { sessionsView } from './sessions-view.ts';
import { showSessionView } from './session-view.ts';
import { signInView } from './sign-in-view.ts';
import { ApiRefusal, TrainerApi } from './trainer-api.ts';
import { forgetTrainerKey, savedTrainerKey, saveTrainerKey } from './trainer-key.ts';

/**
 * The trainer's dashboard (`/dashboard`): sign in with the trainer key,
 * the sessions, a new session, and one session live. Each view has its
 * own address (`#/`, `#/new`, `#/session/<id>`), so a reload or Back
 * keeps the trainer where they were; the key stays in this tab only.
 */
const app = document.getElementById('app')!;
let api: TrainerApi | null = null;
let leaving: AbortController | null = null;

function signOut(reason?: string): void {
  forgetTrainerKey();
  api = null;
  leaving?.abort();
  showPage(app, signInView((signedIn) => {
    api = signedIn;
    saveTrainerKey(signedIn.key);
    void route();
  }, reason));
}

const shell = { signedIn: { signOut: () => signOut() } };
const show = (content: HTMLElement[]): void => showPage(app, content, shell);

/** What went wrong, said to the trainer (a wrong key goes back to signing in). */
function failed(error: unknown, what: string): void {
  if (error instanceof ApiRefusal && error.status === 401) return signOut('The trainer key no longer works (the server may have restarted with a new key). Sign in again.');
  const message = error instanceof ApiRefusal ? error.message : 'The session server cannot be reached. Is “tactful serve” still running?';
  show([h('h1', {}, what), h('p', { class: 'form-error', role: 'alert' }, message), h('button', { type: 'button', class: 'btn btn-primary', onclick: () => void route() }, 'Try again')]);
}

async function route(): Promise<void> {
  leaving?.abort();
  leaving = new AbortController();
  const signal = leaving.signal;
  if (!api) return signOut();
  const trainer = api;
  const hash = location.hash.replace(/^#/, '') || '/';
  const session = /^\/session\/([^/]+)$/.exec(hash);
  if (session) {
    await showSessionView({ api: trainer, signOut, toList: () => (location.hash = '#/'), show }, decodeURIComponent(session[1]!), signal);
    return;
  }
  if (hash === '/new') {
    show([h('h1', {}, 'New session')]);
    try {
      const scenarios = await trainer.scenarios();
      if (signal.aborted) return;
      const { form, showError } = newSessionForm(scenarios, (choice) => {
        trainer.create(choice).then(
          (created) => (location.hash = `#/session/${encodeURIComponent(created.id)}`),
          (error: unknown) => (error instanceof ApiRefusal && error.status !== 401 ? showError(error.message) : failed(error, 'The session was not created')),
        );
      });
      show([h('p', {}, h('a', { href: '#/', class: 'back-link' }, '← All sessions')), h('h1', { id: 'new-session-title' }, 'New session'), form]);
    } catch (error) {
      failed(error, 'The scenarios cannot be listed');
    }
    return;
  }
  try {
    const sessions = await trainer.sessions();
    if (!signal.aborted) show(sessionsView(sessions));
  } catch (error) {
    failed(error, 'The sessions cannot be listed');
  }
}

window.addEventListener('hashchange', () => void route());
const key = savedTrainerKey();
if (key) {
  api = new TrainerApi(key);
  void route();
} else signOut();
