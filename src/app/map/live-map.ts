// The map on screen, as the exports and the presentation see it: MapView registers it once
// created. Exports draw the map itself at their size (render-map.ts); the presentation only asks
// it to resize when the slide panel appears.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface LiveMap {
  map: MapLibreMap;
}

let current: LiveMap | null = null;

const listeners = new Set<(live: LiveMap | null) => void>();

export function setLiveMap(live: LiveMap | null): void {
  current = live;
  listeners.forEach((l) => l(live));
}

/** Told of the map now and whenever it is created or removed (the coordinates readout follows it). */
export function watchLiveMap(listener: (live: LiveMap | null) => void): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}

export function getLiveMap(): LiveMap | null {
  return current;
}
