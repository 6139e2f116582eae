import { h } from '../game/ui/dom.ts';

/**
 * How far the server's clock is ahead of this device's (ms), from a view's
 * `now` read just now: a phone whose clock is off still counts down to the
 * server's deadline, which is what closes the vote.
 */
export function serverOffset(serverNow: string): number {
  return new Date(serverNow).getTime() - Date.now();
}

/** Seconds as the room reads them across a room: "0:23", "1:05". */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The time left to vote, counting down to the server's deadline four times
 * a second, then "Time's up". Stops by itself once taken off the page (the
 * next view replaces it) or on `signal`.
 */
export function countdown(deadline: string, offsetMs: number, signal: AbortSignal): HTMLElement {
  const end = new Date(deadline).getTime();
  const label = h('span', { class: 'room-timer-label' }, 'Time left');
  const value = h('span', { class: 'room-timer-value' });
  const el = h('p', { class: 'room-timer', role: 'timer', 'data-testid': 'room-timer' }, label, ' ', value);
  const tick = (): boolean => {
    const left = end - (Date.now() + offsetMs);
    value.textContent = left > 0 ? clockText(left) : "Time's up";
    el.classList.toggle('room-timer-low', left > 0 && left <= 5000);
    el.classList.toggle('room-timer-over', left <= 0);
    return left > 0;
  };
  tick();
  let mounted = false;
  const timer = setInterval(() => {
    // Replaced by a newer view: stop counting.
    if (mounted && !el.isConnected) return clearInterval(timer);
    mounted ||= el.isConnected;
    if (!tick()) clearInterval(timer);
  }, 250);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return el;
}
