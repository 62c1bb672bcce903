// Fill-pattern atlas drawn on a canvas at runtime (no image file, no network). Patterns are alpha
// masks: FillStyleExtension colours them with the feature's fill colour.
import type { FillPattern } from '../../../layers/types';

const CELL = 16;
const PATTERNS: FillPattern[] = ['plein', 'hachures', 'hachures-inverses', 'croisillons', 'points'];

export interface PatternFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PatternAtlas {
  canvas: HTMLCanvasElement;
  mapping: Record<FillPattern, PatternFrame>;
}

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

let cached: PatternAtlas | null = null;

export function patternAtlas(): PatternAtlas {
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = CELL * PATTERNS.length;
  canvas.height = CELL;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D indisponible');
  const mapping = {} as Record<FillPattern, PatternFrame>;
  PATTERNS.forEach((pattern, i) => {
    drawPattern(ctx, pattern, i * CELL);
    mapping[pattern] = { x: i * CELL, y: 0, width: CELL, height: CELL };
  });
  cached = { canvas, mapping };
  return cached;
}
