// The map on screen, as the exports and the presentation see it: MapView registers it once
// created. Exports copy its style and deck.gl layers into an offscreen map of their own; the
// presentation only asks it to resize when the slide panel appears.
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface LiveMap {
  map: MapLibreMap;
  /** deck.gl layers currently drawn over the map, top last. */
  layers: () => Layer[];
}

let current: LiveMap | null = null;

export function setLiveMap(live: LiveMap | null): void {
  current = live;
}

export function getLiveMap(): LiveMap | null {
  return current;
}
