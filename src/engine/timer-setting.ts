/**
 * The reply timer settings. Kept in a file of its own with no imports, so the
 * menu and the settings panel can list them without loading the engine.
 */

/** Every timer setting a player can choose, in the order menus show them. */
export const TIMER_SETTINGS = ['standard', '1.5x', '2x', 'off'] as const;

/** How long the reply timers run: the scenario's limits, 1.5×, 2×, or no timers. */
export type TimerSetting = (typeof TIMER_SETTINGS)[number];

/** True for a known timer setting (a value read from a flag or from storage). */
export function isTimerSetting(value: unknown): value is TimerSetting {
  return (TIMER_SETTINGS as readonly unknown[]).includes(value);
}
