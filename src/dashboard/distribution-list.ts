import { h } from '../game/ui/dom.ts';
import type { DistributionView, ReplyTally } from './dashboard-types.ts';

/** "7 of 12 chose" for one reply at a point. */
export function choseText(count: number, decisions: number): string {
  return `${count} of ${decisions} chose`;
}

function replyRow(reply: ReplyTally, decisions: number): HTMLElement {
  const share = decisions === 0 ? 0 : reply.count / decisions;
  const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill' }));
  // A custom property, not an inline style string: the pages' policy allows no inline styles.
  (bar.firstElementChild as HTMLElement).style.setProperty('--share', String(share));
  return h(
    'li',
    { class: `reply-tally${reply.best ? ' reply-best' : ''}`, 'data-reply': reply.reply },
    h('div', { class: 'reply-count' }, h('strong', {}, choseText(reply.count, decisions)), bar),
    h(
      'div',
      { class: 'reply-text' },
      h('p', { class: 'reply-say' }, reply.text ?? `Reply ${reply.reply} (not in this server's copy of the scenario)`, reply.best ? h('span', { class: 'badge badge-passed' }, 'Most tactful') : null),
      reply.coaching ? h('p', { class: 'reply-coaching' }, h('span', { class: 'coaching-label' }, 'Coaching: '), reply.coaching) : null,
    ),
  );
}

/**
 * Per decision point, what the room chose: the customer's line, every
 * reply with how many chose it ("7 of 12 chose …"), the most tactful
 * marked, and the scenario's coaching next to each, ready to discuss.
 * All text is the server's own copy of the scenario, shown as text.
 */
export function distributionList(points: readonly DistributionView[]): HTMLElement {
  if (points.length === 0) return h('p', { class: 'empty-state', 'data-testid': 'distribution-empty' }, 'No decisions yet: the replies chosen appear here as trainees play.');
  return h(
    'ol',
    { class: 'points', 'data-testid': 'distribution' },
    ...points.map((point) =>
      h(
        'li',
        { class: 'panel point', 'data-point': `${point.scenario}/${point.node}` },
        h('h3', {}, `${point.scenarioTitle} · ${point.node}`, h('span', { class: 'point-total' }, ` · ${point.decisions} decision${point.decisions === 1 ? '' : 's'}`)),
        point.customer ? h('blockquote', { class: 'customer-line' }, h('span', { class: 'sr-only' }, 'The customer says: '), point.customer) : null,
        h('ul', { class: 'reply-tallies' }, ...point.replies.map((r) => replyRow(r, point.decisions))),
        point.timedOut > 0 ? h('p', { class: 'hint' }, `${choseText(point.timedOut, point.decisions).replace('chose', 'ran out of time')}`) : null,
      ),
    ),
  );
}
