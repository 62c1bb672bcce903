// How much of the map the panels cover, so that framing a feature or a card keeps it in sight.
import { bbox } from '@turf/turf';
import type { Bounds, GeoFeature } from '../../../layers/types';
import { featurePanelInset, narrowScreen } from '../ui/screen';
import type { Insets } from './MapView';

/** Map edges covered by the side panel when it is a bottom sheet over the map (phones). */
export function sheetInsets(panel: HTMLElement | null): Insets | undefined {
  if (!panel || panel.hidden || !narrowScreen()) return undefined;
  return { top: 0, right: 0, left: 0, bottom: panel.offsetHeight };
}

/** A feature's bounds and the map edges its sheet covers (top half on a phone, left column otherwise). */
export function featureFraming(feature: GeoFeature): { bounds: Bounds; insets: Insets } {
  const [w, s, e, n] = bbox(feature);
  const mapHeight = document.getElementById('carte')?.clientHeight ?? 0;
  const insets = narrowScreen()
    ? { top: Math.round(mapHeight / 2), right: 0, bottom: 0, left: 0 }
    : { top: 0, right: 0, bottom: 0, left: featurePanelInset() };
  return { bounds: [w, s, e, n], insets };
}
