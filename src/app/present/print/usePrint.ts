// Printing through the browser's dialog. « Imprimer » (export dialog): the print sheet is laid
// out at the paper size, its map box measured, the map rendered offscreen for that box, then
// window.print(). Ctrl+P straight away: the same sheet with a snapshot of the map on screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { getLiveMap } from '../../map/live-map';
import { metresPerCssPixel } from '../export/scale';
import type { Orientation } from '../export/layout';

export interface PrintRequest {
  format: 'A4' | 'A3';
  orientation: Orientation;
  title: string;
}

export interface PrintMap {
  src: string;
  /** Ground metres per CSS pixel of the image as laid out in its box. */
  metresPerCssPixel: number;
}

export type PrintJob = PrintRequest & { phase: 'mise-en-page' | 'rendu' | 'impression'; map: PrintMap | null; error?: string };

/** Resolution of the map image in a print (a printed map needs no more; 300 dpi would be slow). */
export const PRINT_DPI = 200;

// The paper size rule lives in a constructed style sheet: a <style> element would be inline style,
// which the Content-Security-Policy (style-src 'self') refuses, and the sheet would print at the default size.
let pageSheet: CSSStyleSheet | null = null;

function setPageStyle(request: Pick<PrintRequest, 'format' | 'orientation'> | null): void {
  if (pageSheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
  pageSheet = null;
  if (!request) return;
  pageSheet = new CSSStyleSheet();
  pageSheet.replaceSync(`@page { size: ${request.format} ${request.orientation === 'paysage' ? 'landscape' : 'portrait'}; margin: 0; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

export function usePrint() {
  const [job, setJob] = useState<PrintJob | null>(null);
  const jobRef = useRef(job);
  jobRef.current = job;

  const start = useCallback((request: PrintRequest) => setJob({ ...request, phase: 'mise-en-page', map: null }), []);

  const finish = useCallback(() => {
    setPageStyle(null);
    document.body.classList.remove('atlas-impression');
    setJob((j) => {
      if (j?.map?.src.startsWith('blob:')) URL.revokeObjectURL(j.map.src);
      return null;
    });
  }, []);

  /** Called by the sheet once laid out: renders the map for its box, then prints. */
  const onMeasured = useCallback(
    async (box: { width: number; height: number }, decorate: (canvas: HTMLCanvasElement, metresPerPixel: number, scale: number) => void) => {
      const live = getLiveMap();
      const current = jobRef.current;
      if (!live || !current || current.phase !== 'mise-en-page') return;
      setJob({ ...current, phase: 'rendu' });
      try {
        // Loaded on demand: the offscreen renderer is not needed to start the app.
        const { renderMap } = await import('../export/render-map');
        const render = await renderMap(live, { cssWidth: Math.round(box.width), cssHeight: Math.round(box.height), pixelRatio: PRINT_DPI / 96 });
        const metres = metresPerCssPixel(render.zoom, render.latitude);
        decorate(render.canvas, metres / render.pixelRatio, render.pixelRatio);
        const blob = await new Promise<Blob | null>((resolve) => render.canvas.toBlob(resolve, 'image/png'));
        if (!blob) throw new Error('toBlob');
        setJob((j) => j && { ...j, phase: 'impression', map: { src: URL.createObjectURL(blob), metresPerCssPixel: metres } });
      } catch (error) {
        setJob((j) => j && { ...j, error: error instanceof Error ? error.message : String(error) });
      }
    },
    [],
  );

  /** Called by the sheet once its map image is decoded. */
  const onReady = useCallback(() => {
    const current = jobRef.current;
    if (!current || current.phase !== 'impression') return;
    setPageStyle(current);
    document.body.classList.add('atlas-impression');
    window.print();
  }, []);

  // Chrome, Firefox and Safari fire afterprint when the dialog closes (print or cancel).
  useEffect(() => {
    const after = () => {
      if (jobRef.current?.phase === 'impression') finish();
    };
    window.addEventListener('afterprint', after);
    return () => window.removeEventListener('afterprint', after);
  }, [finish]);

  return { job, start, finish, onMeasured, onReady };
}

export type PrintApi = ReturnType<typeof usePrint>;

/** Ctrl+P without the dialog: page orientation follows the screen. */
export function defaultPageStyle(): void {
  if (!pageSheet) setPageStyle({ format: 'A4', orientation: window.innerWidth >= window.innerHeight ? 'paysage' : 'portrait' });
}
export const clearDefaultPageStyle = (): void => setPageStyle(null);
