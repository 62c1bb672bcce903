// Point-marker atlas drawn on a canvas at runtime, one icon per distinct symbol, in its colours.
import type { Rgba, SymbolStyle } from '../../../layers/types';
import { markerPath } from './marker-shapes';

const CELL = 64;

export interface MarkerFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  mask: boolean;
}

export interface MarkerAtlas {
  canvas: HTMLCanvasElement;
  mapping: Record<string, MarkerFrame>;
}

export const css = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;

export function markerKey(symbol: SymbolStyle): string {
  return [symbol.marker ?? 'cercle', symbol.fill?.join(',') ?? '', symbol.line.join(','), symbol.lineWidth].join('|');
}

/** On-screen icon height in CSS pixels: the marker plus its outline and a little air. */
export function markerPixelSize(symbol: SymbolStyle): number {
  return (symbol.markerSize ?? 10) + 2 * symbol.lineWidth + 2;
}

export function buildMarkerAtlas(symbols: SymbolStyle[]): MarkerAtlas {
  const unique = new Map<string, SymbolStyle>();
  for (const s of symbols) unique.set(markerKey(s), s);
  const canvas = document.createElement('canvas');
  canvas.width = CELL * Math.max(1, unique.size);
  canvas.height = CELL;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D indisponible');
  const mapping: Record<string, MarkerFrame> = {};
  let i = 0;
  for (const [key, symbol] of unique) {
    // Scale so that the icon's nominal pixel size maps onto the whole cell.
    const scale = CELL / markerPixelSize(symbol);
    const radius = ((symbol.markerSize ?? 10) / 2) * scale;
    ctx.save();
    ctx.translate(i * CELL + CELL / 2, CELL / 2);
    const path = new Path2D(markerPath(symbol.marker ?? 'cercle', radius));
    ctx.fillStyle = css(symbol.fill ?? symbol.line);
    ctx.fill(path);
    ctx.lineJoin = 'round';
    ctx.lineWidth = symbol.lineWidth * scale * 1.6;
    ctx.strokeStyle = css(symbol.line);
    ctx.stroke(path);
    ctx.restore();
    mapping[key] = { x: i * CELL, y: 0, width: CELL, height: CELL, mask: false };
    i += 1;
  }
  return { canvas, mapping };
}
