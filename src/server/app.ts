import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem, problemBody } from './api/http-problem.ts';
import type { ServerContext } from './api/server-context.ts';
import { trainerRoutes } from './api/trainer-routes.ts';
import { roomRoutes } from './api/room-routes.ts';
import { traineeRoutes } from './api/trainee-routes.ts';
import { xapiRoutes } from './api/xapi-routes.ts';
import { PAGE_CONTENT_SECURITY_POLICY, pageRoutes } from './pages.ts';

/** The largest API body (a session or a join): far above any real one. */
export const API_BODY_LIMIT = 16 * 1024;
/** The largest statements POST: the outbox sends 25 statements of about 2 KB at most. */
export const STATEMENTS_BODY_LIMIT = 1024 * 1024;

/**
 * The session server as a Hono app: the JSON API (`/api/…`), the xAPI
 * resource the game reports to (`/xapi/…`), the live dashboard stream and
 * the pages. Every refusal is `{ "error": "…", "issues"?: [...] }` with a
 * 4xx status; anything unexpected is a 500 with a short message (the
 * details go to `onError`, never to the client).
 */
export function sessionApp(server: ServerContext, gameDir: string | null, onError: (error: unknown) => void = () => {}): Hono {
  const app = new Hono();
  const tooLarge = (limit: number) =>
    bodyLimit({ maxSize: limit, onError: (c) => c.json({ error: `the body is larger than ${Math.round(limit / 1024)} KB` }, 413) });

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/xapi/')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', tooLarge(API_BODY_LIMIT));
  app.use('/xapi/*', tooLarge(STATEMENTS_BODY_LIMIT));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api', traineeRoutes(server));
  app.route('/api', trainerRoutes(server));
  app.route('/api', roomRoutes(server));
  app.route('/xapi', xapiRoutes(server));
  app.route('/', pageRoutes(gameDir));

  app.notFound((c) => c.json({ error: `nothing here: ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return c.json(problemBody(error), error.status, error.headers);
    onError(error);
    return c.json({ error: 'the server could not do this (it has logged why); try again' }, 500);
  });
  return app;
}
