import type { JoinAnswer } from './joined-session.ts';

/** The localStorage key of the identity kept for one join code. */
export function identityKey(code: string): string {
  return `tactful.session.${code}`;
}

/** What a trainee's browser keeps for a session it joined: enough to come back as the same participant. */
export interface SessionIdentity extends JoinAnswer {
  code: string;
}

function isIdentity(value: unknown, code: string): value is SessionIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SessionIdentity>;
  return v.code === code && typeof v.participantId === 'string' && typeof v.token === 'string' && typeof v.name === 'string'
    && typeof v.session === 'object' && v.session !== null && Array.isArray(v.session.scenarios)
    && typeof v.lrs === 'object' && v.lrs !== null && typeof v.lrs.endpoint === 'string';
}

/**
 * The identity this browser keeps for a join code, or null (never joined,
 * storage blocked, or a damaged entry, which is then as good as none: the
 * trainee joins again).
 */
export function storedIdentity(code: string): SessionIdentity | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(identityKey(code)) ?? 'null');
    return isIdentity(value, code) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the identity for the code, so a reload or a return to the join
 * link is the same participant. localStorage stays on this origin: the
 * token is sent only to this server, in a header.
 *
 * @returns false when the browser keeps nothing (private mode): the visit still works.
 */
export function keepIdentity(identity: SessionIdentity): boolean {
  try {
    localStorage.setItem(identityKey(identity.code), JSON.stringify(identity));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the identity for the code (the trainer removed the participant, or the session is gone). */
export function forgetIdentity(code: string): void {
  try {
    localStorage.removeItem(identityKey(code));
  } catch {
    // Nothing was kept.
  }
}
