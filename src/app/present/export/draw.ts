// Draws an export page on a 2D canvas from its layout: title, map image, legend (symbols drawn
// from the same styles as the map and the SVG legend), scale bar, north arrow, credits.
import type { GeometryKind, Rgba, SymbolStyle } from '../../../../layers/types';
import { LABEL_FONT } from '../../map/labels';
import { markerPath } from '../../map/marker-shapes';
import { mapMarks, type Box, type ExportLayout } from './layout';
import type { LegendEntry } from './legend-items';
import { scaleBar, type ScaleBar } from './scale';

const INK = '#1d2327';
const INK_SOFT = '#4a545b';
const rgba = ([r, g, b, a]: Rgba | number[]): string => `rgba(${r}, ${g}, ${b}, ${((a ?? 255) / 255).toFixed(3)})`;
export const font = (px: number, weight = 400): string => `${weight} ${px.toFixed(1)}px ${LABEL_FONT}`;

export interface PageContent {
  title: string;
  subtitle: string;
  map: CanvasImageSource;
  legendTitle: string;
  legend: LegendEntry[];
  /** Last legend row when entries are left out ("… and 4 more"). */
  legendMore: (n: number) => string;
  scale: ScaleBar;
  /** Under the bar on paper: "1:48 000 at A4". */
  scaleNote: string | null;
  northLabel: string;
  ground: Rgba;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function plate(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, s: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.88)';
  ctx.strokeStyle = 'rgba(29, 35, 39, 0.5)';
  ctx.lineWidth = s;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 4 * s);
  ctx.fill();
  ctx.stroke();
}

/** A legend symbol in a w×h box (designed 30×20, like SymbolSwatch). */
function swatch(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number, w: number, h: number, ground: Rgba): void {
  const k = w / 30;
  ctx.save();
  ctx.translate(x, y);
  ctx.fillStyle = rgba(ground);
  ctx.strokeStyle = 'rgb(150, 160, 166)';
  ctx.lineWidth = k;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeRect(0.5 * k, 0.5 * k, w - k, h - k);
  if (entry.kind === 'symbole') drawSymbol(ctx, entry.symbol, entry.geometry, k, w, h);
  else if (entry.kind === 'incertitude') {
    ctx.setLineDash([3 * k, 2 * k]);
    ctx.strokeStyle = rgba(entry.colour.slice(0, 3).concat(255));
    ctx.lineWidth = 1.5 * k;
    ctx.beginPath();
    ctx.arc(w / 2, h / 2, 7 * k, 0, 2 * Math.PI);
    ctx.stroke();
  } else if (entry.kind === 'couleur') {
    ctx.fillStyle = rgba(entry.colour.slice(0, 3).concat(entry.outline ? 0 : 110));
    ctx.strokeStyle = rgba(entry.colour.slice(0, 3).concat(255));
    ctx.lineWidth = (entry.outline ? 3 : 2) * k;
    ctx.fillRect(4 * k, 4 * k, w - 8 * k, h - 8 * k);
    ctx.strokeRect(4 * k, 4 * k, w - 8 * k, h - 8 * k);
  }
  ctx.restore();
}

