// MapLibre map + interleaved deck.gl overlay + controls. maplibre-gl 6 is ESM-only and must be told
// where its bundled worker lives.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import type { Bounds, Theme } from '../../../layers/types';
import type { Camera } from '../state/url-state';
import { buildBasemapStyle } from '../../core/map-style/basemap-style';
import { mapLibreLocale } from './map-locale';
import type { Locale } from '../i18n';

setWorkerUrl(workerUrl);

export interface MapHandlers {
  onClick: (info: PickingInfo | null, lngLat: [number, number]) => void;
  onHover: (info: PickingInfo) => void;
}

export interface MapBundle {
  map: MapLibreMap;
  overlay: MapLibreOverlay;
  /** Resolves once the style is loaded and the overlay is attached. */
  loaded: Promise<void>;
}

export function createMap(
  container: HTMLElement,
  theme: Theme,
  view: { camera?: Camera; bounds: Bounds },
  handlers: MapHandlers,
  locale: Locale = 'fr',
): MapBundle {
  const [w, s, e, n] = view.bounds;
  const map = new MapLibreMap({
    container,
    style: buildBasemapStyle(theme),
    ...(view.camera
      ? { center: [view.camera.lon, view.camera.lat] as [number, number], zoom: view.camera.zoom }
      : { bounds: [w, s, e, n] as [number, number, number, number], fitBoundsOptions: { padding: 24 } }),
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

  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    onHover: handlers.onHover,
    getCursor: ({ isDragging, isHovering }) => (isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab'),
    pickingRadius: 4,
  });
  const loaded = new Promise<void>((resolve) => {
    map.once('load', () => {
      // Interleaved deck layers are inserted into the style, which must exist first.
      map.addControl(overlay);
      // Clicks are taken from MapLibre (mouse and touch alike) and picked in deck.gl: deck's own
      // gesture recogniser does not see clicks on the shared canvas in interleaved mode.
      map.on('click', (event) =>
        handlers.onClick(overlay.pickObject({ x: event.point.x, y: event.point.y, radius: 4 }), [event.lngLat.lng, event.lngLat.lat]),
      );
      resolve();
    });
  });
  return { map, overlay, loaded };
}
