// Picking the thematic layers with MapLibre's own hit test (queryRenderedFeatures): each feature
// carries its index in the loaded data (`i`), so a pick gives the same Selection as before.
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { findSublayer } from '../../../layers/index';
import type { LayerData } from '../data/useLayerData';
import type { PickResult } from './debug-hook';
import { isPickableLayer, sublayerIdFromLayer } from './thematic/style';

/**
 * Every thematic feature around (x, y) in CSS pixels of the canvas, each once: those under the
 * point itself first (top first), then those within `radius` (a thin line near a click), as the
 * nearest-first picking of deck.gl did.
 */
export function pickAllAt(map: MapLibreMap, data: LayerData, x: number, y: number, radius: number): PickResult[] {
  const box: [PointLike, PointLike] = [
    [x - radius, y - radius],
    [x + radius, y + radius],
  ];
  const layers = map
    .getLayersOrder()
    .filter(isPickableLayer)
    .filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
  if (!layers.length) return [];
  const seen = new Set<string>();
  const out: PickResult[] = [];
  const near = radius > 0 ? map.queryRenderedFeatures(box, { layers }) : [];
  for (const feature of [...map.queryRenderedFeatures([x, y], { layers }), ...near]) {
    const sublayerId = sublayerIdFromLayer(feature.layer.id);
    const index = Number(feature.properties?.i);
    const d = sublayerId ? data[sublayerId] : undefined;
    if (!sublayerId || !Number.isInteger(index) || d?.state !== 'ok' || !d.features[index]) continue;
    const key = `${sublayerId}/${index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const def = findSublayer(sublayerId);
    const name = d.features[index].properties?.[def?.sublayer.nameField ?? 'nom'];
    out.push({ sublayerId, index, name: typeof name === 'string' ? name : null });
  }
  return out;
}

export function pickAt(map: MapLibreMap, data: LayerData, x: number, y: number, radius: number): PickResult | null {
  return pickAllAt(map, data, x, y, radius)[0] ?? null;
}
