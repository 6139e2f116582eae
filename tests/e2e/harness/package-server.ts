import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';

/**
 * A test LMS's web server for real packages: it serves the test LMS's
 * player page (lms.html, lms.js and scorm-again under `/harness/`), each
 * unzipped package under its own folder (`/scorm12/…`), and a course page
 * for the LMS to take the trainee back to (`/lms/course.html`), all from
 * one origin, as an LMS serves its player and the SCOs it imported (a SCO
 * finds the LMS's API only in a window of its own origin).
 */
export interface PackageServer {
  /** The server's address, ending in "/". */
  url: string;
  stop(): Promise<void>;
}

const HARNESS = import.meta.dirname;
const HARNESS_FILES: Record<string, string> = {
  'lms.html': join(HARNESS, 'lms.html'),
  'lms.js': join(HARNESS, 'lms.js'),
  'scorm-again.js': join(HARNESS, '..', '..', '..', 'node_modules', 'scorm-again', 'dist', 'scorm-again.js'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
/** The LMS's own page the cmi5 returnURL points at (the trainee is back in the course). */
export const COURSE_PAGE = 'lms/course.html';
const COURSE_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body><h1>Your course</h1></body></html>';

/**
 * Unzips a package into `dir` as an LMS does when it imports it, every
 * entry at its path.
 */
export function unzipPackage(zip: Uint8Array, dir: string): void {
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    const file = join(dir, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}

/** Starts the server on a free port with `packages`: URL folder name → unzipped package folder. */
export async function startPackageServer(packages: Record<string, string>): Promise<PackageServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const [, top = '', ...rest] = path.split('/');
    const send = (file: string | undefined): void => {
      if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(readFileSync(file));
    };
    // The LMS page has no icon; say so without an error for the browser to log.
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    if (`${top}/${rest.join('/')}` === COURSE_PAGE) return void response.writeHead(200, { 'Content-Type': TYPES['.html']! }).end(COURSE_HTML);
    if (top === 'harness') return send(HARNESS_FILES[rest.join('/')]);
    const given = packages[top];
    if (!given) return send(undefined);
    const root = normalize(given);
    // Nothing outside the package's folder is served ("../" in an address).
    const file = normalize(join(root, ...rest));
    send(file.startsWith(root + sep) ? file : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
