import { h } from '../../game/ui/dom.ts';
import type { TrainerRoomView } from '../../server/room/room-views.ts';

/** A trainer's action on the room: what the buttons send (`POST /api/sessions/:id/room/<action>`). */
export type RoomAction = { action: 'open' | 'reveal' | 'next' } | { action: 'play'; play: string };

/** Whether the voting deadline has passed, on the server's clock. */
export function deadlinePassed(view: TrainerRoomView, offsetMs: number): boolean {
  const deadline = view.round?.deadline;
  return deadline !== null && deadline !== undefined && Date.now() + offsetMs >= new Date(deadline).getTime();
}

/**
 * The trainer's buttons for where the room is: open the vote; reveal it;
 * play the majority (or, on a tie or with no vote, a note to pick one of
 * the replies listed with the votes); let time run out once the deadline
 * has passed; the next scenario after an ending. One primary button at a
 * time, so the next step is always the obvious one.
 */
export function roomControls(view: TrainerRoomView, offsetMs: number, busy: boolean, act: (action: RoomAction) => void): HTMLElement {
  const button = (label: string, action: RoomAction, primary: boolean, testId: string): HTMLElement =>
    h('button', { type: 'button', class: `btn ${primary ? 'btn-primary' : 'btn-secondary'}`, disabled: busy, 'data-testid': testId, onclick: () => act(action) }, label);
  const note = (text: string): HTMLElement => h('p', { class: 'hint room-control-note' }, text);
  const round = view.round;
  const timeout = round && round.deadline && deadlinePassed(view, offsetMs) ? button('Let time run out', { action: 'play', play: 'timeout' }, false, 'room-timeout') : null;
  const parts: (HTMLElement | null)[] = [];
  if (view.session.state === 'ended') parts.push(note('This session has ended: the room’s path is below.'));
  else if (view.session.state === 'paused' && (view.phase === 'ready' || view.phase === 'ending')) parts.push(note('The session is paused: resume it to go on.'));
  else {
    switch (view.phase) {
      case 'ready':
        parts.push(button('Open the vote', { action: 'open' }, true, 'room-open'));
        break;
      case 'voting':
      case 'closed':
        parts.push(button('Reveal the votes', { action: 'reveal' }, true, 'room-reveal'), timeout);
        break;
      case 'revealed': {
        const majority = round?.majority ? round.replies.find((r) => r.reply === round.majority) : undefined;
        if (majority) parts.push(button('Play the majority', { action: 'play', play: 'majority' }, true, 'room-play-majority'), note(`“${majority.text}”`));
        else parts.push(note(round && round.tied.length > 0 ? 'A tie: pick the reply to play below.' : 'Nobody voted: pick the reply to play below.'));
        parts.push(timeout);
        break;
      }
      case 'ending':
        if (view.hasNextScenario) parts.push(button('Next scenario', { action: 'next' }, true, 'room-next'));
        else parts.push(note('That was the session’s last scenario: the room’s path is below.'));
        break;
    }
  }
  return h('div', { class: 'room-controls' }, ...parts);
}
