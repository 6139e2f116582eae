import { EMOTION_LABELS } from '../engine/emotion.ts';
import { faceDataUrl } from '../game/avatar.ts';
import { h } from '../game/ui/dom.ts';
import type { Emotion } from '../scenario/index.ts';
import type { RoomCustomerView } from '../server/room/room-views.ts';

const faces = new Map<string, string>();
/** The customer's face for an emotion: drawn once per look (DiceBear, bundled; no request leaves the page). */
function face(avatar: string, emotion: Emotion): string {
  const key = `${avatar}\u0000${emotion}`;
  let url = faces.get(key);
  if (url === undefined) faces.set(key, (url = faceDataUrl(avatar, emotion)));
  return url;
}

/**
 * The customer as the room sees them: their face (the game's, in the
 * emotion of their mood), their name, a mood meter and what they say now.
 * The line is scenario text, shown as text.
 */
export function customerCard(customer: RoomCustomerView): HTMLElement {
  const emotion = (customer.emotion in EMOTION_LABELS ? customer.emotion : 'neutral') as Emotion;
  const meter = h('span', { class: 'room-mood-bar', 'aria-hidden': 'true' }, h('span', { class: `room-mood-fill room-mood-${emotion}` }));
  // A custom property set through the CSSOM: the pages' policy allows no inline style attribute.
  (meter.firstElementChild as HTMLElement).style.setProperty('--share', String(customer.mood / 100));
  return h(
    'div',
    { class: 'room-customer', 'data-testid': 'room-customer' },
    h(
      'figure',
      { class: 'room-face' },
      h('img', { src: face(customer.avatar, emotion), alt: `${customer.name}, looking ${EMOTION_LABELS[emotion].toLowerCase()}`, width: 256, height: 256 }),
      h('figcaption', {}, h('strong', { class: 'room-customer-name' }, customer.name), h('span', { class: 'room-mood', 'data-testid': 'room-mood' }, `Mood: ${EMOTION_LABELS[emotion]}`, meter)),
    ),
    h('blockquote', { class: 'room-line', 'data-testid': 'room-line' }, h('span', { class: 'sr-only' }, `${customer.name} says: `), customer.line),
  );
}
