import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageRoutes, PAGE_CONTENT_SECURITY_POLICY, SESSION_PAGE_CONTENT_SECURITY_POLICY } from '../../../src/server/pages.ts';

const dir = mkdtempSync(join(tmpdir(), 'tactful-pages-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>game</title>');
writeFileSync(join(dir, 'join.html'), '<!doctype html><html><head><script type="module" src="./assets/join-x.js"></script><link rel="stylesheet" href="./assets/join-x.css"></head><body><a href="#/new">n</a></body></html>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the session pages', () => {
  it('serves the join page at /join/<code> with its assets pointed into /play/ and its own policy', async () => {
    const response = await pageRoutes(dir).request('/join/K7QX3M');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('src="/play/assets/join-x.js"');
    expect(html).toContain('href="/play/assets/join-x.css"');
    // The page's own fragment links stay on the page (a <base> would send them to the game).
    expect(html).toContain('href="#/new"');
    expect(response.headers.get('content-security-policy')).toBe(SESSION_PAGE_CONTENT_SECURITY_POLICY);
  });

  it('says plainly that a server without the built dashboard has none, with no script', async () => {
    const response = await pageRoutes(dir).request('/dashboard');
    expect(await response.text()).toContain('no built dashboard page');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_CONTENT_SECURITY_POLICY);
  });
});
