import './join.css';
import { brand } from '../game/ui/screen.ts';
import { h } from '../game/ui/dom.ts';
import { forgetIdentity, keepIdentity, storedIdentity, type SessionIdentity } from './identity-store.ts';
import { JoinRefusal, joinSession, whoAmI } from './trainee-api.ts';
import { codeFromAddress } from './join-code.ts';
import { joinForm, type JoinFormState } from './join-form.ts';
import { gameAddress } from './game-address.ts';
import { mountRoomVotingIfBuilt } from './voting-entry.ts';

/**
 * The trainees' join page (`/join/<code>`, or `/join` with a code box):
 * a display name, then the session. The identity the server gives is kept
 * per code in this browser (identity-store.ts), so a reload or a return to
 * the link is the same participant; it is checked with `GET /api/me`
 * first, and a trainee the trainer removed is told so and may join again.
 * Self-paced sessions open the game (`/play/?session=CODE`), room sessions
 * the voting screen.
 */
const app = document.getElementById('app')!;
let live: AbortController | null = null;

function show(...content: HTMLElement[]): void {
  live?.abort();
  live = null;
  app.replaceChildren(h('header', { class: 'topbar' }, brand()), h('main', { class: 'page-main page-narrow', id: 'main' }, ...content));
  const focus = app.querySelector<HTMLElement>('h1');
  focus?.setAttribute('tabindex', '-1');
  focus?.focus({ preventScroll: true });
}

function askToJoin(state: JoinFormState): void {
  const form = joinForm(state, (code, name) => void join(code, name));
  show(
    h('h1', { id: 'join-title' }, 'Join a session'),
    h('p', { class: 'lede' }, 'Type your name and join: your trainer sees how you play, the room sees only totals.'),
    form,
  );
}

async function join(code: string, name: string): Promise<void> {
  show(h('h1', {}, 'Joining…'), h('p', { role: 'status' }, `Joining session ${code}…`));
  try {
    const answer = await joinSession(code, name);
    const identity: SessionIdentity = { ...answer, code };
    keepIdentity(identity);
    await enter(identity);
  } catch (error) {
    if (error instanceof JoinRefusal) {
      const aboutCode = error.status === 404 || error.status === 409 || error.status === 429;
      askToJoin({ code: error.status === 404 ? null : code, name, message: error.message, problem: aboutCode ? 'code' : 'name' });
    } else askToJoin({ code, name, message: 'The session server cannot be reached. Check your connection (the same network as your trainer), then join again.' });
  }
}

/** A returning trainee: still in the session? Then straight in; removed, or the session gone: say so and offer to join again. */
async function comeBack(identity: SessionIdentity): Promise<void> {
  show(h('h1', {}, 'Welcome back'), h('p', { role: 'status' }, `Checking your place in “${identity.session.name}”…`));
  try {
    const me = await whoAmI(identity.token);
    const updated = { ...identity, name: me.name, session: me.session };
    keepIdentity(updated);
    await enter(updated);
  } catch (error) {
    if (error instanceof JoinRefusal && error.status === 401) {
      forgetIdentity(identity.code);
      askToJoin({ code: identity.code, name: identity.name, message: `You are no longer in “${identity.session.name}”: your trainer removed you, or the session was deleted. Join again if your trainer asks you to.` });
      return;
    }
    show(
      h('h1', {}, 'Cannot reach the session'),
      h('p', { class: 'form-error', role: 'alert' }, 'The session server cannot be reached. Check your connection (the same network as your trainer).'),
      h('button', { type: 'button', class: 'btn btn-primary', onclick: () => void comeBack(identity) }, 'Try again'),
    );
  }
}

/** Into the session: the game for self-paced, the voting screen for room mode. */
async function enter(identity: SessionIdentity): Promise<void> {
  if (identity.session.mode === 'self-paced') {
    // In place of the join page: Back from the game does not bounce through it.
    location.replace(gameAddress(identity.code));
    return;
  }
  const host = h('div', { class: 'room-host' });
  show(h('h1', {}, identity.session.name), h('p', { class: 'lede' }, `You are in as ${identity.name}.`), host);
  live = new AbortController();
  const built = await mountRoomVotingIfBuilt(host, { token: identity.token, participantId: identity.participantId, session: identity.session, signal: live.signal });
  if (!built) host.append(h('p', { class: 'notice', role: 'status' }, 'This server cannot run room sessions yet. Tell your trainer.'));
}

const code = codeFromAddress(location.href);
const kept = code ? storedIdentity(code) : null;
if (kept) void comeBack(kept);
else askToJoin({ code, message: code === null && /^\/join\/./.test(location.pathname) ? 'The link has no valid session code: type the code your trainer shows.' : undefined });
