import { h } from '../game/ui/dom.ts';
import type { SessionView } from './dashboard-types.ts';

/**
 * The join link's QR code as an image. The server sends SVG text; as an
 * `<img>` (a data: URL) it is only ever a picture: no script in it can
 * run and nothing in it becomes part of the page.
 */
export function qrImage(svg: string, joinUrl: string): HTMLImageElement {
  return h('img', { class: 'join-qr', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: `QR code for the join link ${joinUrl}`, width: 220, height: 220 });
}

/**
 * What the trainer puts on the projector: the join code in large type, the
 * join link, and its QR code.
 */
export function joinPanel(session: SessionView, qr: string | undefined): HTMLElement {
  const copy = h('button', { type: 'button', class: 'btn btn-quiet copy-link' }, 'Copy link');
  const copied = h('span', { class: 'sr-only', role: 'status' });
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(session.joinUrl).then(
      () => (copied.textContent = 'Join link copied'),
      () => (copied.textContent = 'The browser would not copy: select the link instead'),
    );
  });
  const address = session.joinUrl.replace(/^https?:\/\//, '');
  return h(
    'section',
    { class: 'panel join-panel', 'aria-labelledby': 'join-heading' },
    h(
      'div',
      { class: 'join-text' },
      h('h2', { id: 'join-heading' }, 'Join at'),
      h('p', { class: 'join-address' }, h('a', { href: session.joinUrl, 'data-testid': 'join-link', target: '_blank', rel: 'noopener' }, address), copy, copied),
      h('p', { class: 'join-code-label' }, 'Session code'),
      h('p', { class: 'join-code-big', 'data-testid': 'session-code' }, session.code),
    ),
    qr ? qrImage(qr, session.joinUrl) : null,
  );
}
