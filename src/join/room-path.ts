import { h } from '../game/ui/dom.ts';
import type { RoomDebriefRound, RoomDebriefView } from '../server/room/room-debrief.ts';
import type { PlayedRoundView, RoomEndingView } from '../server/room/room-views.ts';
import { tallyList } from './room-tally.ts';

const OUTCOMES: Record<string, string> = {
  satisfied: 'The customer left satisfied',
  neutral: 'The customer left neutral',
  dissatisfied: 'The customer left dissatisfied',
  escalated: 'The customer escalated',
  lost: 'The customer took their business elsewhere',
};

/** How the room's reply was chosen, in words. */
export function playedByText(played: PlayedRoundView): string {
  if (played.by === 'timeout') return 'Time ran out';
  return played.by === 'majority' ? 'The room’s majority' : 'The trainer’s pick';
}

/** An ending in one line: "The customer left satisfied · passed · 78/100". */
export function endingText(ending: RoomEndingView): string {
  return `${OUTCOMES[ending.outcome] ?? ending.outcome} · ${ending.passed ? 'passed' : 'not passed'} · ${Math.round(ending.overall)}/100`;
}

function roundItem(round: RoomDebriefRound): HTMLElement {
  const marks = [
    round.split ? h('span', { class: 'badge room-split', 'data-testid': 'room-split' }, round.tied.length > 0 ? 'Tied: the room split here' : 'The room split here') : null,
    round.overruled ? h('span', { class: 'badge badge-new' }, 'The trainer overruled the majority') : null,
  ];
  return h(
    'li',
    { class: `room-path-round${round.split ? ' is-split' : ''}`, 'data-round': round.number },
    h('blockquote', { class: 'room-path-customer' }, round.customer),
    h('p', { class: 'room-path-said' }, h('span', { class: 'room-path-by' }, `${playedByText(round.played)}: `), round.played.text ?? '(no reply)'),
    h('p', { class: 'room-tally-marks' }, ...marks, h('span', { class: 'muted' }, `${round.votes} vote${round.votes === 1 ? '' : 's'}`)),
    round.votes > 0 ? h('details', { class: 'room-path-votes' }, h('summary', {}, 'How the room voted'), tallyList(round.replies, round.votes, { played: round.played.reply })) : null,
  );
}

/**
 * The room's debrief: for each scenario, the path the room took (each
 * customer line and what the room said, how it was chosen), the rounds
 * where the room split or the trainer overruled it, how the votes fell
 * (on demand), and the ending reached.
 */
export function roomDebriefList(debrief: RoomDebriefView): HTMLElement {
  if (debrief.scenarios.every((s) => s.rounds.length === 0)) return h('p', { class: 'empty-state' }, 'The room has not played a reply yet.');
  return h(
    'div',
    { class: 'room-debrief', 'data-testid': 'room-debrief' },
    ...debrief.scenarios.map((scenario) =>
      h(
        'section',
        { class: 'room-debrief-scenario' },
        h('h3', {}, scenario.title),
        h('ol', { class: 'room-path' }, ...scenario.rounds.map(roundItem)),
        h('p', { class: 'room-debrief-ending' }, scenario.ending ? endingText(scenario.ending) : 'Not finished'),
      ),
    ),
  );
}
