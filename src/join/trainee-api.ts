import type { JoinAnswer, MeAnswer } from './joined-session.ts';

/** A refusal from the server, with its message for the trainee (`{ error }` in the body). */
export class JoinRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'JoinRefusal';
  }
}

/** The server's message in a refusal, or a plain one when the body has none. */
async function refusal(response: Response): Promise<JoinRefusal> {
  let message = `the server refused this (HTTP ${response.status})`;
  try {
    const body = (await response.json()) as { error?: unknown; issues?: { message?: unknown }[] };
    const issue = body.issues?.find((i) => typeof i.message === 'string')?.message;
    if (typeof issue === 'string') message = issue;
    else if (typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON (a proxy's error page): keep the plain message.
  }
  return new JoinRefusal(response.status, message);
}

/**
 * Joins a session: `POST /api/join`.
 *
 * @throws JoinRefusal with the server's message (404 wrong code, 409 ended, 429 too many wrong codes, 400 a name it cannot take).
 * @throws TypeError when the server cannot be reached.
 */
export async function joinSession(code: string, name: string): Promise<JoinAnswer> {
  const response = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
  if (response.status !== 201) throw await refusal(response);
  return (await response.json()) as JoinAnswer;
}

/**
 * The trainee's own place in the session, by their token: `GET /api/me`.
 *
 * @throws JoinRefusal 401 when the token no longer opens anything (removed by the trainer, or the session deleted).
 */
export async function whoAmI(token: string, signal?: AbortSignal): Promise<MeAnswer> {
  const response = await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', signal });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as MeAnswer;
}
