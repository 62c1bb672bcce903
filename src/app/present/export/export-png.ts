// PNG export: page size from the chosen format, layout, the map rendered at that size (render-map),
// the page drawn on a canvas, and the credits and legend written into the file's text chunks.
import type { Rgba } from '../../../../layers/types';
import type { Translate } from '../deck/validate';
import type { LiveMap } from '../../map/live-map';
import { drawPage, font } from './draw';
import { computeLayout, pixelSize, type Box, type ExportSize, type Screen } from './layout';
import type { LegendEntry } from './legend-items';
import { textChunk, resolutionChunk, withChunks } from '../../../core/png/png-chunks';
import { renderMap } from './render-map';
import { metresPerCssPixel, scaleBar, scaleDenominator } from './scale';

export interface ExportRequest {
  size: ExportSize;
  screen: Screen;
  title: string;
  subtitle: string;
  legend: LegendEntry[];
  credits: string[];
  ground: Rgba;
  permalink: string;
  t: Translate;
  formatNumber: (n: number) => string;
}

export interface ExportResult {
  blob: Blob;
  width: number;
  height: number;
  dpi: number | null;
  fileName: string;
  /** The words burnt into the image, shown beside the preview as its text alternative. */
  texts: { title: string; subtitle: string; legend: string[]; credits: string[]; scale: string };
  /** Where the map, legend and credits are in the image (checks, and the preview's description). */
  boxes: { map: Box; legend: Box; credits: Box };
  warnings: string[];
}

/** Whether this browser can hold a canvas of that size (Safari on iPhone stops at 16.7 million pixels). */
function canvasFits(width: number, height: number): boolean {
  if (width > 32_767 || height > 32_767 || width * height > 268_435_456) return false;
  const probe = document.createElement('canvas');
  probe.width = width;
  probe.height = height;
  const ctx = probe.getContext('2d');
  if (!ctx) return false;
  ctx.fillStyle = '#010203';
  ctx.fillRect(width - 1, height - 1, 1, 1);
  const ok = ctx.getImageData(width - 1, height - 1, 1, 1).data[2] === 3;
  probe.width = probe.height = 0;
  return ok;
}

function toPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject) : reject(new Error('toBlob'))), 'image/png'),
  );
}

export function exportFileName(size: ExportSize, date = new Date()): string {
  const day = date.toISOString().slice(0, 10);
  return size.format === 'ecran'
    ? `atlas-lens-lievin-ecran-${day}.png`
    : `atlas-lens-lievin-${size.format}-${size.orientation}-${size.dpi}dpi-${day}.png`;
}

export async function exportPng(live: LiveMap, req: ExportRequest, signal?: AbortSignal): Promise<ExportResult> {
  const { t } = req;
  const warnings: string[] = [];
  let size = req.size;
  let px = pixelSize(size, req.screen);
  if (!canvasFits(px.width, px.height) && size.format !== 'ecran' && size.dpi === 300) {
    const lower = pixelSize({ ...size, dpi: 150 }, req.screen);
    warnings.push(t('present.export.canvasTooBig', { width: px.width, height: px.height, lowerWidth: lower.width, lowerHeight: lower.height }));
    size = { ...size, dpi: 150 };
    px = lower;
  }
  if (!canvasFits(px.width, px.height)) throw new Error(t('present.export.canvasImpossible', { width: px.width, height: px.height }));

  const page = document.createElement('canvas');
  page.width = px.width;
  page.height = px.height;
  const ctx = page.getContext('2d');
  if (!ctx) throw new Error(t('present.export.canvasImpossible', { width: px.width, height: px.height }));
  const measure = (text: string, fontPx: number) => {
    ctx.font = font(fontPx);
    return ctx.measureText(text).width;
  };
  const layout = computeLayout({
    width: px.width,
    height: px.height,
    scale: px.scale,
    legendEntries: req.legend.length,
    credits: req.credits,
    measure,
  });

  const render = await renderMap(
    live,
    { cssWidth: Math.round(layout.map.width / px.scale), cssHeight: Math.round(layout.map.height / px.scale), pixelRatio: px.scale },
    signal,
  );
  if (render.limited) warnings.push(t('present.export.gpuLimit', { dpi: Math.round(render.pixelRatio * 96) }));
  if (render.incomplete) warnings.push(t('present.export.incomplete'));

  // Ground metres per output pixel of the map frame.
  const metresPerPixel = (metresPerCssPixel(render.zoom, render.latitude) * render.cssWidth) / layout.map.width;
  const bar = scaleBar(metresPerPixel, layout.scaleBar.width - 16 * px.scale, req.formatNumber);
  const scaleNote =
    px.dpi && size.format !== 'ecran'
      ? t('present.export.scaleNote', { scale: req.formatNumber(scaleDenominator(metresPerPixel, px.dpi)), format: size.format })
      : null;

  drawPage(ctx, layout, {
    title: req.title,
    subtitle: req.subtitle,
    map: render.canvas,
    legendTitle: t('present.export.legend'),
    legend: req.legend,
    legendMore: (n) => t('present.export.legendMore', { n }),
    scale: bar,
    scaleNote,
    northLabel: t('present.export.north'),
    ground: req.ground,
  });
  render.canvas.width = render.canvas.height = 0;

  const legendText = req.legend.map((e) => e.text);
  const chunks = [
    textChunk('Title', req.title),
    textChunk('Description', `${req.subtitle}. ${t('present.export.legend')} : ${legendText.join(' ; ')}`),
    textChunk('Copyright', req.credits.join('\n')),
    textChunk('Source', req.permalink),
    textChunk('Software', 'Atlas Lens-Liévin'),
  ];
  if (px.dpi) chunks.push(resolutionChunk(px.dpi));
  const png = withChunks(await toPng(page), chunks);
  page.width = page.height = 0;
  return {
    blob: new Blob([png as BlobPart], { type: 'image/png' }),
    width: px.width,
    height: px.height,
    dpi: px.dpi,
    fileName: exportFileName(size),
    texts: {
      title: req.title,
      subtitle: req.subtitle,
      legend: legendText,
      credits: req.credits,
      scale: scaleNote ? `${bar.label} · ${scaleNote}` : bar.label,
    },
    boxes: { map: layout.map, legend: layout.legend, credits: layout.credits },
    warnings,
  };
}
