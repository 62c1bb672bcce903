// Image export maths: paper and resolution to pixels, page layout, scale bar and paper scale, the
// PNG text and resolution chunks.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { computeLayout, mapMarks, pixelSize, wrapText, type Box, type ExportLayout } from '../../src/app/present/export/layout';
import { metresPerCssPixel, niceLength, scaleBar, scaleDenominator } from '../../src/app/present/export/scale';
import { readTextChunks, resolutionChunk, textChunk, withChunks } from '../../src/core/png/png-chunks';
import { encodeSolidPng, decodePng } from '../browser/png';

const screen = { width: 1280, height: 800, dpr: 2 };

describe('pixel size of an export', () => {
  it.each([
    ['A4', 150, 'portrait', 1240, 1754],
    ['A4', 150, 'paysage', 1754, 1240],
    ['A4', 300, 'portrait', 2480, 3508],
    ['A4', 300, 'paysage', 3508, 2480],
    ['A3', 150, 'portrait', 1754, 2480],
    ['A3', 150, 'paysage', 2480, 1754],
    ['A3', 300, 'portrait', 3508, 4961],
    ['A3', 300, 'paysage', 4961, 3508],
  ] as const)('%s at %i dpi, %s: %i × %i px', (format, dpi, orientation, width, height) => {
    const px = pixelSize({ format, dpi, orientation }, screen);
    expect([px.width, px.height]).toEqual([width, height]);
    expect(px.scale).toBeCloseTo(dpi / 96, 10);
    expect(px.dpi).toBe(dpi);
  });

  it('screen: the window in device pixels, at the device pixel ratio', () => {
    expect(pixelSize({ format: 'ecran', dpi: 300, orientation: 'portrait' }, screen)).toEqual({ width: 2560, height: 1600, scale: 2, dpi: null });
    expect(pixelSize({ format: 'ecran', dpi: 150, orientation: 'paysage' }, { width: 1024, height: 720, dpr: 0 }).scale).toBe(1);
  });
});

const measure = (text: string, fontPx: number) => text.length * fontPx * 0.5;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const credits = [
  'IGN – ADMIN EXPRESS COG 2018 (2018) — Licence Ouverte / Etalab 2.0',
  "© les contributeurs d'OpenStreetMap ; Waymarked Trails (2022) — ODbL 1.0",
  'Réalisé avec l’Atlas Lens-Liévin le 1 décembre 2026.',
];

function layoutFor(format: 'A4' | 'A3', dpi: 150 | 300, orientation: 'portrait' | 'paysage', legendEntries = 14): ExportLayout {
  const px = pixelSize({ format, dpi, orientation }, screen);
  return computeLayout({ width: px.width, height: px.height, scale: px.scale, legendEntries, credits, measure });
}

