import { h } from '../game/ui/dom.ts';
import type { SessionView } from './dashboard-types.ts';
import { MODE_LABELS, STATE_LABELS, timerLabel } from './labels.ts';

/** What the trainer can do to a session. */
export interface SessionActions {
  changeState(action: 'pause' | 'resume' | 'end'): void;
  download(format: 'csv' | 'json'): void;
  remove(): void;
}

/**
 * The session's state and the trainer's actions on it: pause or resume,
 * end, the results (CSV, JSON) and delete. An ended session can only be
 * downloaded or deleted.
 */
export function sessionControls(session: SessionView, actions: SessionActions): HTMLElement {
  const ended = session.state === 'ended';
  const stateButtons = ended
    ? []
    : [
        session.state === 'paused'
          ? h('button', { type: 'button', class: 'btn btn-primary', onclick: () => actions.changeState('resume') }, 'Resume')
          : h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => actions.changeState('pause') }, 'Pause'),
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => actions.changeState('end') }, 'End session'),
      ];
  return h(
    'div',
    { class: 'session-controls' },
    h(
      'p',
      { class: 'session-facts' },
      h('span', { class: `state state-${session.state}`, 'data-testid': 'session-state' }, STATE_LABELS[session.state] ?? session.state),
      h('span', {}, MODE_LABELS[session.mode] ?? session.mode),
      h('span', {}, `Reply timer: ${timerLabel(session.timers)}`),
      h('span', {}, session.scenarios.map((s) => s.title).join(', ')),
    ),
    h(
      'div',
      { class: 'actions-bar' },
      ...stateButtons,
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => actions.download('csv') }, 'Download CSV'),
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => actions.download('json') }, 'Download JSON'),
      h('button', { type: 'button', class: 'btn btn-danger-quiet', onclick: () => actions.remove() }, 'Delete session'),
    ),
  );
}
