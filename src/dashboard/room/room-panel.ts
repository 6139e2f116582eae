import './room-panel.css';
import { append, h } from '../../game/ui/dom.ts';
import type { RoomDebriefView } from '../../server/room/room-debrief.ts';
import type { TrainerRoomView } from '../../server/room/room-views.ts';
import { clockText, countdown, serverOffset } from '../../join/room-countdown.ts';
import { customerCard } from '../../join/room-customer.ts';
import { followRoom, type RoomLiveState } from '../../join/room-live.ts';
import { endingText, playedByText, roomDebriefList } from '../../join/room-path.ts';
import { tallyList } from '../../join/room-tally.ts';
import { roomControls, type RoomAction } from './room-controls.ts';

/** What the dashboard gives the room panel. */
export interface RoomPanelContext {
  sessionId: string;
  trainerKey: string;
  signal: AbortSignal;
}

const PHASES: Record<TrainerRoomView['phase'], string> = {
  ready: 'Ready to vote',
  voting: 'Voting',
  closed: 'Voting closed',
  revealed: 'Votes revealed',
  ending: 'Scenario ended',
};

const LIVE: Record<RoomLiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', refused: 'Disconnected', gone: 'Session deleted' };

/**
 * Room mode on the trainer's dashboard, made to be projected: the customer
 * (face, mood, line) big, the time left and how many have voted, then, on
 * reveal, the distribution with the coaching for each reply and a "Play
 * this reply" next to each; "Play the majority"; after an ending, the next
 * scenario; and the room's path (at the end, its debrief: where it split).
 * "Projector view" shows the panel alone, full screen. Follows the room live
 * (`GET /api/sessions/:id/room/events`); every button is one POST.
 */