function drawSymbol(ctx: CanvasRenderingContext2D, symbol: SymbolStyle, geometry: GeometryKind, k: number, w: number, h: number): void {
  const lineWidth = Math.min(Math.max(symbol.lineWidth, 1), 4) * k;
  const dash = symbol.dash ? symbol.dash.map((d) => d * Math.max(symbol.lineWidth, 1) * k) : [];
  if (geometry === 'point' && symbol.marker) {
    const r = Math.min((symbol.markerSize ?? 10) / 2 + 1, 7);
    ctx.translate(w / 2, h / 2);
    ctx.scale(k, k);
    const path = new Path2D(markerPath(symbol.marker, r));
    ctx.fillStyle = rgba(symbol.fill ?? symbol.line);
    ctx.fill(path);
    ctx.lineJoin = 'round';
    ctx.strokeStyle = rgba(symbol.line);
    ctx.lineWidth = 1.2;
    ctx.stroke(path);
    return;
  }
  ctx.setLineDash(dash);
  ctx.strokeStyle = rgba(symbol.line);
  ctx.lineWidth = lineWidth;
  if (geometry === 'line') {
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(4 * k, h - 5 * k);
    ctx.bezierCurveTo(11 * k, 3 * k, 19 * k, 17 * k, w - 4 * k, 5 * k);
    ctx.stroke();
    return;
  }
  const [x0, y0, x1, y1] = [4 * k, 4 * k, w - 4 * k, h - 4 * k];
  if (symbol.fill) {
    ctx.fillStyle = rgba(symbol.fill);
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  }
  if (symbol.pattern && symbol.pattern !== 'plein') {
    ctx.save();
    ctx.beginPath();
    ctx.rect(x0, y0, x1 - x0, y1 - y0);
    ctx.clip();
    ctx.setLineDash([]);
    ctx.lineWidth = 1.4 * k;
    ctx.strokeStyle = rgba([...symbol.line.slice(0, 3), 217]);
    ctx.fillStyle = rgba(symbol.line);
    const p = symbol.pattern;
    for (let d = -h; d < w + h; d += 6 * k) {
      ctx.beginPath();
      if (p === 'hachures' || p === 'croisillons') {
        ctx.moveTo(d, h);
        ctx.lineTo(d + h, 0);
      }
      if (p === 'hachures-inverses' || p === 'croisillons') {
        ctx.moveTo(d, 0);
        ctx.lineTo(d + h, h);
      }
      ctx.stroke();
    }
    if (p === 'points')
      for (let px = x0 + 3 * k; px < x1; px += 6 * k) for (let py = y0 + 3 * k; py < y1; py += 6 * k) ctx.fillRect(px - k, py - k, 2 * k, 2 * k);
    ctx.restore();
  }
  ctx.strokeRect(x0, y0, x1 - x0, y1 - y0);
  if (symbol.marker) {
    // A polygon class drawn with a mark at its label point (no fill): the legend shows the mark too.
    ctx.setLineDash([]);
    ctx.translate(w / 2, h / 2);
    ctx.scale(k, k);
    const path = new Path2D(markerPath(symbol.marker, 4.5));
    ctx.fillStyle = rgba(symbol.line);
    ctx.fill(path);
    ctx.strokeStyle = 'rgb(255, 255, 255)';
    ctx.lineWidth = 1.2;
    ctx.stroke(path);
  }
}

export function drawPage(ctx: CanvasRenderingContext2D, layout: ExportLayout, c: PageContent): void {
  const s = layout.scale;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = 'alphabetic';

  const { title } = layout;
  ctx.fillStyle = INK;
  ctx.font = font(layout.titleFont, 700);
  ctx.fillText(fitText(ctx, c.title, title.width), title.x, title.y + layout.titleFont);
  ctx.fillStyle = INK_SOFT;
  ctx.font = font(layout.subtitleFont);
  ctx.fillText(fitText(ctx, c.subtitle, title.width), title.x, title.y + layout.titleFont * 1.3 + layout.subtitleFont * 1.2);

  const { map } = layout;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(c.map, map.x, map.y, map.width, map.height);
  ctx.strokeStyle = INK;
  ctx.lineWidth = s;
  ctx.strokeRect(map.x, map.y, map.width, map.height);

  drawScaleBar(ctx, layout.scaleBar, s, c.scale, c.scaleNote);
  drawNorth(ctx, layout.north, s, c.northLabel);
  drawLegend(ctx, layout, c);

  ctx.fillStyle = INK;
  ctx.font = font(layout.creditsFont);
  layout.creditLines.forEach((line, i) => ctx.fillText(line, layout.credits.x, layout.credits.y + layout.creditsFont + i * layout.creditsLine));
}

