// Small test/debug hook: browser tests project coordinates, wait for `idle` and pick features.
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface PickResult {
  sublayerId: string;
  index: number;
  name: string | null;
}

export interface AtlasDebugHook {
  map: MapLibreMap;
  /** Resolves after the first idle with every data layer settled (loaded or failed). */
  ready: Promise<void>;
  isReady: boolean;
  /** Topmost thematic feature at a CSS-pixel position of the map canvas. */
  pick: (x: number, y: number) => PickResult | null;
  /** Every thematic feature at that position, top first. */
  pickAll: (x: number, y: number) => PickResult[];
  /** Topmost workspace (atelier) feature at that position. */
  pickWorkspace: (x: number, y: number) => { itemId: string; index: number } | null;
}

declare global {
  interface Window {
    __atlas?: AtlasDebugHook;
  }
}
