// The map on screen, as the exports and the presentation see it: MapView registers it once
// created. Exports draw the map itself at their size (render-map.ts); the presentation only asks
// it to resize when the slide panel appears.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface LiveMap {
  map: MapLibreMap;
}

let current: LiveMap | null = null;

export function setLiveMap(live: LiveMap | null): void {
  current = live;
}

export function getLiveMap(): LiveMap | null {
  return current;
}
