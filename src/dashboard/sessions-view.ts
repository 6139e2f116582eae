import { h } from '../game/ui/dom.ts';
import type { SessionListItem } from './dashboard-types.ts';
import { MODE_LABELS, shortTime, STATE_LABELS } from './labels.ts';

/**
 * The trainer's sessions, newest first, each a link to its live view, and
 * the way to create one.
 */
export function sessionsView(sessions: readonly SessionListItem[]): HTMLElement[] {
  const head = h('div', { class: 'view-head' }, h('h1', {}, 'Sessions'), h('a', { class: 'btn btn-primary', href: '#/new' }, 'New session'));
  if (sessions.length === 0) return [head, h('p', { class: 'panel empty-state' }, 'No sessions yet. Create one, then project its join code for the room.')];
  const rows = sessions.map((s) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('a', { href: `#/session/${encodeURIComponent(s.id)}` }, s.name)),
      h('td', { class: 'code-cell' }, s.code),
      h('td', {}, MODE_LABELS[s.mode] ?? s.mode),
      h('td', {}, h('span', { class: `state state-${s.state}` }, STATE_LABELS[s.state] ?? s.state)),
      h('td', { class: 'num' }, String(s.participants)),
      h('td', {}, shortTime(s.createdAt)),
    ),
  );
  return [
    head,
    h(
      'div',
      { class: 'panel table-panel' },
      h(
        'table',
        { class: 'data-table', 'aria-label': 'Sessions' },
        h('thead', {}, h('tr', {}, ...['Session', 'Code', 'Mode', 'State', 'Trainees', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...rows),
      ),
    ),
  ];
}
