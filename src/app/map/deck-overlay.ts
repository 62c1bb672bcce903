// deck.gl, only when something needs it (the measure in progress; imported layers are MapLibre tiles):
// loaded by a dynamic import so that it stays out of the initial JavaScript, then interleaved in
// MapLibre's stack just under the highlight layers. The thematic layers never go through it.
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface DeckOverlay {
  setLayers: (layers: Layer[]) => void;
}

export async function createDeckOverlay(map: MapLibreMap, beforeId: string): Promise<DeckOverlay> {
  const { MapLibreOverlay: Overlay } = await import('@deck.gl/maplibre');
  const overlay: MapLibreOverlay = new Overlay({
    interleaved: true,
    layers: [],
    // The map's own pointer handling sets the cursor (pointer over features, crosshair to measure).
    getCursor: () => map.getCanvas().style.cursor,
  });
  map.addControl(overlay);
  let current: Layer[] = [];
  let regroupPending = false;
  return {
    setLayers: (layers) => {
      current = layers.map((l) => l.clone({ beforeId } as never));
      overlay.setProps({ layers: current });
      // The overlay inserts its layer groups into the style only while the style reports loaded;
      // GeoJSON sources still parsing make it report not loaded, so insert them at the next idle.
      if (!map.isStyleLoaded() && !regroupPending) {
        regroupPending = true;
        map.once('idle', () => {
          regroupPending = false;
          overlay.setProps({ layers: current });
        });
      }
    },
  };
}