function drawLegend(ctx: CanvasRenderingContext2D, layout: ExportLayout, c: PageContent): void {
  const { legend, legendRow: row, legendColumns: columns, legendRowsShown: shown } = layout;
  if (!shown) return;
  const columnWidth = legend.width / columns;
  const rowsPerColumn = Math.ceil(shown / columns);
  const cut = shown < c.legend.length;
  const entries = cut ? c.legend.slice(0, shown - 1) : c.legend;
  const sw = { w: row * 1.25, h: row * 0.8 };
  entries.forEach((entry, i) => {
    const x = legend.x + Math.floor(i / rowsPerColumn) * columnWidth;
    const y = legend.y + (i % rowsPerColumn) * row;
    if (entry.kind === 'titre') {
      ctx.fillStyle = '#1d2327';
      ctx.font = font(layout.legendFont, 700);
      ctx.fillText(fitText(ctx, entry.text, columnWidth - 4 * layout.scale), x, y + row * 0.72);
      return;
    }
    swatch(ctx, entry, x, y + (row - sw.h) / 2, sw.w, sw.h, c.ground);
    ctx.fillStyle = '#1d2327';
    ctx.font = font(layout.legendFont);
    ctx.fillText(fitText(ctx, entry.text, columnWidth - sw.w - 10 * layout.scale), x + sw.w + 6 * layout.scale, y + row * 0.7);
  });
  if (cut) {
    const i = shown - 1;
    ctx.fillStyle = '#4a545b';
    ctx.font = font(layout.legendFont);
    ctx.fillText(
      c.legendMore(c.legend.length - shown + 1),
      legend.x + Math.floor(i / rowsPerColumn) * columnWidth,
      legend.y + (i % rowsPerColumn) * row + row * 0.7,
    );
  }
}

function drawScaleBar(ctx: CanvasRenderingContext2D, box: Box, s: number, scale: ScaleBar, note: string | null): void {
  const bar = Math.min(scale.pixels, box.width - 16 * s);
  const height = note ? box.height + 12 * s : box.height;
  const y0 = box.y + box.height - height;
  ctx.font = font(9.5 * s);
  const noteWidth = note ? ctx.measureText(note).width : 0;
  plate(ctx, box.x, y0, Math.max(bar, noteWidth) + 16 * s, height, s);
  ctx.fillStyle = INK;
  ctx.font = font(11 * s, 600);
  ctx.fillText(scale.label, box.x + 8 * s, y0 + 14 * s);
  const y = y0 + 20 * s;
  const half = bar / 2;
  ctx.fillRect(box.x + 8 * s, y, half, 6 * s);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(box.x + 8 * s + half, y, half, 6 * s);
  ctx.strokeStyle = INK;
  ctx.lineWidth = s;
  ctx.strokeRect(box.x + 8 * s, y, bar, 6 * s);
  if (note) {
    ctx.fillStyle = INK_SOFT;
    ctx.font = font(9.5 * s);
    ctx.fillText(note, box.x + 8 * s, y + 18 * s);
  }
}

function drawNorth(ctx: CanvasRenderingContext2D, box: Box, s: number, label: string): void {
  const { x, y, width, height } = box;
  plate(ctx, x, y, width, height, s);
  const cx = x + width / 2;
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(cx, y + 6 * s);
  ctx.lineTo(cx + 8 * s, y + 28 * s);
  ctx.lineTo(cx, y + 23 * s);
  ctx.lineTo(cx - 8 * s, y + 28 * s);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(12 * s, 700);
  ctx.textAlign = 'center';
  ctx.fillText(label, cx, y + height - 5 * s);
  ctx.textAlign = 'start';
}

/** Scale bar and north arrow drawn onto a map image (the print sheet's map). */
export function decorateMap(
  canvas: HTMLCanvasElement,
  o: { scale: number; metresPerPixel: number; formatNumber: (n: number) => string; northLabel: string; note: string | null },
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const marks = mapMarks({ x: 0, y: 0, width: canvas.width, height: canvas.height }, o.scale);
  drawScaleBar(ctx, marks.scaleBar, o.scale, scaleBar(o.metresPerPixel, marks.scaleBar.width - 16 * o.scale, o.formatNumber), o.note);
  drawNorth(ctx, marks.north, o.scale, o.northLabel);
}