export function mountRoomPanel(host: HTMLElement, ctx: RoomPanelContext): void {
  const base = `/api/sessions/${encodeURIComponent(ctx.sessionId)}/room`;
  const authorization = `Bearer ${ctx.trainerKey}`;
  const root = h('section', { class: 'room-panel', 'aria-label': 'Room vote', 'data-testid': 'room-panel' });
  host.append(root);
  let view: TrainerRoomView | null = null;
  let offset = 0;
  let live: { state: RoomLiveState; detail?: string } = { state: 'connecting' };
  let busy = false;
  let problem = '';
  let debrief: RoomDebriefView | null = null;
  let debriefKey = '';
  let closedTimer: ReturnType<typeof setTimeout> | null = null;

  const accept = (next: TrainerRoomView): void => {
    view = next;
    offset = serverOffset(next.now);
  };

  const loadDebrief = async (key: string): Promise<void> => {
    if (debriefKey === key) return;
    debriefKey = key;
    try {
      const response = await fetch(`${base}/debrief`, { headers: { Authorization: authorization }, cache: 'no-store', signal: ctx.signal });
      if (response.ok) debrief = (await response.json()) as RoomDebriefView;
    } catch {
      debriefKey = '';
    }
    render();
  };

  const act = async (action: RoomAction): Promise<void> => {
    busy = true;
    problem = '';
    render();
    try {
      const response = await fetch(`${base}/${action.action}`, {
        method: 'POST',
        headers: { Authorization: authorization, ...(action.action === 'play' ? { 'Content-Type': 'application/json' } : {}) },
        body: action.action === 'play' ? JSON.stringify({ play: action.play }) : undefined,
        cache: 'no-store',
        signal: ctx.signal,
      });
      const body = (await response.json()) as TrainerRoomView | { error?: string };
      if (response.ok) accept(body as TrainerRoomView);
      else problem = 'error' in body && body.error ? body.error : `the server refused this (HTTP ${response.status})`;
    } catch {
      if (!ctx.signal.aborted) problem = 'the server could not be reached: check the connection and try again';
    }
    busy = false;
    render();
  };

  const projectorButton = (): HTMLElement =>
    h('button', {
      type: 'button',
      class: 'btn btn-quiet',
      'aria-pressed': String(root.classList.contains('is-projector')),
      onclick: () => {
        const on = !root.classList.contains('is-projector');
        root.classList.toggle('is-projector', on);
        if (on && root.requestFullscreen) root.requestFullscreen().catch(() => {});
        else if (!on && document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        render();
      },
    }, root.classList.contains('is-projector') ? 'Leave projector view' : 'Projector view');

  const roundPart = (v: TrainerRoomView): (HTMLElement | null)[] => {
    const round = v.round;
    if (!round) return [];
    const status = h(
      'div',
      { class: 'room-status' },
      round.deadline && v.phase === 'voting' && v.session.state === 'paused'
        ? h('p', { class: 'room-timer', 'data-testid': 'room-timer' }, h('span', { class: 'room-timer-label' }, 'Paused'), ' ', h('span', { class: 'room-timer-value' }, `${clockText(new Date(round.deadline).getTime() - new Date(v.now).getTime())} left`))
        : round.deadline && v.phase === 'voting'
          ? countdown(round.deadline, offset, ctx.signal)
          : h('p', { class: 'room-timer' }, h('span', { class: 'room-timer-value' }, v.phase === 'voting' ? 'No time limit' : 'Voting closed')),
      h('p', { class: 'room-votes', 'data-testid': 'room-votes' }, h('strong', {}, String(round.votes)), ` of ${v.participants} voted`),
    );
    if (!round.distribution) return [status];
    const pick = (reply: { reply: string }): HTMLElement =>
      h('button', { type: 'button', class: 'btn btn-secondary room-pick', disabled: busy || v.session.state === 'ended', 'data-testid': 'room-pick', onclick: () => void act({ action: 'play', play: reply.reply }) }, 'Play this reply');
    return [status, h('h3', {}, 'How the room voted'), tallyList(round.distribution, round.votes, { action: pick })];
  };

  const pathPart = (v: TrainerRoomView): HTMLElement | null => {
    if (v.phase === 'ending' && !v.hasNextScenario) {
      void loadDebrief(`${v.scenario.index}/${v.path.length}`);
      return h('section', { class: 'room-debrief-section' }, h('h3', {}, 'The room’s path'), debrief ? roomDebriefList(debrief) : h('p', { class: 'muted' }, 'Loading the debrief…'));
    }
    if (v.path.length === 0) return null;
    return h(
      'details',
      { class: 'room-path-so-far' },
      h('summary', {}, `The room’s path so far (${v.path.length})`),
      h('ol', { class: 'room-path' }, ...v.path.map((p) => h('li', { class: 'room-path-round' }, h('blockquote', { class: 'room-path-customer' }, p.customer), h('p', { class: 'room-path-said' }, h('span', { class: 'room-path-by' }, `${playedByText(p)}: `), p.text ?? '(silence)')))),
    );
  };

  function render(): void {
    if (closedTimer !== null) clearTimeout(closedTimer);
    closedTimer = null;
    const head = h(
      'header',
      { class: 'room-panel-head' },
      h('div', {}, h('p', { class: 'eyebrow' }, view ? `Scenario ${view.scenario.index + 1} of ${view.scenario.count}` : 'Room'), h('h2', {}, view ? view.scenario.title : 'Room vote')),
      h('div', { class: 'room-panel-meta' }, view ? h('span', { class: `room-phase room-phase-${view.phase}`, 'data-testid': 'room-phase' }, PHASES[view.phase]) : null, h('span', { class: `room-live room-live-${live.state}` }, LIVE[live.state]), projectorButton()),
    );
    if (!view) {
      root.replaceChildren(head, h('p', { class: live.state === 'refused' || live.state === 'gone' ? 'notice' : 'muted', role: 'status' }, live.detail ?? 'Loading the room…'));
      return;
    }
    const v = view;
    root.dataset.phase = v.phase;
    const last = v.lastPlayed;
    root.replaceChildren();
    append(
      root,
      head,
      h('div', { class: 'room-stage' }, customerCard(v.customer), last && v.phase !== 'ending' ? h('p', { class: 'room-last' }, h('span', { class: 'room-path-by' }, `${playedByText(last)}: `), last.text ?? '(silence)') : null),
      v.ending ? h('p', { class: 'room-ending', 'data-testid': 'room-ending' }, endingText(v.ending)) : null,
      ...roundPart(v),
      roomControls(v, offset, busy, (action) => void act(action)),
      h('p', { class: 'form-error', role: 'alert' }, problem),
      pathPart(v),
    );
    // When the deadline passes, "Let time run out" becomes possible: draw the controls again then.
    if (v.phase === 'voting' && v.round?.deadline) closedTimer = setTimeout(render, Math.max(0, new Date(v.round.deadline).getTime() - (Date.now() + offset)) + 100);
  }

  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && root.classList.contains('is-projector')) {
      root.classList.remove('is-projector');
      render();
    }
  }, { signal: ctx.signal });
  ctx.signal.addEventListener('abort', () => {
    if (closedTimer !== null) clearTimeout(closedTimer);
  }, { once: true });
  followRoom<TrainerRoomView>(`${base}/events`, authorization, {
    onView(next) {
      accept(next);
      render();
    },
    onState(state, detail) {
      live = { state, ...(detail === undefined ? {} : { detail }) };
      render();
    },
  }, ctx.signal);
  render();
}
