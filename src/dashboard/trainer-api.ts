import type { ScenarioChoice, SessionDetail, SessionListItem, SessionView } from './dashboard-types.ts';

/** A refusal from the server (a 4xx), with its message for the trainer. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRefusal';
  }
}

/** The server's `{ error, issues }` as one sentence, or a plain one when the body is not the API's. */
export async function refusalOf(response: Response): Promise<ApiRefusal> {
  let message = `the server refused this (HTTP ${response.status})`;
  try {
    const body = (await response.json()) as { error?: unknown; issues?: { path?: unknown; message?: unknown }[] };
    if (typeof body.error === 'string') message = body.error;
    const details = (body.issues ?? []).map((i) => i.message).filter((m): m is string => typeof m === 'string');
    if (details.length > 0 && !details.every((d) => message.includes(d))) message = `${message}: ${details.join('; ')}`;
  } catch {
    // Not the API's JSON (a proxy's page): keep the plain message.
  }
  return new ApiRefusal(response.status, message);
}

/** A new session as the form fills it in. */
export interface NewSession {
  name: string;
  scenarios: string[];
  timers: string;
  mode: 'self-paced' | 'room';
}

/**
 * The trainer's routes of the session API, each with the key in the
 * `Authorization` header (never in an address).
 *
 * Every method throws ApiRefusal for a 4xx (401: the key is wrong) and a
 * TypeError when the server cannot be reached.
 */
export class TrainerApi {
  constructor(readonly key: string) {}

  /** The headers every trainer request carries. */
  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.key}`, ...extra };
  }

  async request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const response = await fetch(path, {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal,
    });
    if (!response.ok) throw await refusalOf(response);
    return response;
  }

  async scenarios(): Promise<ScenarioChoice[]> {
    return ((await (await this.request('GET', '/api/scenarios')).json()) as { scenarios: ScenarioChoice[] }).scenarios;
  }

  async sessions(): Promise<SessionListItem[]> {
    return ((await (await this.request('GET', '/api/sessions')).json()) as { sessions: SessionListItem[] }).sessions;
  }

  async session(id: string): Promise<SessionDetail> {
    return (await (await this.request('GET', `/api/sessions/${encodeURIComponent(id)}`)).json()) as SessionDetail;
  }

  async create(session: NewSession): Promise<SessionView & { qr: string }> {
    return (await (await this.request('POST', '/api/sessions', session)).json()) as SessionView & { qr: string };
  }

  async changeState(id: string, action: 'pause' | 'resume' | 'end'): Promise<SessionView> {
    return ((await (await this.request('POST', `/api/sessions/${encodeURIComponent(id)}/${action}`)).json()) as { session: SessionView }).session;
  }

  async deleteSession(id: string): Promise<void> {
    await this.request('DELETE', `/api/sessions/${encodeURIComponent(id)}`);
  }

  async removeParticipant(sessionId: string, participantId: string): Promise<void> {
    await this.request('DELETE', `/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(participantId)}`);
  }

  /** A results file (results.csv or results.json) with the name the server gives it. */
  async results(id: string, format: 'csv' | 'json'): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.request('GET', `/api/sessions/${encodeURIComponent(id)}/results.${format}`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `session-results.${format}`;
    return { blob: await response.blob(), fileName };
  }
}
