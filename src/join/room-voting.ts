import './room-voting.css';
import { append, h } from '../game/ui/dom.ts';
import type { RoomDebriefView } from '../server/room/room-debrief.ts';
import type { TraineeRoomView } from '../server/room/room-views.ts';
import type { JoinedSession } from './joined-session.ts';
import { countdown, serverOffset } from './room-countdown.ts';
import { customerCard } from './room-customer.ts';
import { followRoom, type RoomLiveState } from './room-live.ts';
import { endingText, playedByText, roomDebriefList } from './room-path.ts';
import { tallyList } from './room-tally.ts';

/** What the join page gives the voting screen. */
export interface RoomVotingContext {
  token: string;
  participantId: string;
  session: JoinedSession;
  signal: AbortSignal;
}

const LIVE_NOTES: Record<RoomLiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Disconnected',
  gone: 'Session deleted',
};

/**
 * A trainee's phone in a room-mode session: the customer's current line,
 * the replies as big buttons while voting is open (a vote can be changed
 * until the deadline or the reveal), "waiting for the trainer" between
 * rounds, the room's votes once the trainer reveals them (counts only, with
 * the coaching and the trainee's own vote marked), and the room's path at
 * the end. Follows the room live (`GET /api/room/events`, the token in a
 * header); a reload or a dropped connection comes back to the same place,
 * since the token is the trainee's identity and each update is the whole view.
 */
export function mountRoomVoting(host: HTMLElement, ctx: RoomVotingContext): void {
  const root = h('section', { class: 'room-voting', 'aria-label': `Room vote: ${ctx.session.name}` });
  host.append(root);
  const authorization = `Bearer ${ctx.token}`;
  let view: TraineeRoomView | null = null;
  let offset = 0;
  let live: { state: RoomLiveState; detail?: string } = { state: 'connecting' };
  let problem = '';
  let sending = false;
  let debrief: RoomDebriefView | null = null;
  let debriefFor = '';

  const loadDebrief = async (): Promise<void> => {
    const key = view ? `${view.scenario.index}/${view.phase}` : '';
    if (debriefFor === key) return;
    debriefFor = key;
    try {
      const response = await fetch('/api/room/debrief', { headers: { Authorization: authorization }, cache: 'no-store', signal: ctx.signal });
      if (response.ok) debrief = (await response.json()) as RoomDebriefView;
    } catch {
      debriefFor = '';
    }
    render();
  };

  const vote = async (reply: string): Promise<void> => {
    if (!view?.round || sending) return;
    sending = true;
    problem = '';
    render(reply);
    try {
      const response = await fetch('/api/room/vote', {
        method: 'PUT',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ round: view.round.number, reply }),
        cache: 'no-store',
        signal: ctx.signal,
      });
      const body = (await response.json()) as TraineeRoomView | { error?: string };
      if (response.ok) {
        view = body as TraineeRoomView;
        offset = serverOffset(view.now);
      } else problem = 'error' in body && body.error ? body.error : `your vote did not go through (HTTP ${response.status})`;
    } catch {
      problem = 'your vote did not reach the server: check the connection and tap again';
    }
    sending = false;
    render(reply);
  };

  const phaseContent = (v: TraineeRoomView): (HTMLElement | null)[] => {
    const round = v.round;
    const waiting = (text: string): HTMLElement => h('p', { class: 'room-waiting', role: 'status', 'data-testid': 'room-waiting' }, text);
    if (v.session.state === 'paused') return [waiting('The trainer has paused the session.')];
    switch (v.phase) {
      case 'ready':
        return [waiting('Waiting for the trainer to open the vote…')];
      case 'voting':
        return [
          round?.deadline ? countdown(round.deadline, offset, ctx.signal) : null,
          h('h3', { class: 'room-question' }, 'What would you say?'),
          h(
            'div',
            { class: 'room-choices', role: 'group', 'aria-label': 'Your reply' },
            ...(round?.replies ?? []).map((r) =>
              h('button', { type: 'button', class: `room-choice${round?.yourVote === r.reply ? ' is-chosen' : ''}`, 'data-reply': r.reply, 'aria-pressed': String(round?.yourVote === r.reply), disabled: sending, onclick: () => void vote(r.reply) }, r.text),
            ),
          ),
          h('p', { class: 'hint', role: 'status' }, round?.yourVote ? 'Vote recorded. You can change it until time runs out.' : 'Tap a reply to vote. Nobody sees your vote; the room sees only totals.'),
        ];
      case 'closed':
        return [waiting('Voting has closed. Waiting for the trainer to reveal the votes…'), yourVoteLine(v)];
      case 'revealed':
        return [
          h('h3', {}, 'How the room voted'),
          round?.distribution ? tallyList(round.distribution, round.votes ?? 0, { yourVote: round.yourVote }) : null,
          round && round.tied.length > 0 ? h('p', { class: 'hint' }, 'A tie: the trainer picks the reply.') : null,
          waiting('Waiting for the trainer to play a reply…'),
        ];
      case 'ending':
        return [
          v.ending ? h('p', { class: 'room-ending', 'data-testid': 'room-ending' }, endingText(v.ending)) : null,
          v.hasNextScenario ? waiting('Waiting for the trainer to start the next scenario…') : h('h3', {}, 'That was the last scenario: the room’s path'),
          !v.hasNextScenario && debrief ? roomDebriefList(debrief) : null,
        ];
    }
  };

  const yourVoteLine = (v: TraineeRoomView): HTMLElement | null => {
    const mine = v.round?.replies.find((r) => r.reply === v.round?.yourVote);
    return mine ? h('p', { class: 'room-your-vote' }, h('strong', {}, 'Your vote: '), mine.text) : h('p', { class: 'muted' }, 'You did not vote in this round.');
  };

  function render(focusReply?: string): void {
    const focused = focusReply ?? (document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement.dataset.reply : undefined);
    const head = h(
      'header',
      { class: 'room-voting-head' },
      h('p', { class: 'eyebrow' }, view ? `Scenario ${view.scenario.index + 1} of ${view.scenario.count}: ${view.scenario.title}` : ctx.session.name),
      h('span', { class: `room-live room-live-${live.state}`, 'data-testid': 'room-live' }, LIVE_NOTES[live.state]),
    );
    if (live.state === 'refused' || live.state === 'gone') {
      root.replaceChildren(head, h('p', { class: 'notice', role: 'alert' }, live.detail ?? 'This session is no longer available.'));
      return;
    }
    if (!view) {
      root.replaceChildren(head, h('p', { class: 'room-waiting', role: 'status' }, 'Joining the room…'));
      return;
    }
    const last = view.lastPlayed;
    root.replaceChildren();
    append(
      root,
      head,
      customerCard(view.customer),
      last && view.phase !== 'ending' ? h('p', { class: 'room-last' }, h('span', { class: 'room-path-by' }, `${playedByText(last)}: `), last.text ?? '(silence)') : null,
      ...phaseContent(view),
      h('p', { class: 'form-error', role: 'alert' }, problem),
    );
    if (focused) root.querySelector<HTMLElement>(`[data-reply="${focused}"]`)?.focus({ preventScroll: true });
    if (view.phase === 'ending' && !view.hasNextScenario) void loadDebrief();
  }

  followRoom<TraineeRoomView>('/api/room/events', authorization, {
    onView(next) {
      view = next;
      offset = serverOffset(next.now);
      // A new round clears the message about the last one.
      if (next.phase === 'voting' && !next.round?.yourVote) problem = '';
      render();
    },
    onState(state, detail) {
      live = { state, ...(detail === undefined ? {} : { detail }) };
      render();
    },
  }, ctx.signal);
  render();
}
