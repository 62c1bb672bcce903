// Puts the thematic layers into the map: one GeoJSON source per sublayer (plus its uncertainty
// circles), the style images its classes need, and the style layers generated from its classes,
// in drawing order under the highlight layers. Called again on every data, theme or visibility
// change; style-sync.ts turns that into the few calls that differ.
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { area } from '@turf/turf';
import { drawOrder } from '../../../../layers/index';
import type { GeoFeature, SublayerDefinition, Theme } from '../../../../layers/types';
import type { LayerData } from '../../data/useLayerData';
import { isSublayerShown, shownClass, type Visibility } from '../../state/visibility';
import { syncLayers, syncSource } from '../style-sync';
import { markCollection, markSymbol, thematicCollection, uncertaintyCollection } from './data';
import { ensureMarkerImages, ensurePatternImages } from './images';
import { markLayers, markSourceId, sublayerStyle, thematicSourceId, uncertaintySourceId } from './style';

/** Placeholder layer (never drawn) that marks the top of the thematic group. */
export const THEMATIC_ANCHOR = 'ancre-thematique';
export const anchorLayer: LayerSpecification = { id: THEMATIC_ANCHOR, type: 'background', layout: { visibility: 'none' } };

interface Prepared {
  theme: Theme['id'];
  features: FeatureCollection;
  uncertainty: FeatureCollection | null;
  marks: FeatureCollection | null;
}

/** Per loaded feature array: the collections for the last theme, and the mean area (for pick order). */
const prepared = new WeakMap<GeoFeature[], Prepared>();
const meanArea = new WeakMap<GeoFeature[], number>();

function prepare(sublayer: SublayerDefinition, features: GeoFeature[], theme: Theme): Prepared {
  const known = prepared.get(features);
  if (known?.theme === theme.id) return known;
  const next = {
    theme: theme.id,
    features: thematicCollection(sublayer, features, theme),
    uncertainty: uncertaintyCollection(sublayer, features, theme),
    marks: markCollection(sublayer, features, theme),
  };
  prepared.set(features, next);
  return next;
}

function meanAreaOf(features: GeoFeature[]): number {
  let m = meanArea.get(features);
  if (m === undefined) meanArea.set(features, (m = features.reduce((sum, f) => sum + (f.geometry ? area(f) : 0), 0) / Math.max(1, features.length)));
  return m;
}

export function syncThematic(map: MapLibreMap, data: LayerData, theme: Theme, visibility: Visibility): void {
  const bases: { spec: LayerSpecification; area: number }[] = [];
  const layers: LayerSpecification[] = [];
  const marks: LayerSpecification[] = [];
  for (const layer of drawOrder) {
    for (const sublayer of layer.sublayers) {
      const d = data[sublayer.id];
      if (d?.state !== 'ok') continue;
      const prep = prepare(sublayer, d.features, theme);
      syncSource(map, thematicSourceId(sublayer.id), prep.features);
      if (prep.uncertainty) syncSource(map, uncertaintySourceId(sublayer.id), prep.uncertainty);
      if (prep.marks) syncSource(map, markSourceId(sublayer.id), prep.marks);
      const symbols = sublayer.classes(theme).map((c) => c.symbol);
      if (sublayer.geometry === 'point') ensureMarkerImages(map, symbols);
      else ensurePatternImages(map, symbols);
      if (prep.marks)
        ensureMarkerImages(
          map,
          symbols.filter((s) => s.marker).map((s) => markSymbol(s, theme)),
        );
      const visible = isSublayerShown(visibility, layer.id, sublayer.id);
      const only = shownClass(visibility, sublayer.id);
      const onlyClass = only === undefined ? -1 : sublayer.classes(theme).findIndex((c) => c.id === only);
      const input = { sublayer, theme, visible, uncertainty: !!prep.uncertainty, ...(onlyClass >= 0 && { onlyClass }) };
      const style = sublayerStyle(input);
      if (style.base) bases.push({ spec: style.base, area: meanAreaOf(d.features) });
      layers.push(...style.layers);
      if (prep.marks) marks.push(...markLayers(input));
    }
  }
  // A click on empty ground names the smallest enclosing unit: commune before territory.
  bases.sort((a, b) => b.area - a.area);
  syncLayers(map, 'thematique', [...bases.map((b) => b.spec), ...layers], THEMATIC_ANCHOR);
  // Thematic marks and their names go on top of everything, commune names included: the subject's
  // names are placed first and the context's give way (docs/cartography.md, « Étiquettes »).
  syncLayers(map, 'reperes', marks);
}
