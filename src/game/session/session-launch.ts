import { isTimerSetting, type TimerSetting } from '../../engine/timer-setting.ts';
import { storedIdentity, type SessionIdentity } from '../../join/identity-store.ts';
import { normaliseCode } from '../../join/join-code.ts';

/**
 * The live session this game was opened for (`/play/?session=CODE`, from
 * the join page), with the identity this browser keeps for it; null for an
 * ordinary visit, or when the browser holds no identity for that code (the
 * game then runs as usual: the trainee can join from the link again).
 *
 * Read once from the address the page was opened at: the game keeps
 * `session` in every address it moves to (navigation.ts keeps other
 * parameters), so a reload stays in the session.
 */
let launched: SessionIdentity | null | undefined;

export function sessionLaunch(href: string = location.href): SessionIdentity | null {
  if (launched !== undefined) return launched;
  const given = new URL(href).searchParams.get('session');
  const code = given ? normaliseCode(given) : null;
  launched = code ? storedIdentity(code) : null;
  return launched;
}

/** Whether the session lets the trainee play this scenario (every scenario outside a session). */
export function sessionAllows(scenarioId: string): boolean {
  const session = sessionLaunch();
  return !session || session.session.scenarios.some((s) => s.id === scenarioId);
}

/** The reply timer the trainer set for the session, or null outside one. */
export function sessionTimers(): TimerSetting | null {
  const timers = sessionLaunch()?.session.timers;
  return isTimerSetting(timers) ? timers : null;
}
