import { TIMER_LABELS } from '../game/settings.ts';
import { isTimerSetting } from '../engine/timer-setting.ts';

/** How the dashboard names a session's state. */
export const STATE_LABELS: Record<string, string> = { open: 'Open', paused: 'Paused', ended: 'Ended' };

/** How the dashboard names a session's mode. */
export const MODE_LABELS: Record<string, string> = { 'self-paced': 'Self-paced', room: 'Room' };

/** A timer setting as the game's menu names it. */
export function timerLabel(timers: string): string {
  return isTimerSetting(timers) ? TIMER_LABELS[timers] : timers;
}

/** A date and time in the trainer's own format, e.g. "12 May, 14:05". */
export function shortTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
