import type { LrsSettings } from '../report/launch.ts';

/**
 * The session a trainee joined, as `POST /api/join` and `GET /api/me`
 * answer it (`session`): what the trainee's screens need, never another
 * trainee's data.
 */
export interface JoinedSession {
  name: string;
  mode: 'self-paced' | 'room';
  state: 'open' | 'paused' | 'ended';
  /** The reply timer the trainer chose: standard, 1.5x, 2x or off. */
  timers: string;
  scenarios: { id: string; title: string }[];
}

/** `POST /api/join`'s answer (201): the trainee's identity in this session. */
export interface JoinAnswer {
  participantId: string;
  /** The trainee's secret for this session: sent in a header only, never in an address. */
  token: string;
  name: string;
  session: JoinedSession;
  /** Where the game sends its results (the server's /xapi/, the participant id and token as credentials). */
  lrs: LrsSettings;
}

/** `GET /api/me`'s answer. */
export interface MeAnswer {
  participantId: string;
  name: string;
  session: JoinedSession;
}
