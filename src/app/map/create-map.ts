// MapLibre map + controls; the thematic layers are MapLibre style layers (see thematic/), deck.gl
// comes later and only if needed (deck-overlay.ts). maplibre-gl 6 is ESM-only and must be told
// where its bundled worker lives.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Bounds, Theme } from '../../../layers/types';
import type { Camera } from '../state/url-state';
import { buildBasemapStyle } from '../../core/map-style/basemap-style';
import { mapLibreLocale } from './map-locale';
import type { Locale } from '../i18n';

setWorkerUrl(workerUrl);

export interface MapHandlers {
  /** A click (mouse or touch) at a CSS-pixel point of the canvas. */
  onClick: (point: { x: number; y: number }, lngLat: [number, number]) => void;
  onHover: (point: { x: number; y: number } | null) => void;
}

export interface MapBundle {
  map: MapLibreMap;
  /** Resolves once the style is loaded and the handlers are attached. */
  loaded: Promise<void>;
}

export function createMap(
  container: HTMLElement,
  theme: Theme,
  /** insetLeft: CSS pixels of the map's left edge covered at start (the open legend). */
  view: { camera?: Camera; bounds: Bounds; insetLeft?: number },
  handlers: MapHandlers,
  locale: Locale = 'fr',
): MapBundle {
  const [w, s, e, n] = view.bounds;
  const map = new MapLibreMap({
    container,
    style: buildBasemapStyle(theme),
    ...(view.camera
      ? { center: [view.camera.lon, view.camera.lat] as [number, number], zoom: view.camera.zoom }
      : {
          bounds: [w, s, e, n] as [number, number, number, number],
          fitBoundsOptions: { padding: { top: 24, right: 24, bottom: 24, left: 24 + (view.insetLeft ?? 0) } },
        }),
    minZoom: 7,
    maxZoom: 19,
    attributionControl: false, // our own attribution lists every visible source
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    locale: mapLibreLocale(locale),
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

  const loaded = new Promise<void>((resolve) => {
    map.once('load', () => {
      map.on('click', (event) => handlers.onClick({ x: event.point.x, y: event.point.y }, [event.lngLat.lng, event.lngLat.lat]));
      map.on('mousemove', (event) => handlers.onHover({ x: event.point.x, y: event.point.y }));
      map.on('mouseout', () => handlers.onHover(null));
      resolve();
    });
  });
  return { map, loaded };
}
