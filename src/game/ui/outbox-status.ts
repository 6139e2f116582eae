import type { OutboxStatus } from '../../report/xapi/outbox.ts';
import { whenPageOutboxOpens } from '../../report/xapi/page-outbox.ts';
import { h } from './dom.ts';
import './styles/results-sending.css';

/**
 * What the status line says about results on their way to the LRS or LMS.
 *
 * @example outboxStatusText({ waiting: 3, rejected: 0, offline: false }) // '3 results waiting to send'
 */
export function outboxStatusText(status: OutboxStatus): string {
  const refused = status.rejected === 0 ? '' : ` ${status.rejected} result${status.rejected === 1 ? ' was' : 's were'} refused by the results server (kept in this browser).`;
  if (status.waiting === 0) return status.rejected === 0 ? 'All results sent' : refused.trim();
  if (status.offline) return `Results will send when you are back online (${status.waiting} waiting)${refused ? `.${refused}` : ''}`;
  return `${status.waiting} result${status.waiting === 1 ? '' : 's'} waiting to send${refused ? `.${refused}` : ''}`;
}

/** How long "All results sent" stays before the line steps aside. */
const SENT_SHOWN_MS = 4000;

/**
 * A small line in the corner of every screen while results are on their way
 * (to an LRS or a cmi5 LMS): "3 results waiting to send", "Results will send
 * when you are back online", then "All results sent", which steps aside
 * after a few seconds. Nothing shows before the first result is queued,
 * and the page keeps room below its content so the line never hides text.
 * A polite live region, so a screen reader hears it change without losing
 * its place.
 */
export function showOutboxStatus(): void {
  whenPageOutboxOpens((outbox) => {
    const line = h('p', { class: 'outbox-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'outbox-status', hidden: '' });
    document.body.appendChild(line);
    let sentTimer: ReturnType<typeof setTimeout> | undefined;
    let anythingQueued = false;
    outbox.onStatus((status) => {
      const state = status.rejected > 0 ? 'rejected' : status.waiting > 0 ? 'waiting' : 'sent';
      anythingQueued ||= state !== 'sent';
      if (!anythingQueued) return;
      clearTimeout(sentTimer);
      line.textContent = outboxStatusText(status);
      line.dataset.state = state;
      line.hidden = false;
      document.body.classList.add('outbox-status-shown');
      if (state === 'sent') {
        sentTimer = setTimeout(() => {
          line.hidden = true;
          document.body.classList.remove('outbox-status-shown');
        }, SENT_SHOWN_MS);
      }
    });
  });
}
