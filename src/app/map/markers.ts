// Point markers drawn on a canvas at runtime, one icon per distinct symbol, in its colours (MapLibre
// style images for the symbol layers).
import type { Rgba, SymbolStyle } from '../../../layers/types';
import { markerPath } from './marker-shapes';

export const css = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;

export function markerKey(symbol: SymbolStyle): string {
  return [symbol.marker ?? 'cercle', symbol.fill?.join(',') ?? '', symbol.line.join(','), symbol.lineWidth].join('|');
}

/** On-screen icon height in CSS pixels: the marker plus its outline and a little air. */
export function markerPixelSize(symbol: SymbolStyle): number {
  return (symbol.markerSize ?? 10) + 2 * symbol.lineWidth + 2;
}

/** The marker at its on-screen size, drawn at `ratio` device pixels per CSS pixel. */
export function markerImage(symbol: SymbolStyle, ratio: number): ImageData {
  const cssSize = markerPixelSize(symbol);
  const size = Math.ceil(cssSize * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  // Read back at once: a CPU-backed canvas. The default GPU canvas made each getImageData wait for
  // the GPU process (about 2 s of the start for two dozen tiles in a profile with software WebGL).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('canvas 2D indisponible');
  const scale = size / cssSize;
  const radius = ((symbol.markerSize ?? 10) / 2) * scale;
  ctx.translate(size / 2, size / 2);
  const path = new Path2D(markerPath(symbol.marker ?? 'cercle', radius));
  ctx.fillStyle = css(symbol.fill ?? symbol.line);
  ctx.fill(path);
  ctx.lineJoin = 'round';
  ctx.lineWidth = symbol.lineWidth * scale * 1.6;
  ctx.strokeStyle = css(symbol.line);
  ctx.stroke(path);
  return ctx.getImageData(0, 0, size, size);
}
