import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

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

/** The policy for the server's own pages and every API answer: nothing runs, nothing loads. */
export const PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A page with no script and no inline style, for what is not built yet. */
function placeholder(title: string, lines: readonly string[]): string {
  const escape = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>\n<body><h1>${escape(title)}</h1>${lines.map((l) => `<p>${escape(l)}</p>`).join('')}</body></html>\n`;
}

/**
 * The pages: the game under `/play/` (the built game's files; its relative
 * base lets it live in a folder, and its service worker's scope stays
 * there), `/` sending to it, and placeholders for the trainer's dashboard
 * and the trainees' join page, which arrive with the next part of the
 * sessions work.
 */
export function pageRoutes(gameDir: string | null): Hono {
  const pages = new Hono();
  pages.get('/', (c) => c.redirect('/play/', 302));
  pages.get('/dashboard', (c) => {
    c.header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    return c.html(placeholder('Tactful: trainer dashboard', ['The dashboard page is not built yet. The server and its API are running: see docs/sessions.md.']));
  });
  pages.get('/join/:code', (c) => {
    c.header('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    return c.html(placeholder('Tactful: join a session', ['The join page is not built yet. Your trainer can tell you how to join in the meantime.']));
  });
  if (gameDir && existsSync(join(gameDir, 'index.html'))) {
    pages.get('/play', (c) => c.redirect('/play/', 301));
    pages.use('/play/*', async (c, next) => {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      if (type.startsWith('text/html')) c.res.headers.set('Content-Security-Policy', GAME_CONTENT_SECURITY_POLICY);
      // Hashed file names never change content; everything else (index.html, sw.js) is checked each time.
      c.res.headers.set('Cache-Control', c.req.path.startsWith('/play/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    pages.use('/play/*', serveStatic({ root: gameDir, rewriteRequestPath: (path) => path.replace(/^\/play/, '') }));
  }
  return pages;
}
