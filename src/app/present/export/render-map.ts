// Renders the map on screen at an export's size. The map itself is used, moved off screen for a
// moment at the export's CSS size and pixel ratio, so the image is exactly what the map draws
// (same style, same deck.gl layers and textures; a second map with copied layers drew fill
// patterns wrongly). The same view is framed, drawn synchronously, copied, then the map goes back
// to its place and camera. A cover says what happens meanwhile (present.css).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LiveMap } from '../../map/live-map';

export interface MapRender {
  canvas: HTMLCanvasElement;
  zoom: number;
  latitude: number;
  /** CSS width the map was laid out at (the output is that × pixelRatio). */
  cssWidth: number;
  pixelRatio: number;
  /** The pixel ratio had to be lowered to the graphics card's limit. */
  limited: boolean;
  /** The map did not finish drawing in time (tiles of an online basemap offline, …). */
  incomplete: boolean;
}

/** Largest canvas side the graphics card can render (texture, renderbuffer and viewport limits). */
export function maxRenderSize(): number {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (!gl) return 4096;
  const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const size = Math.min(
    gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    viewport[0],
    viewport[1],
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return size;
}

function idle(map: MapLibreMap, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve(true);
    });
    map.triggerRepaint();
  });
}

const frames = (n: number): Promise<void> =>
  new Promise((resolve) => (n <= 0 ? resolve() : requestAnimationFrame(() => void frames(n - 1).then(resolve))));

/** One export at a time: the map can only be in one place. */
let busy: Promise<unknown> = Promise.resolve();

export function renderMap(
  live: LiveMap,
  frame: { cssWidth: number; cssHeight: number; pixelRatio: number },
  signal?: AbortSignal,
): Promise<MapRender> {
  const run = busy.then(() => render(live.map, frame, signal));
  busy = run.catch(() => undefined);
  return run;
}

async function render(
  map: MapLibreMap,
  frame: { cssWidth: number; cssHeight: number; pixelRatio: number },
  signal?: AbortSignal,
): Promise<MapRender> {
  const container = map.getContainer();
  const before = {
    center: map.getCenter(),
    zoom: map.getZoom(),
    bounds: map.getBounds(),
    ratio: map.getPixelRatio(),
    style: container.getAttribute('style'),
    maxCanvas: map._maxCanvasSize,
  };
  const max = maxRenderSize();
  const pixelRatio = Math.min(frame.pixelRatio, max / frame.cssWidth, max / frame.cssHeight);
  document.body.classList.add('atlas-rendu-image');
  try {
    Object.assign(container.style, { position: 'fixed', left: '-30000px', top: '0', width: `${frame.cssWidth}px`, height: `${frame.cssHeight}px` });
    map._maxCanvasSize = [max, max];
    map.setPixelRatio(pixelRatio);
    map.resize();
    map.fitBounds(before.bounds, { padding: 0, duration: 0 });
    // Idle, then a few frames for the app to place the labels again for this size, then idle again.
    let complete = await idle(map, 45_000);
    await frames(3);
    complete = (await idle(map, 15_000)) && complete;
    if (signal?.aborted) throw new DOMException('annulé', 'AbortError');
    // Drawn and copied in the same task: the WebGL buffer is readable until the page composites.
    map.redraw();
    const source = map.getCanvas();
    const canvas = document.createElement('canvas');
    canvas.width = source.width;
    canvas.height = source.height;
    canvas.getContext('2d')?.drawImage(source, 0, 0);
    const center = map.getCenter();
    return {
      canvas,
      zoom: map.getZoom(),
      latitude: center.lat,
      cssWidth: frame.cssWidth,
      pixelRatio,
      limited: pixelRatio < frame.pixelRatio - 1e-6,
      incomplete: !complete,
    };
  } finally {
    if (before.style === null) container.removeAttribute('style');
    // Through the CSSOM: a style attribute written as text is inline style, refused by the CSP.
    else container.style.cssText = before.style;
    map._maxCanvasSize = before.maxCanvas;
    map.setPixelRatio(before.ratio);
    map.resize();
    map.jumpTo({ center: before.center, zoom: before.zoom });
    document.body.classList.remove('atlas-rendu-image');
  }
}
