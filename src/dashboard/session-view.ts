import { h } from '../game/ui/dom.ts';
import { confirmAction } from './confirm-dialog.ts';
import type { SessionDetail, SessionTotals } from './dashboard-types.ts';
import { distributionList } from './distribution-list.ts';
import { saveFile } from './download.ts';
import { joinPanel } from './join-panel.ts';
import { applyLiveEvent } from './live-session.ts';
import { followLiveSession, type LiveState } from './live-stream.ts';
import { mountRoomPanelIfBuilt } from './room-entry.ts';
import { rosterTable } from './roster-table.ts';
import { sessionControls } from './session-controls.ts';
import { ApiRefusal, type TrainerApi } from './trainer-api.ts';

/** What the session view asks of the dashboard around it. */
export interface SessionViewHost {
  api: TrainerApi;
  /** The key stopped working: back to signing in, saying why. */
  signOut(reason: string): void;
  /** Back to the list (after a delete). */
  toList(): void;
  /** Shows the view's content (page-shell.ts). */
  show(content: HTMLElement[]): void;
}

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  'signed-out': 'Signed out',
  gone: 'Session deleted',
};

/** "12 trainees · 9 plays · 5 finished · 4 passed · mean score 71". */
export function totalsText(t: SessionTotals): string {
  const parts = [`${t.participants} trainee${t.participants === 1 ? '' : 's'}`, `${t.plays} play${t.plays === 1 ? '' : 's'}`, `${t.finished} finished`, `${t.passed} passed`];
  if (t.meanOverall !== null) parts.push(`mean score ${Math.round(t.meanOverall)}`);
  return parts.join(' · ');
}

/**
 * One session, live: the join code, link and QR code for the projector,
 * its state and the trainer's actions, the roster and, per decision point,
 * the replies chosen with their coaching. Everything below the join panel
 * follows the live stream (live-stream.ts); room sessions also get room
 * mode's panel. Stops following when `signal` aborts (the trainer left).
 */
export async function showSessionView(host: SessionViewHost, sessionId: string, signal: AbortSignal): Promise<void> {
  const { api } = host;
  host.show([h('h1', {}, 'Opening the session…')]);
  let detail: SessionDetail;
  try {
    detail = await api.session(sessionId);
  } catch (error) {
    if (error instanceof ApiRefusal && error.status === 401) return host.signOut('The trainer key no longer works (the server may have restarted with a new key). Sign in again.');
    const message = error instanceof ApiRefusal ? error.message : 'The session server cannot be reached. Is “tactful serve” still running?';
    host.show([h('h1', {}, 'This session cannot be opened'), h('p', { class: 'form-error', role: 'alert' }, message), h('a', { class: 'btn btn-secondary', href: '#/' }, 'All sessions')]);
    return;
  }
  if (signal.aborted) return;

  const title = h('h1', { 'data-testid': 'session-title' }, detail.session.name);
  const liveBadge = h('span', { class: 'live-badge', role: 'status', 'data-testid': 'live-state', 'data-state': 'connecting' }, LIVE_TEXT.connecting);
  const notice = h('p', { class: 'form-error', role: 'alert' });
  const controls = h('div', {});
  const totals = h('p', { class: 'totals', 'data-testid': 'totals' });
  const roster = h('div', {});
  const distribution = h('div', {});
  const room = h('div', { class: 'room-host' });

  const fail = (error: unknown): void => {
    if (error instanceof ApiRefusal && error.status === 401) host.signOut('The trainer key no longer works. Sign in again.');
    else notice.textContent = error instanceof ApiRefusal ? error.message : 'The session server cannot be reached: try again in a moment.';
  };
  const render = (): void => {
    title.textContent = detail.session.name;
    controls.replaceChildren(
      sessionControls(detail.session, {
        changeState: (action) => void api.changeState(sessionId, action).then((session) => { applyLiveEvent(detail, 'session', { session }); render(); }, fail),
        download: (format) => void api.results(sessionId, format).then(({ blob, fileName }) => saveFile(blob, fileName), fail),
        remove: () => void confirmAction(`Delete “${detail.session.name}”?`, 'The session, its trainees and every result recorded in it are deleted for good. Download the results first if you need them.', 'Delete session').then(async (yes) => {
          if (!yes) return;
          try {
            await api.deleteSession(sessionId);
            host.toList();
          } catch (error) {
            fail(error);
          }
        }),
      }),
    );
    totals.textContent = totalsText(detail.totals);
    // Re-rendering the roster would drop the focus on a Remove button: put it back on the same trainee's.
    const focused = document.activeElement?.closest('tr')?.getAttribute('data-participant');
    roster.replaceChildren(
      rosterTable(detail.roster, (entry) =>
        void confirmAction(`Remove ${entry.name}?`, `${entry.name} leaves the session and everything they sent is deleted. They can join again with the code.`, 'Remove').then((yes) => (yes ? api.removeParticipant(sessionId, entry.participantId).catch(fail) : undefined)),
      ),
    );
    if (focused) roster.querySelector<HTMLElement>(`tr[data-participant="${CSS.escape(focused)}"] button`)?.focus();
    distribution.replaceChildren(distributionList(detail.distribution));
  };

  host.show([
    h('p', {}, h('a', { href: '#/', class: 'back-link' }, '← All sessions')),
    h('div', { class: 'view-head' }, title, liveBadge),
    notice,
    joinPanel(detail.session, detail.session.qr),
    controls,
    detail.session.mode === 'room' ? room : null,
    h('section', { 'aria-labelledby': 'roster-heading', class: 'section' }, h('div', { class: 'section-head' }, h('h2', { id: 'roster-heading' }, 'Roster'), totals), roster),
    h('section', { 'aria-labelledby': 'distribution-heading', class: 'section' }, h('h2', { id: 'distribution-heading' }, 'Replies chosen'), distribution),
  ].filter((e): e is HTMLElement => e !== null));
  render();

  if (detail.session.mode === 'room') {
    const built = await mountRoomPanelIfBuilt(room, { sessionId, trainerKey: api.key, signal });
    if (!built) room.append(h('p', { class: 'notice' }, 'This server cannot run room sessions yet: the room panel is not part of this build.'));
  }

  followLiveSession(api, sessionId, {
    onEvent: (event, data) => {
      if (applyLiveEvent(detail, event, data)) render();
    },
    onState: (state, detailText) => {
      liveBadge.textContent = LIVE_TEXT[state];
      liveBadge.dataset.state = state;
      if (state === 'signed-out') host.signOut('The trainer key no longer works. Sign in again.');
      if (state === 'gone') notice.textContent = detailText ? `This session is gone: ${detailText}.` : 'This session is gone.';
    },
  }, signal);
}
