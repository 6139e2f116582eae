import { keepIdentity, type SessionIdentity } from '../../join/identity-store.ts';
import { JoinRefusal, whoAmI } from '../../join/trainee-api.ts';
import { onRouteChange } from '../navigation.ts';
import { h } from '../ui/dom.ts';
import { SESSION_CHECK_MS, sessionStandingText, type SessionStanding } from './session-state-text.ts';
import './session-status.css';

/**
 * Tells a trainee in a live session when the trainer pauses, resumes or
 * ends it, or removed them: a line in the corner, read out politely by a
 * screen reader, never a dialog over a decision. The game asks `GET
 * /api/me` (the trainee's own token) when the screen changes (between
 * decisions: the briefing, the debrief, the menu) and every
 * `SESSION_CHECK_MS`; a polite poll costs a few bytes, and unlike a stream
 * it needs no connection held open per trainee.
 *
 * A server that cannot be reached changes nothing: results wait in the
 * outbox, and the line keeps what it last knew.
 */
export function followSessionStanding(identity: SessionIdentity): void {
  const line = h('p', { class: 'session-standing', role: 'status', 'aria-live': 'polite', 'data-testid': 'session-standing', hidden: true });
  document.body.appendChild(line);
  let asking = false;
  const show = (standing: SessionStanding): void => {
    const text = sessionStandingText(standing, identity.session.name);
    line.dataset.standing = standing;
    line.hidden = text === null;
    line.replaceChildren(text ?? '');
    if (standing === 'removed') line.append(' ', h('a', { href: `/join/${encodeURIComponent(identity.code)}` }, 'Join again'));
  };
  const check = async (): Promise<void> => {
    if (asking) return;
    asking = true;
    try {
      const me = await whoAmI(identity.token);
      keepIdentity({ ...identity, name: me.name, session: me.session });
      show(me.session.state);
    } catch (error) {
      if (error instanceof JoinRefusal && error.status === 401) show('removed');
    } finally {
      asking = false;
    }
  };
  onRouteChange(() => void check());
  window.setInterval(() => void check(), SESSION_CHECK_MS);
  void check();
}
