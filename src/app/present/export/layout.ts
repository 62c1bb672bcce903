// Page maths of the image export, pure: sizes in pixels from paper and resolution, and where the
// title, map, legend and credits go. Lengths are designed in CSS pixels (1/96 inch) and multiplied
// by `scale` (output pixels per CSS pixel: dpi / 96 on paper, the device pixel ratio on screen),
// so an A4 at 150 or 300 dpi is the same page, finer.
export type ExportFormat = 'ecran' | 'A4' | 'A3';
export type Orientation = 'portrait' | 'paysage';
export type Dpi = 150 | 300;

export interface ExportSize {
  format: ExportFormat;
  dpi: Dpi;
  orientation: Orientation;
}

export const PAPER_MM: Record<Exclude<ExportFormat, 'ecran'>, [number, number]> = { A4: [210, 297], A3: [297, 420] };
export const CSS_DPI = 96;
const MM_PER_INCH = 25.4;

export interface Screen {
  width: number;
  height: number;
  dpr: number;
}

export interface PixelSize {
  width: number;
  height: number;
  /** Output pixels per CSS pixel. */
  scale: number;
  /** Paper only: the resolution written into the PNG (pHYs) so it prints at its size. */
  dpi: number | null;
}

export const mmToPixels = (mm: number, dpi: number): number => Math.round((mm / MM_PER_INCH) * dpi);

export function pixelSize(size: ExportSize, screen: Screen): PixelSize {
  if (size.format === 'ecran') {
    const dpr = screen.dpr > 0 ? screen.dpr : 1;
    return { width: Math.round(screen.width * dpr), height: Math.round(screen.height * dpr), scale: dpr, dpi: null };
  }
  const [short, long] = PAPER_MM[size.format];
  const [wmm, hmm] = size.orientation === 'portrait' ? [short, long] : [long, short];
  return { width: mmToPixels(wmm, size.dpi), height: mmToPixels(hmm, size.dpi), scale: size.dpi / CSS_DPI, dpi: size.dpi };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ExportLayout {
  width: number;
  height: number;
  scale: number;
  title: Box;
  titleFont: number;
  subtitleFont: number;
  map: Box;
  legend: Box;
  legendColumns: number;
  legendRow: number;
  legendFont: number;
  /** Entries that fit; when fewer than asked, the last row says how many are left out. */
  legendRowsShown: number;
  credits: Box;
  creditsFont: number;
  creditsLine: number;
  creditLines: string[];
  scaleBar: Box;
  north: Box;
}

/** Width of a text at a font size, both in the same unit (canvas measureText in the app). */
export type Measure = (text: string, fontPx: number) => number;

/** Greedy word wrap; a word longer than the line is left whole. */
export function wrapText(text: string, maxWidth: number, fontPx: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, fontPx) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

// Design values, in CSS pixels.
const MARGIN = 24;
const GAP = 10;
const TITLE = 22;
const SUBTITLE = 12;
const CREDITS = 9.5;
const ROW = 20;
const MIN_ROW = 12;

export function computeLayout(input: {
  width: number;
  height: number;
  scale: number;
  legendEntries: number;
  credits: string[];
  measure: Measure;
}): ExportLayout {
  const { width, height, scale, legendEntries, credits, measure } = input;
  const s = scale;
  const margin = MARGIN * s;
  const gap = GAP * s;
  const inner = { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin };

  const titleHeight = (TITLE * 1.3 + SUBTITLE * 1.5 + 4) * s;
  const title: Box = { x: inner.x, y: inner.y, width: inner.width, height: titleHeight };

  const creditsFont = CREDITS * s;
  const creditsLine = creditsFont * 1.35;
  const creditLines = credits.flatMap((c) => wrapText(c, inner.width, creditsFont, measure));
  const creditsHeight = creditLines.length * creditsLine + 4 * s;
  const credits_: Box = { x: inner.x, y: inner.y + inner.height - creditsHeight, width: inner.width, height: creditsHeight };

  const bodyTop = title.y + title.height + gap;
  const bodyHeight = Math.max(0, credits_.y - gap - bodyTop);
  const landscape = width >= height;
  let map: Box;
  let legend: Box;
  let legendColumns = 1;
  let legendRow = ROW * s;
  if (legendEntries === 0) {
    map = { x: inner.x, y: bodyTop, width: inner.width, height: bodyHeight };
    legend = { x: inner.x + inner.width, y: bodyTop, width: 0, height: 0 };
  } else if (landscape) {
    const legendWidth = Math.min(Math.max(inner.width * 0.3, 200 * s), 320 * s);
    map = { x: inner.x, y: bodyTop, width: inner.width - legendWidth - gap, height: bodyHeight };
    legend = { x: map.x + map.width + gap, y: bodyTop, width: legendWidth, height: bodyHeight };
    legendRow = Math.max(MIN_ROW * s, Math.min(ROW * s, bodyHeight / legendEntries));
  } else {
    legendColumns = inner.width >= 600 * s ? 3 : 2;
    const rows = Math.ceil(legendEntries / legendColumns);
    // The map keeps at least 60 % of the body; rows shrink, then entries are cut, beyond that.
    const legendHeight = Math.min(rows * ROW * s + 4 * s, bodyHeight * 0.4);
    legendRow = Math.max(MIN_ROW * s, Math.min(ROW * s, (legendHeight - 4 * s) / rows));
    map = { x: inner.x, y: bodyTop, width: inner.width, height: bodyHeight - legendHeight - gap };
    legend = { x: inner.x, y: map.y + map.height + gap, width: inner.width, height: legendHeight };
  }
  const fitting = legendColumns * Math.floor((legend.height + 0.01) / legendRow);
  const legendRowsShown = Math.min(legendEntries, fitting);

  const { scaleBar, north } = mapMarks(map, s);

  return {
    width,
    height,
    scale,
    title,
    titleFont: TITLE * s,
    subtitleFont: SUBTITLE * s,
    map,
    legend,
    legendColumns,
    legendRow,
    legendFont: Math.min(12 * s, legendRow * 0.62),
    legendRowsShown,
    credits: credits_,
    creditsFont,
    creditsLine,
    creditLines,
    scaleBar,
    north,
  };
}

/** Boxes of the scale bar (bottom left) and north arrow (top right) inside a map frame. */
export function mapMarks(map: Box, s: number): { scaleBar: Box; north: Box } {
  const inset = 8 * s;
  return {
    scaleBar: { x: map.x + inset, y: map.y + map.height - inset - 34 * s, width: Math.min(map.width * 0.3, 220 * s), height: 34 * s },
    north: { x: map.x + map.width - inset - 34 * s, y: map.y + inset, width: 34 * s, height: 46 * s },
  };
}
