import { h } from '../game/ui/dom.ts';
import type { RevealedReplyView } from '../server/room/room-views.ts';

/** What to mark next to the replies. */
export interface TallyOptions {
  /** The reader's own vote (a trainee's screen). */
  yourVote?: string | null;
  /** The reply the room played (the debrief). */
  played?: string | null;
  /** A control next to each reply (the projector's "Play this reply"). */
  action?: (reply: RevealedReplyView) => HTMLElement | null;
}

/** "5 of 9 voted" for a reply. */
export function votedText(count: number, votes: number): string {
  return `${count} of ${votes} voted`;
}

/**
 * A revealed round: every reply in the order the room saw it, with how
 * many voted for it and a bar, the most tactful marked, and the scenario's
 * coaching to discuss. Counts only: never who voted for what.
 */
export function tallyList(replies: readonly RevealedReplyView[], votes: number, options: TallyOptions = {}): HTMLElement {
  return h(
    'ol',
    { class: 'room-tally', 'data-testid': 'room-tally' },
    ...replies.map((reply) => {
      const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill' }));
      (bar.firstElementChild as HTMLElement).style.setProperty('--share', String(votes === 0 ? 0 : reply.count / votes));
      return h(
        'li',
        { class: `room-tally-reply${reply.best ? ' is-best' : ''}${options.played === reply.reply ? ' is-played' : ''}`, 'data-reply': reply.reply },
        h('div', { class: 'room-tally-count' }, h('strong', {}, votedText(reply.count, votes)), bar),
        h(
          'div',
          { class: 'room-tally-text' },
          h('p', { class: 'room-tally-say' }, reply.text),
          h(
            'p',
            { class: 'room-tally-marks' },
            reply.best ? h('span', { class: 'badge badge-passed' }, 'Most tactful') : null,
            options.yourVote === reply.reply ? h('span', { class: 'badge badge-new' }, 'Your vote') : null,
            options.played === reply.reply ? h('span', { class: 'badge' }, 'The room said this') : null,
          ),
          reply.coaching ? h('p', { class: 'room-tally-coaching' }, h('span', { class: 'coaching-label' }, 'Coaching: '), reply.coaching) : null,
        ),
        options.action?.(reply) ?? null,
      );
    }),
  );
}
