import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';

/**
 * The policy for the game's pages when the session server serves them: the
 * game's own (vite.config.ts, CONTENT_SECURITY_POLICY) with requests
 * limited to this server (its results go to /xapi/ here) and no framing.
 */
export const GAME_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy for the trainer's dashboard and the trainees' join page:
 * their own scripts and styles, requests to this server only (the API),
 * images from here or data: URLs (the join link's QR code, customers'
 * faces), no framing, no form posts (the pages send with fetch).
 */
export const SESSION_PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy for every API answer and the fallback pages: nothing runs, nothing loads. */
export const PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A page with no script and no inline style, for a server that has no built pages. */
function plainPage(title: string, lines: readonly string[]): string {
  const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>\n<body><h1>${escape(title)}</h1>${lines.map((l) => `<p>${escape(l)}</p>`).join('')}</body></html>\n`;
}

/**
 * A built page (dashboard.html, join.html) served at an address outside
 * `/play/`: the build's relative `./assets/…` (scripts, styles, the
 * manifest) are pointed into `/play/`. Not with a `<base>`, which would
 * send the pages' own `#/…` links to the game. Read on each request (a few
 * KB), so a rebuilt game is served without a restart.
 */
function builtPage(gameDir: string | null, file: string): string | null {
  if (!gameDir) return null;
  const path = join(gameDir, file);
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').replace(/\b(src|href)="\.\//g, '$1="/play/');
}

/**
 * The pages: the game under `/play/` (the built game's files; its relative
 * base lets it live in a folder, and its service worker's scope stays
 * there, away from the other pages), `/` sending to it, the trainer's
 * dashboard at `/dashboard` and the trainees' join page at `/join/<code>`
 * (and `/join`, which asks for the code). A server without the built
 * pages (an API-only install) says so on those addresses.
 */
export function pageRoutes(gameDir: string | null): Hono {
  const pages = new Hono();
  const page = (c: Context, file: string, title: string, missing: string): Response => {
    const html = builtPage(gameDir, file);
    c.header('Content-Security-Policy', html ? SESSION_PAGE_CONTENT_SECURITY_POLICY : PAGE_CONTENT_SECURITY_POLICY);
    c.header('Cache-Control', 'no-cache');
    return c.html(html ?? plainPage(title, [missing]));
  };
  pages.get('/', (c) => c.redirect('/play/', 302));
  pages.get('/dashboard', (c) => page(c, 'dashboard.html', 'Tactful: trainer dashboard', 'This server has no built dashboard page (run "npm run build"). The API is running: see docs/sessions.md.'));
  pages.get('/dashboard/', (c) => c.redirect('/dashboard', 301));
  const joinPage = (c: Context): Response => page(c, 'join.html', 'Tactful: join a session', 'This server has no built join page (run "npm run build"). Ask your trainer how to join.');
  pages.get('/join', joinPage);
  pages.get('/join/', joinPage);
  pages.get('/join/:code', joinPage);
  if (gameDir && existsSync(join(gameDir, 'index.html'))) {
    pages.get('/play', (c) => c.redirect('/play/', 301));
    pages.use('/play/*', async (c, next) => {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      if (type.startsWith('text/html')) c.res.headers.set('Content-Security-Policy', /\/(dashboard|join)\.html$/.test(c.req.path) ? SESSION_PAGE_CONTENT_SECURITY_POLICY : GAME_CONTENT_SECURITY_POLICY);
      // Hashed file names never change content; everything else (index.html, sw.js) is checked each time.
      c.res.headers.set('Cache-Control', c.req.path.startsWith('/play/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    pages.use('/play/*', serveStatic({ root: gameDir, rewriteRequestPath: (path) => path.replace(/^\/play/, '') }));
  }
  return pages;
}