describe('page layout', () => {
  it.each(['portrait', 'paysage'] as const)('A4 %s: every part inside the page, none overlapping, map on most of it', (orientation) => {
    const l = layoutFor('A4', 150, orientation);
    const page = { x: 0, y: 0, width: l.width, height: l.height };
    for (const box of [l.title, l.map, l.legend, l.credits]) expect(inside(box, page)).toBe(true);
    for (const [a, b] of [
      [l.title, l.map],
      [l.map, l.legend],
      [l.map, l.credits],
      [l.legend, l.credits],
      [l.title, l.legend],
    ])
      expect(overlap(a, b)).toBe(false);
    expect(inside(l.scaleBar, l.map) && inside(l.north, l.map)).toBe(true);
    expect(overlap(l.scaleBar, l.north)).toBe(false);
    expect((l.map.width * l.map.height) / (l.width * l.height)).toBeGreaterThan(0.4);
    expect(l.legendRowsShown).toBe(14);
    if (orientation === 'paysage') expect(l.legend.x).toBeGreaterThan(l.map.x + l.map.width);
    else expect(l.legend.y).toBeGreaterThan(l.map.y + l.map.height);
  });

  it('300 dpi is the same page as 150 dpi, twice as fine', () => {
    const a = layoutFor('A4', 150, 'paysage');
    const b = layoutFor('A4', 300, 'paysage');
    for (const key of ['title', 'map', 'legend', 'credits', 'scaleBar', 'north'] as const) {
      expect(b[key].x / a[key].x).toBeCloseTo(2, 1);
      expect(b[key].width / a[key].width).toBeCloseTo(2, 1);
    }
    expect(b.creditLines).toEqual(a.creditLines);
    expect(b.titleFont).toBeCloseTo(2 * a.titleFont, 6);
  });

  it('long credits wrap and push the map up; a long legend shrinks its rows, then is cut', () => {
    const long = computeLayout({ width: 1754, height: 1240, scale: 150 / 96, legendEntries: 10, credits: [credits.join(' ').repeat(6)], measure });
    expect(long.creditLines.length).toBeGreaterThan(3);
    expect(long.map.y + long.map.height).toBeLessThan(long.credits.y);
    const many = layoutFor('A4', 150, 'paysage', 400);
    expect(many.legendRow).toBeCloseTo(12 * (150 / 96), 6);
    expect(many.legendRowsShown).toBeLessThan(400);
    expect(many.legendRowsShown * many.legendRow).toBeLessThanOrEqual(many.legend.height + 1e-6);
    const none = layoutFor('A3', 150, 'paysage', 0);
    expect(none.legend.width).toBe(0);
    expect(none.map.width).toBeGreaterThan(layoutFor('A3', 150, 'paysage').map.width);
  });

  it('wraps words greedily, never breaking one', () => {
    expect(wrapText('un deux trois quatre', 6 * 10 * 0.5, 10, measure)).toEqual(['un', 'deux', 'trois', 'quatre']);
    expect(wrapText('un deux trois', 100, 10, measure)).toEqual(['un deux trois']);
    expect(wrapText('anticonstitutionnellement', 10, 10, measure)).toEqual(['anticonstitutionnellement']);
    expect(mapMarks({ x: 0, y: 0, width: 1000, height: 500 }, 1).north.x).toBe(1000 - 8 - 34);
  });
});

describe('scale', () => {
  it('ground resolution of Web Mercator with 512-pixel tiles', () => {
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerCssPixel(12, 50.43)).toBeCloseTo((78271.517 * Math.cos((50.43 * Math.PI) / 180)) / 4096, 4);
  });

  it('nice lengths and labels', () => {
    expect([0.9, 1, 3.2, 7, 49, 51, 999, 1500, 4100, 26_000].map(niceLength)).toEqual([0.5, 1, 2, 5, 20, 50, 500, 1000, 2000, 20_000]);
    const bar = scaleBar(12.5, 200, (n) => String(n));
    expect(bar).toEqual({ metres: 2000, pixels: 160, label: '2 km' });
    expect(scaleBar(1, 150, String).label).toBe('100 m');
  });

  it('paper scale: metres per pixel at a print resolution', () => {
    // 1 px = 8.4667 m at 300 dpi: 8.4667 m per 0.0846667 mm → 1:100 000.
    expect(scaleDenominator((100_000 * 0.0254) / 300, 300)).toBe(100_000);
    expect(scaleDenominator(5.123, 150)).toBe(30_000);
    expect(scaleDenominator(0.5, 96)).toBe(1900);
  });
});

describe('PNG chunks', () => {
  it('adds UTF-8 text and resolution after the header; the image still decodes', () => {
    const png = new Uint8Array(encodeSolidPng(3, 2, [10, 20, 30]));
    const out = withChunks(png, [
      textChunk('Copyright', "© les contributeurs d'OpenStreetMap — Licence Ouverte"),
      textChunk('Title', 'Chaîne des Parcs'),
      resolutionChunk(300),
    ]);
    expect(readTextChunks(out)).toEqual({ Copyright: "© les contributeurs d'OpenStreetMap — Licence Ouverte", Title: 'Chaîne des Parcs' });
    const image = decodePng(Buffer.from(out));
    expect([image.width, image.height]).toEqual([3, 2]);
    // pHYs: 300 dpi = 11 811 pixels per metre, unit metre.
    const text = Buffer.from(out).toString('latin1');
    const at = text.indexOf('pHYs');
    expect(Buffer.from(out).readUInt32BE(at + 4)).toBe(11811);
    expect(out[at + 12]).toBe(1);
    expect(() => withChunks(new Uint8Array([1, 2, 3]), [])).toThrow('not a PNG');
    expect(inflateSync).toBeTypeOf('function');
  });
});
