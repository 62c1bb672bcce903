// Fill patterns drawn on a canvas at runtime (no image file, no network), one tile per pattern and
// colour, handed to MapLibre as style images (`fill-pattern`).
import type { FillPattern, Rgba } from '../../../layers/types';

/** Tile side in CSS pixels. */
export const PATTERN_CELL = 16;
const CELL = PATTERN_CELL;

function diagonal(ctx: CanvasRenderingContext2D, ox: number, rising: boolean): void {
  // Three parallel strokes so the tile wraps seamlessly at its edges.
  for (const shift of [-CELL, 0, CELL]) {
    ctx.beginPath();
    if (rising) {
      ctx.moveTo(ox + shift, CELL);
      ctx.lineTo(ox + shift + CELL, 0);
    } else {
      ctx.moveTo(ox + shift, 0);
      ctx.lineTo(ox + shift + CELL, CELL);
    }
    ctx.stroke();
  }
}

function drawPattern(ctx: CanvasRenderingContext2D, pattern: FillPattern, ox: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(ox, 0, CELL, CELL);
  ctx.clip();
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2.2;
  switch (pattern) {
    case 'plein':
      ctx.fillRect(ox, 0, CELL, CELL);
      break;
    case 'hachures':
      diagonal(ctx, ox, true);
      break;
    case 'hachures-inverses':
      diagonal(ctx, ox, false);
      break;
    case 'croisillons':
      ctx.lineWidth = 1.8;
      diagonal(ctx, ox, true);
      diagonal(ctx, ox, false);
      break;
    case 'points':
      ctx.beginPath();
      ctx.arc(ox + CELL / 2, CELL / 2, 2.6, 0, Math.PI * 2);
      ctx.fill();
      break;
  }
  ctx.restore();
}

/** One tile of the pattern in `colour` on a transparent ground, drawn at `ratio` device pixels per CSS pixel. */
export function patternImage(pattern: FillPattern, colour: Rgba, ratio: number): ImageData {
  const size = CELL * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  // Read back at once: a CPU-backed canvas. The default GPU canvas made each getImageData wait for
  // the GPU process (about 2 s of the start for two dozen tiles in a profile with software WebGL).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('canvas 2D indisponible');
  ctx.scale(ratio, ratio);
  drawPattern(ctx, pattern, 0);
  // The strokes are white masks: keep their alpha, take the colour.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = `rgba(${colour[0]}, ${colour[1]}, ${colour[2]}, ${colour[3] / 255})`;
  ctx.fillRect(0, 0, size, size);
  return ctx.getImageData(0, 0, size, size);
}
