import { isTimerSetting, type TimerSetting } from '../engine/timer-setting.ts';

/** The player's settings, remembered across visits in localStorage. */
export interface Settings {
  /** Reply timers: the scenario's limits, 1.5×, 2× (extended time) or off. */
  timers: TimerSetting;
  /** Sound volume 0..1. */
  volume: number;
  muted: boolean;
  /** Instant text and no animation. Defaults to the system's prefers-reduced-motion. */
  reducedMotion: boolean;
}

const KEY = 'tactful.settings.v1';

/** Labels for the timer setting, as the menu and briefing show them. */
export const TIMER_LABELS: Record<TimerSetting, string> = {
  standard: 'Standard',
  '1.5x': '1.5× time',
  '2x': '2× time',
  off: 'Off (speed not scored)',
};

function systemReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function defaults(): Settings {
  return { timers: 'standard', volume: 0.7, muted: false, reducedMotion: systemReducedMotion() };
}

/** Reads settings; anything missing or malformed falls back to its default. */
function read(): Settings {
  const base = defaults();
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Settings> | null;
    if (!raw || typeof raw !== 'object') return base;
    return {
      timers: isTimerSetting(raw.timers) ? raw.timers : base.timers,
      volume: typeof raw.volume === 'number' && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : base.volume,
      muted: typeof raw.muted === 'boolean' ? raw.muted : base.muted,
      reducedMotion: typeof raw.reducedMotion === 'boolean' ? raw.reducedMotion : base.reducedMotion,
    };
  } catch {
    return base; // storage blocked or corrupt: play with defaults
  }
}

type Listener = (settings: Settings) => void;
let current: Settings | undefined;
const listeners = new Set<Listener>();

/** The timer setting a live session imposes (its trainer chose it), or null: the player's own then applies. */
let lockedTimers: TimerSetting | null = null;

/** The current settings. */
export function settings(): Settings {
  current ??= read();
  if (lockedTimers) current.timers = lockedTimers;
  return current;
}

/**
 * Plays this visit with the session's timer setting (game/session/): the
 * player cannot change it, and their own choice stays saved for later visits.
 */
export function lockTimers(timers: TimerSetting): void {
  lockedTimers = timers;
  current = { ...settings(), timers };
}

/** True while a session sets the reply timer (the menu and briefing then show it, not a choice). */
export function timersLocked(): boolean {
  return lockedTimers !== null;
}

/** Changes some settings, saves them and tells every listener. */
export function updateSettings(change: Partial<Settings>): Settings {
  current = { ...settings(), ...change };
  if (lockedTimers) current.timers = lockedTimers;
  try {
    localStorage.setItem(KEY, JSON.stringify(lockedTimers ? { ...current, timers: read().timers } : current));
  } catch {
    // Private mode or full storage: the setting still applies for this visit.
  }
  document.documentElement.classList.toggle('reduced-motion', current.reducedMotion);
  for (const listener of listeners) listener(current);
  return current;
}

/** Calls `listener` after every change. Returns an unsubscribe function. */
export function onSettingsChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
