// The layers that always exist above the basemap, whatever the data: card halo (under the
// thematic layers), the anchor that tops the thematic group, hover and selection, commune labels.
// Their sources start empty and are only ever given new data; a theme switch repaints them.
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Theme } from '../../../layers/types';
import { syncLayers, syncSource } from './style-sync';
import { CARD_SOURCE, HOVER_SOURCE, SELECTION_SOURCE, cardHaloLayers, highlightLayers } from './highlight';
import { LABEL_SOURCE, labelLayer } from './labels';
import { anchorLayer } from './thematic/sync';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function syncOverlayLayers(map: MapLibreMap, theme: Theme, labelsVisible: boolean): void {
  for (const id of [CARD_SOURCE, HOVER_SOURCE, SELECTION_SOURCE, LABEL_SOURCE]) if (!map.getSource(id)) syncSource(map, id, EMPTY);
  // Listed bottom first; each group is appended on top the first time, then updated in place.
  syncLayers(map, 'fiche', cardHaloLayers(theme));
  syncLayers(map, 'ancre', [anchorLayer]);
  syncLayers(map, 'surlignage', highlightLayers(theme));
  // Labels only on the offline basemap: online rasters carry their own.
  syncLayers(map, 'etiquettes', [labelLayer(theme, labelsVisible)]);
}
