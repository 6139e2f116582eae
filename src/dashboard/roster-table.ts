import { h } from '../game/ui/dom.ts';
import type { RosterEntryView } from './dashboard-types.ts';

/** Where a trainee is, in a word: waiting (joined, not started), playing, finished. */
export function rosterStatus(entry: RosterEntryView): 'waiting' | 'playing' | 'finished' {
  if (!entry.latest) return 'waiting';
  return entry.latest.status;
}

/** "3 decisions · at angry-call" — how far the latest play is. */
function progress(entry: RosterEntryView): string {
  const play = entry.latest;
  if (!play) return 'Not started';
  const decisions = `${play.decisions} decision${play.decisions === 1 ? '' : 's'}`;
  if (play.status === 'finished') return decisions;
  return play.lastNode ? `${decisions} · at ${play.lastNode}` : decisions;
}

/** The latest play's result: the overall score and whether it passed, and the ending reached. */
function result(entry: RosterEntryView): HTMLElement {
  const play = entry.latest;
  if (!play || play.status !== 'finished' || play.overall === null) return h('span', { class: 'muted' }, '—');
  return h(
    'span',
    { class: 'result' },
    h('strong', {}, String(play.overall)),
    ' ',
    play.passed ? h('span', { class: 'badge badge-passed' }, 'Passed') : h('span', { class: 'badge badge-failed' }, 'Not passed'),
  );
}

/**
 * The live roster: each trainee in the order they joined, which scenario
 * they are in, how far (decisions, the node they are at), waiting,
 * playing or finished, their latest score and outcome, and plays finished.
 * Names are text. "Remove" asks first (`remove`).
 */
export function rosterTable(roster: readonly RosterEntryView[], remove: (entry: RosterEntryView) => void): HTMLElement {
  if (roster.length === 0) return h('p', { class: 'empty-state', 'data-testid': 'roster-empty' }, 'Nobody has joined yet. Project the code: trainees join from their phones or laptops.');
  const rows = roster.map((entry) => {
    const status = rosterStatus(entry);
    const outcome = entry.latest?.outcome ?? entry.latest?.ending ?? null;
    return h(
      'tr',
      { 'data-participant': entry.participantId },
      h('th', { scope: 'row', class: 'name-cell' }, entry.name),
      h('td', {}, entry.latest?.scenarioTitle ?? '—'),
      h('td', {}, h('span', { class: `status status-${status}` }, status === 'waiting' ? 'Waiting' : status === 'playing' ? 'Playing' : 'Finished')),
      h('td', {}, progress(entry)),
      h('td', {}, result(entry)),
      h('td', { class: 'outcome-cell' }, outcome ?? '—'),
      h('td', { class: 'num' }, `${entry.finished} of ${entry.plays}`),
      h('td', {}, h('button', { type: 'button', class: 'btn btn-quiet btn-small', 'aria-label': `Remove ${entry.name}`, onclick: () => remove(entry) }, 'Remove')),
    );
  });
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table roster', 'aria-label': 'Roster', 'data-testid': 'roster' },
      h('thead', {}, h('tr', {}, ...['Trainee', 'Scenario', 'Status', 'Progress', 'Score', 'Outcome', 'Finished plays', ''].map((t) => h('th', { scope: 'col' }, t ? t : h('span', { class: 'sr-only' }, 'Actions'))))),
      h('tbody', {}, ...rows),
    ),
  );
}
