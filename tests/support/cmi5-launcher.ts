import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from './lrs.ts';

/**
 * A small cmi5 LMS for tests, in front of the test LRS (tests/support/lrs.ts):
 *
 * - POST /fetch gives the session's auth token, once (cmi5 8.2: a second
 *   request gets an error, as a real LMS does);
 * - GET /xapi/activities/state?stateId=LMS.LaunchData answers the launch
 *   data (xapi-statements has no State API, so the launcher serves it);
 * - GET /xapi/agents/profile?profileId=cmi5LearnerPreferences answers 404
 *   (no preferences set; xapi-statements has no Agent Profile API either);
 * - everything else under /xapi/ (the Statements resource) is passed to the LRS.
 *
 * It answers CORS like an LMS on another origin than the content.
 */
export interface Cmi5Launcher {
  /** The launch address of the AU at `auUrl`, with the cmi5 parameters. */
  launchUrl(auUrl: string): string;
  endpoint: string;
  actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  registration: string;
  activityId: string;
  /** How many times the fetch URL was asked for a token. */
  fetches(): number;
  stop(): Promise<void>;
}

export interface LaunchDataSettings {
  masteryScore?: number;
  moveOn?: string;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  returnURL?: string;
  /** The AU's id from the package's cmi5.xml (default: a fixed test AU). */
  activityId?: string;
}

/** The session id the launcher's context template carries (cmi5 9.6.3.1). */
export const SESSION_ID = '1c2f5e7c-4d8a-4f3b-9a61-2b0d8e4f7a10';
export const PUBLISHER_ID = 'https://lms.example/courses/tactful';

export async function startCmi5Launcher(lrsEndpoint: string, settings: LaunchDataSettings = {}): Promise<Cmi5Launcher> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const endpoint = `${base}/xapi/`;
  const token = Buffer.from('cmi5-session:secret').toString('base64');
  const actor = { objectType: 'Agent' as const, name: 'Robin Tester', account: { homePage: 'https://lms.example', name: 'robin' } };
  // A new registration per launcher: each test's statements are told apart in the shared LRS.
  const registration = randomUUID();
  const activityId = settings.activityId ?? 'https://lms.example/courses/tactful/au/worn-once';
  let fetches = 0;
  const launchData = {
    contextTemplate: {
      contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER_ID }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': SESSION_ID },
    },
    launchMode: settings.launchMode ?? 'Normal',
    moveOn: settings.moveOn ?? 'CompletedAndPassed',
    ...(settings.masteryScore === undefined ? {} : { masteryScore: settings.masteryScore }),
    ...(settings.returnURL === undefined ? {} : { returnURL: settings.returnURL }),
  };

  const cors = (request: IncomingMessage, response: ServerResponse): void => {
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization,Content-Type,X-Experience-API-Version');
    response.setHeader('Access-Control-Expose-Headers', 'ETag,X-Experience-API-Version');
  };
  const json = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
    response.end(JSON.stringify(body));
  };
  const body = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      cors(request, response);
      const url = new URL(request.url ?? '/', base);
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      if (url.pathname === '/fetch' && request.method === 'POST') {
        fetches += 1;
        // cmi5 8.2.3: the token is given once; a second request is an error.
        if (fetches > 1) return json(response, 400, { 'error-code': '1', 'error-text': 'The fetch URL was already used.' });
        return json(response, 200, { 'auth-token': token });
      }
      if (!url.pathname.startsWith('/xapi/')) return json(response, 404, { error: 'not found' });
      if (request.headers.authorization !== `Basic ${token}`) return json(response, 401, { error: 'unknown token' });
      if (url.pathname === '/xapi/activities/state' && url.searchParams.get('stateId') === 'LMS.LaunchData') return json(response, 200, launchData);
      if (url.pathname === '/xapi/agents/profile') return json(response, 404, { error: 'no learner preferences' });
      const upstream = await fetch(`${lrsEndpoint}${url.pathname.slice('/xapi/'.length)}${url.search}`, {
        method: request.method ?? 'GET',
        headers: { 'Content-Type': request.headers['content-type'] ?? 'application/json', 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${Buffer.from('lms:lms').toString('base64')}` },
        ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: (await body(request)).toString('utf8') }),
      });
      response.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json', 'X-Experience-API-Version': '1.0.3' });
      response.end(Buffer.from(await upstream.arrayBuffer()));
    })().catch((error: unknown) => json(response, 502, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    endpoint,
    actor,
    registration,
    activityId,
    launchUrl(auUrl) {
      const url = new URL(auUrl);
      url.searchParams.set('endpoint', endpoint);
      url.searchParams.set('fetch', `${base}/fetch`);
      url.searchParams.set('actor', JSON.stringify(actor));
      url.searchParams.set('registration', registration);
      url.searchParams.set('activityId', activityId);
      return url.href;
    },
    fetches: () => fetches,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
