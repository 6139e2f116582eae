/**
 * Draws the app icons (assets/public/icons/*.png) from the same mark as the
 * favicon, with Debian's Chromium. Run once when the mark changes:
 * `npx tsx scripts/make-icons.ts`.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const mark = (size: number, padding: number): string => {
  const inner = size - padding * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <!-- Maskable icons fill the square (the launcher crops them); the others are a rounded tile on transparency. -->
  <rect width="${size}" height="${size}" rx="${padding === 0 ? size * 0.28 : 0}" fill="#1d6b66"/>
  <text x="50%" y="50%" dy="0.35em" font-family="DejaVu Sans, Arial, sans-serif" font-size="${inner * 0.6}" font-weight="700" text-anchor="middle" fill="#ffffff">T</text>
</svg>`;
};

const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } : {});
const page = await browser.newPage();
for (const [name, size, padding] of [['icon-192', 192, 0], ['icon-512', 512, 0], ['icon-maskable-512', 512, 64]] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${mark(size, padding)}</body></html>`);
  await page.screenshot({ path: `assets/public/icons/${name}.png`, clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true });
}
await browser.close();
