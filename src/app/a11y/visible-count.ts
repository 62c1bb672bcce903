// How many features the map shows in a view: features of the shown sublayers whose bounding box
// meets the view. Pure; bounding boxes are computed once per feature object.
import { bbox } from '@turf/turf';
import type { Bounds, GeoFeature } from '../../../layers/types';
import { layerDefinitions } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import { isSublayerShown, type Visibility } from '../state/visibility';

const boxes = new WeakMap<GeoFeature, Bounds>();
function boxOf(feature: GeoFeature): Bounds {
  let b = boxes.get(feature);
  if (!b) {
    const [w, s, e, n] = bbox(feature);
    boxes.set(feature, (b = [w, s, e, n]));
  }
  return b;
}

const meets = (a: Bounds, b: Bounds): boolean => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

export function countVisibleFeatures(visibility: Visibility, data: LayerData, view: Bounds | null): number {
  let n = 0;
  for (const layer of layerDefinitions) {
    for (const sublayer of layer.sublayers) {
      const d = data[sublayer.id];
      if (d?.state !== 'ok' || !isSublayerShown(visibility, layer.id, sublayer.id)) continue;
      n += view ? d.features.filter((f) => meets(boxOf(f), view)).length : d.features.length;
    }
  }
  return n;
}

export type VisibilityChange = { kind: 'layer' | 'sublayer'; id: string; on: boolean };

/** The one layer or sublayer switched between two states; null when none or several changed. */
export function singleChange(before: Visibility, after: Visibility): VisibilityChange | null {
  const diff = (a: Set<string>, b: Set<string>) => [...new Set([...a, ...b])].filter((id) => a.has(id) !== b.has(id));
  const layers = diff(before.layers, after.layers);
  const sublayers = diff(before.sublayers, after.sublayers);
  if (layers.length + sublayers.length !== 1) return null;
  return layers.length
    ? { kind: 'layer', id: layers[0], on: after.layers.has(layers[0]) }
    : { kind: 'sublayer', id: sublayers[0], on: after.sublayers.has(sublayers[0]) };
}
