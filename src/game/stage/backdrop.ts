import type Phaser from 'phaser';
import { COLOURS, PRODUCTS } from './palette.ts';

/**
 * The shop behind every screen: a warm wall, shelves of goods and a counter.
 * It never moves, so it is an SVG layer under the (transparent) Phaser
 * canvas rather than canvas pixels: the browser paints it once, and each
 * frame the canvas only draws the few things that move (face, mood meter,
 * countdown ring). Full-screen fills every frame cost too much on machines
 * without a GPU. `quiet` is the lighter version for text-heavy screens.
 */
export class Backdrop {
  constructor(scene: Phaser.Scene, quiet = false) {
    const draw = (): void => drawBackdrop(quiet);
    draw();
    window.addEventListener('resize', draw);
    scene.events.once('shutdown', () => window.removeEventListener('resize', draw));
  }
}

const hex = (n: number): string => `#${n.toString(16).padStart(6, '0')}`;

let drawn = '';

/** Draws the backdrop for the window's size into #backdrop (once per size and variant). */
export function drawBackdrop(quiet: boolean): void {
  const el = document.getElementById('backdrop');
  if (!el) return;
  const width = Math.max(1, window.innerWidth);
  const height = Math.max(1, window.innerHeight);
  const key = `${width}x${height}:${quiet}`;
  if (key === drawn) return;
  drawn = key;

  const unit = Math.max(8, Math.min(width, height) / 28);
  const alpha = quiet ? 0.32 : 0.85;
  const parts: string[] = [
    `<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hex(COLOURS.wallTop)}"/><stop offset="1" stop-color="${hex(COLOURS.wallBottom)}"/></linearGradient>`,
    `<linearGradient id="counter" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hex(COLOURS.counter)}"/><stop offset="1" stop-color="#8f6d50"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#wall)"/>`,
  ];
  // Soft light spots from the shop lamps.
  for (let i = 0; i < 4; i++) parts.push(`<circle cx="${width * (0.12 + i * 0.27)}" cy="${-unit * 2}" r="${unit * 9}" fill="#fff" fill-opacity="0.35"/>`);

  // Shelves with goods, in a fixed pseudo-random pattern so every visit looks the same.
  let seed = 7;
  const rand = (): number => {
    seed = (seed * 9301 + 49297) % 233280;
    return seed / 233280;
  };
  for (const row of [0.22, 0.42]) {
    const y = height * row;
    let x = unit;
    while (x < width - unit) {
      const w = unit * (1.2 + rand() * 1.6);
      const h = unit * (1.4 + rand() * 2.2);
      const colour = PRODUCTS[Math.floor(rand() * PRODUCTS.length)]!;
      parts.push(`<rect x="${x.toFixed(1)}" y="${(y - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" rx="${Math.min(6, w / 4).toFixed(1)}" fill="${hex(colour)}" fill-opacity="${alpha}"/>`);
      x += w + unit * (0.25 + rand() * 0.6);
      if (rand() < 0.12) x += unit * 3;
    }
    parts.push(`<rect y="${y}" width="${width}" height="${unit * 0.45}" fill="${hex(COLOURS.shelf)}" fill-opacity="${alpha}"/>`);
    parts.push(`<rect y="${y + unit * 0.45}" width="${width}" height="${unit * 0.12}" fill="${hex(COLOURS.shelfEdge)}" fill-opacity="${alpha}"/>`);
  }
  // The counter along the bottom.
  const counterY = height * (quiet ? 0.9 : 0.82);
  const counterAlpha = quiet ? 0.5 : 1;
  parts.push(`<rect y="${counterY}" width="${width}" height="${unit * 0.6}" fill="${hex(COLOURS.counterTop)}" fill-opacity="${counterAlpha}"/>`);
  parts.push(`<rect y="${counterY + unit * 0.6}" width="${width}" height="${height - counterY}" fill="url(#counter)" fill-opacity="${counterAlpha}"/>`);

  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  // Our own markup built from numbers above; no scenario text ever goes in here.
  // eslint-disable-next-line no-restricted-properties -- shapes built from numbers and palette constants only
  svg.innerHTML = parts.join('');
  el.replaceChildren(svg);
}
