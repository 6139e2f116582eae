import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The stylesheet's rules of the house, checked on the files (no browser):
 * colours only in tokens.css, one documented pair of layout breakpoints,
 * and no inline style strings in the game's code (a strict CSP forbids
 * them; dynamic values go through `style.setProperty`).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const STYLES = join(ROOT, 'src', 'game', 'ui', 'styles');
const sheets = readdirSync(STYLES).filter((f) => f.endsWith('.css'));
const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');

const MEDIA = new Set([
  '(max-width: 760px), (orientation: portrait)',
  '(min-width: 761px) and (orientation: landscape)',
  '(max-width: 900px)',
]);

test('colours are written only in tokens.css', () => {
  const found = sheets
    .filter((f) => f !== 'tokens.css')
    .flatMap((f) => [...withoutComments(readFileSync(join(STYLES, f), 'utf8')).matchAll(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi)].map((m) => `${f}: ${m[0]}`));
  expect(found).toEqual([]);
});

test('media queries use only the documented breakpoints, each at most once per file', () => {
  for (const f of sheets) {
    const queries = [...withoutComments(readFileSync(join(STYLES, f), 'utf8')).matchAll(/@media\s+([^{]+?)\s*\{/g)].map((m) => m[1]!);
    for (const q of queries) expect(MEDIA.has(q), `${f}: @media ${q}`).toBe(true);
    expect(new Set(queries).size, `${f}: a media query written twice`).toBe(queries.length);
  }
});

test('the game sets no inline style strings', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.ts')) files.push(join(dir, entry.name));
    }
  };
  walk(join(ROOT, 'src', 'game'));
  const found = files.filter((f) => /\bstyle:\s*[`'"]|style=|setAttribute\(\s*'style'|\.style\.cssText/.test(readFileSync(f, 'utf8')));
  expect(found).toEqual([]);
});
