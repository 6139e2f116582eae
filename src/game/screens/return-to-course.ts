import { followableReturnUrl } from '../../report/cmi5/return-url.ts';
import { lastSaveDone, lmsReturnUrl } from '../app.ts';
import { sounds } from '../audio.ts';
import { h, icon } from '../ui/dom.ts';

/**
 * How long "Return to course" waits, at most, for results still on their
 * way to the LMS. Whatever is not sent by then stays in the outbox
 * (IndexedDB) and goes at the next launch; the trainee is not kept waiting
 * on a slow network.
 */
const SENDING_WAIT_MS = 5000;

/**
 * In a cmi5 launch whose LMS gave a returnURL, adds "Return to course" to
 * `actions` (the debrief's buttons): the cmi5 way back to the LMS once the
 * session has ended. It waits until the play's statements are in the
 * outbox (terminated last) and sent, or a few seconds at most, then
 * navigates the game's own window to the LMS's address, as cmi5 asks of
 * an AU. Nothing is added outside a cmi5 launch, without a returnURL, or
 * once the debrief is gone (`active` false).
 */
export async function offerReturnToCourse(actions: HTMLElement, active: () => boolean): Promise<void> {
  const given = await lmsReturnUrl();
  const url = given === null ? null : followableReturnUrl(given, location.href);
  if (url === null || !active()) return;
  const label = h('span', {}, 'Return to course');
  const button = h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'return-to-course' }, icon('back'), label);
  button.addEventListener('click', () => {
    sounds().play('click');
    button.disabled = true;
    label.textContent = 'Sending your results…';
    void resultsSent().then(() => location.assign(url));
  });
  actions.append(button);
}

/** Resolves once the play's results are stored and the outbox has sent them, or after SENDING_WAIT_MS. */
async function resultsSent(): Promise<void> {
  const sent = (async () => {
    // A failed save shows on the debrief already; going back to the LMS is still right.
    await lastSaveDone().catch(() => undefined);
    const { pageOutbox } = await import('../../report/xapi/page-outbox.ts');
    const outbox = await pageOutbox();
    await new Promise<void>((resolve) => {
      const stop = outbox.onStatus((status) => {
        if (status.waiting > 0) return;
        // onStatus calls at once: stop may not exist yet on the first call.
        queueMicrotask(() => stop());
        resolve();
      });
    });
  })();
  await Promise.race([sent, new Promise<void>((resolve) => setTimeout(resolve, SENDING_WAIT_MS))]);
}
