// The installed app's icons, drawn by code (no image tool): a
// slag heap (terril) on the green of the Chaîne des Parcs, the blue line of the EuroVelo 5, on the
// atlas's ink colour. The same shapes are written as SVG (browsers' tab icon) and rasterised to PNG
// (192, 512 and a maskable 512 whose content stays in the central safe zone).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../../src/core/png/png-chunks';

type Rgb = [number, number, number];
type Pt = [number, number];

const INK: Rgb = [29, 35, 39];
const SUN: Rgb = [255, 191, 71];
const TERRIL_BACK: Rgb = [109, 76, 65];
const TERRIL: Rgb = [141, 96, 75];
const GREEN: Rgb = [67, 160, 71];
const VELO: Rgb = [79, 195, 247];

// Shapes in a unit square, drawn in this order.
const back: Pt[] = [
  [0.46, 0.7],
  [0.66, 0.4],
  [0.72, 0.38],
  [0.92, 0.7],
];
const front: Pt[] = [
  [0.12, 0.7],
  [0.38, 0.28],
  [0.46, 0.25],
  [0.54, 0.3],
  [0.8, 0.7],
];
const sun = { c: [0.76, 0.24] as Pt, r: 0.075 };
const ground = { y0: 0.68, y1: 0.8 };
const velo: Pt[] = Array.from({ length: 21 }, (_, i) => [0.08 + (0.84 * i) / 20, 0.8 + 0.05 * Math.sin((i / 20) * Math.PI * 2)] as Pt);
const VELO_WIDTH = 0.045;

function inPolygon(x: number, y: number, poly: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const xi = poly[i][0],
      yi = poly[i][1],
      xj = poly[j][0],
      yj = poly[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function nearPolyline(x: number, y: number, line: Pt[], radius: number): boolean {
  const r2 = radius * radius;
  for (let i = 1; i < line.length; i++) {
    const ax = line[i - 1][0],
      ay = line[i - 1][1],
      bx = line[i][0],
      by = line[i][1];
    if (x < Math.min(ax, bx) - radius || x > Math.max(ax, bx) + radius) continue;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    const dx = x - (ax + t * (bx - ax));
    const dy = y - (ay + t * (by - ay));
    if (dx * dx + dy * dy < r2) return true;
  }
  return false;
}

/** Colour at a point of the unit square; null outside the rounded background. */
function colourAt(px: number, py: number, maskable: boolean): Rgb | null {
  if (!maskable) {
    const r = 0.18;
    const dx = Math.max(r - px, 0, px - (1 - r));
    const dy = Math.max(r - py, 0, py - (1 - r));
    if (dx * dx + dy * dy > r * r) return null;
  }
  // Maskable icons are cropped by the system: full bleed, content shrunk into the safe zone.
  const x = maskable ? (px - 0.5) / 0.8 + 0.5 : px;
  const y = maskable ? (py - 0.5) / 0.8 + 0.5 : py;
  // The route waves between y 0.75 and 0.85: far from it, no distance to compute.
  if (Math.abs(y - 0.8) < 0.08 && nearPolyline(x, y, velo, VELO_WIDTH / 2)) return VELO;
  if (y >= ground.y0 && y <= ground.y1 && x > 0.06 && x < 0.94) return GREEN;
  if (y < 0.72 && y > 0.2) {
    if (inPolygon(x, y, front)) return TERRIL;
    if (inPolygon(x, y, back)) return TERRIL_BACK;
  }
  if ((x - sun.c[0]) ** 2 + (y - sun.c[1]) ** 2 < sun.r * sun.r) return SUN;
  return INK;
}

const chunk = (type: string, data: Buffer): Buffer => Buffer.from(pngChunk(type, data));

/** RGBA PNG of the icon; pixels on an edge are 4×4 supersampled, the others are flat. */
export function iconPng(size: number, maskable = false): Buffer {
  const SS = 4;
  const row = 1 + size * 4;
  const raw = Buffer.alloc(row * size);
  // Colours at pixel corners: a pixel whose corners and centre agree lies inside one shape.
  const corners: (Rgb | null)[] = [];
  for (let y = 0; y <= size; y++) for (let x = 0; x <= size; x++) corners.push(colourAt(x / size, y / size, maskable));
  for (let y = 0; y < size; y++) {
    raw[y * row] = 0;
    for (let x = 0; x < size; x++) {
      const c0 = corners[y * (size + 1) + x];
      const flat =
        c0 === corners[y * (size + 1) + x + 1] &&
        c0 === corners[(y + 1) * (size + 1) + x] &&
        c0 === corners[(y + 1) * (size + 1) + x + 1] &&
        c0 === colourAt((x + 0.5) / size, (y + 0.5) / size, maskable);
      let r = 0,
        g = 0,
        b = 0,
        a = 0,
        n = 1;
      if (flat) {
        if (c0) [r, g, b, a] = [c0[0], c0[1], c0[2], 1];
      } else {
        n = SS * SS;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            const c = colourAt((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, maskable);
            if (!c) continue;
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = y * row + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / n) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c: Rgb): string => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const pts = (poly: Pt[]): string => poly.map(([x, y]) => `${(x * 100).toFixed(1)},${(y * 100).toFixed(1)}`).join(' ');

export function iconSvg(): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    `<rect width="100" height="100" rx="18" fill="${hex(INK)}"/>`,
    `<circle cx="${sun.c[0] * 100}" cy="${sun.c[1] * 100}" r="${sun.r * 100}" fill="${hex(SUN)}"/>`,
    `<polygon points="${pts(back)}" fill="${hex(TERRIL_BACK)}"/>`,
    `<polygon points="${pts(front)}" fill="${hex(TERRIL)}"/>`,
    `<rect x="6" y="${ground.y0 * 100}" width="88" height="${(ground.y1 - ground.y0) * 100}" fill="${hex(GREEN)}"/>`,
    `<polyline points="${pts(velo)}" fill="none" stroke="${hex(VELO)}" stroke-width="${VELO_WIDTH * 100}" stroke-linecap="round"/>`,
    '</svg>',
  ].join('');
}

export const ICONS = [
  { fileName: 'icons/icon-192.png', make: () => iconPng(192) },
  { fileName: 'icons/icon-512.png', make: () => iconPng(512) },
  { fileName: 'icons/icon-maskable-512.png', make: () => iconPng(512, true) },
  { fileName: 'icons/icon.svg', make: () => Buffer.from(iconSvg()) },
];

/**
 * `npm run icons` writes them into public/icons/ (committed: they are the atlas's static assets and
 * Vite copies public/ into the build as it is); tests/unit/pwa-icons.test.ts fails when a committed
 * icon differs from what this code draws.
 */
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'public');
  mkdirSync(join(root, 'icons'), { recursive: true });
  for (const icon of ICONS) {
    writeFileSync(join(root, icon.fileName), icon.make());
    console.log(`public/${icon.fileName}`);
  }
}
