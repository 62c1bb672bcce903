// The offline basemap is a style generated from the theme (Protomaps-style), drawn only from our
// own data: no glyphs, no sprite, no tiles, no URL of any kind. deck.gl layers (thematic data,
// labels) are interleaved above these layers, in the same WebGL context.
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { GeoFeature, Rgba, Theme } from '../../../layers/types';

export const SOURCE_TERRITOIRE = 'territoire';
export const SOURCE_COMMUNES = 'communes';
export const LAYER_TERRITORY_FILL = 'territoire-fond';
export const LAYER_COMMUNE_LINES = 'communes-limites';
export const LAYER_TERRITORY_LINE = 'territoire-contour';

const color = ([r, g, b, a]: Rgba): string => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function buildBasemapStyle(theme: Theme): StyleSpecification {
  return {
    version: 8,
    name: `Atlas Lens-Liévin – ${theme.id}`,
    sources: {
      [SOURCE_TERRITOIRE]: { type: 'geojson', data: empty() },
      [SOURCE_COMMUNES]: { type: 'geojson', data: empty() },
    },
    layers: [
      { id: 'fond', type: 'background', paint: { 'background-color': color(theme.background) } },
      {
        id: LAYER_TERRITORY_FILL,
        type: 'fill',
        source: SOURCE_TERRITOIRE,
        paint: { 'fill-color': color(theme.territoryFill), 'fill-opacity': 1 },
      },
      {
        id: LAYER_COMMUNE_LINES,
        type: 'line',
        source: SOURCE_COMMUNES,
        paint: {
          'line-color': color(theme.communeLine),
          'line-opacity': 0.35,
          'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 1.5],
        },
      },
      {
        // Thin on purpose: the Communes layer (deck.gl) draws the legend's bold outline above.
        id: LAYER_TERRITORY_LINE,
        type: 'line',
        source: SOURCE_TERRITOIRE,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': color(theme.communeLine), 'line-width': 1 },
      },
    ],
  };
}

/** Fills a GeoJSON source of the basemap once its FlatGeobuf is loaded. */
export function setBasemapData(map: MapLibreMap, sourceId: string, features: GeoFeature[]): void {
  const source = map.getSource(sourceId);
  if (source && 'setData' in source && typeof source.setData === 'function') {
    source.setData({ type: 'FeatureCollection', features } as FeatureCollection);
  }
}

/** Repaints the basemap in another theme without rebuilding the style (which would drop the overlay). */
export function applyBasemapTheme(map: MapLibreMap, theme: Theme): void {
  const paint: [string, Parameters<MapLibreMap['setPaintProperty']>[1], Rgba][] = [
    ['fond', 'background-color', theme.background],
    [LAYER_TERRITORY_FILL, 'fill-color', theme.territoryFill],
    [LAYER_COMMUNE_LINES, 'line-color', theme.communeLine],
    [LAYER_TERRITORY_LINE, 'line-color', theme.communeLine],
  ];
  for (const [layer, property, value] of paint) {
    if (map.getLayer(layer) && map.getPaintProperty(layer, property) !== color(value)) map.setPaintProperty(layer, property, color(value));
  }
}
