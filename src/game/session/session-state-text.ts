/** How often the game asks the server about its session while nothing else prompts it (ms). */
export const SESSION_CHECK_MS = 10_000;

/** What the game knows of its session's state from the server (`GET /api/me`). */
export type SessionStanding = 'open' | 'paused' | 'ended' | 'removed';

/**
 * What the game tells the trainee about the session, or null while it runs
 * normally (nothing to say).
 *
 * @example sessionStandingText('paused', 'Monday cohort') // 'Your trainer paused “Monday cohort”. Finish your reply, then wait for them to resume.'
 */
export function sessionStandingText(standing: SessionStanding, sessionName: string): string | null {
  switch (standing) {
    case 'open':
      return null;
    case 'paused':
      return `Your trainer paused “${sessionName}”. Finish your reply, then wait for them to resume.`;
    case 'ended':
      return `“${sessionName}” has ended. Your results are saved; you may finish this conversation.`;
    case 'removed':
      return `You are no longer in “${sessionName}”: your trainer removed you, or the session was deleted.`;
  }
}
