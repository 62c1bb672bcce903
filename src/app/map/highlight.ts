// Hovered feature outlined, selected feature highlighted: drawn above the thematic layers.
// Features of an open report card get a halo drawn *under* the thematic layers, so that their own
// symbol (dashes, patterns, markers) stays readable and the halo's width, not only its colour, tells
// them apart. Plain MapLibre layers over three GeoJSON sources that always exist (set, not rebuilt).
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { GeoFeature, Rgba, Theme } from '../../../layers/types';

export const HOVER_SOURCE = 'survol';
export const SELECTION_SOURCE = 'selection';
export const CARD_SOURCE = 'fiche-halo';

const rgba = ([r, g, b]: Rgba, a: number): string => `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
// Multi-geometries report their own type name in recent style specs: both are listed.
const isPoint: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]];
const notPoint: ExpressionSpecification = ['!', isPoint];
const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const round = { 'line-join': 'round', 'line-cap': 'round' } as const;

export function collection(features: GeoFeature[]): FeatureCollection {
  return { type: 'FeatureCollection', features: features.filter((f) => !!f.geometry) };
}

/** The card halo: dark edge then highlight core; points get filled discs. */
export function cardHaloLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'fiche-halo-contour',
      type: 'line',
      source: CARD_SOURCE,
      filter: notPoint,
      layout: round,
      paint: { 'line-color': rgba(theme.label, 200), 'line-width': 13 },
    },
    {
      id: 'fiche-halo',
      type: 'line',
      source: CARD_SOURCE,
      filter: notPoint,
      layout: round,
      paint: { 'line-color': rgba(theme.highlight, 255), 'line-width': 9 },
    },
    {
      id: 'fiche-halo-point-contour',
      type: 'circle',
      source: CARD_SOURCE,
      filter: isPoint,
      paint: { 'circle-color': rgba(theme.label, 200), 'circle-radius': 15 },
    },
    {
      id: 'fiche-halo-point',
      type: 'circle',
      source: CARD_SOURCE,
      filter: isPoint,
      paint: { 'circle-color': rgba(theme.highlight, 255), 'circle-radius': 12 },
    },
  ];
}

/** First layer above the thematic ones: imported (deck.gl) layers go just under it. */
export const HIGHLIGHT_FIRST = 'survol-contour';

/** Hover outline, then the selection: a dark casing under a wide highlight stroke, readable on any ground. */
export function highlightLayers(theme: Theme): LayerSpecification[] {
  const ring = (radius: number, colour: string, width: number, fill = 'rgba(0, 0, 0, 0)') => ({
    'circle-radius': radius,
    'circle-color': fill,
    'circle-stroke-color': colour,
    'circle-stroke-width': width,
  });
  return [
    {
      id: HIGHLIGHT_FIRST,
      type: 'line',
      source: HOVER_SOURCE,
      filter: notPoint,
      layout: round,
      paint: { 'line-color': rgba(theme.label, 255), 'line-width': 3 },
    },
    { id: 'survol-point', type: 'circle', source: HOVER_SOURCE, filter: isPoint, paint: ring(10, rgba(theme.label, 255), 3) },
    { id: 'selection-fond', type: 'fill', source: SELECTION_SOURCE, filter: isPolygon, paint: { 'fill-color': rgba(theme.highlight, 70) } },
    {
      id: 'selection-contour',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: notPoint,
      layout: round,
      paint: { 'line-color': rgba(theme.label, 230), 'line-width': 7 },
    },
    {
      id: 'selection',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: notPoint,
      layout: round,
      paint: { 'line-color': rgba(theme.highlight, 255), 'line-width': 4 },
    },
    { id: 'selection-point-contour', type: 'circle', source: SELECTION_SOURCE, filter: isPoint, paint: ring(11, rgba(theme.label, 230), 7) },
    {
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: isPoint,
      paint: ring(11, rgba(theme.highlight, 255), 4, rgba(theme.highlight, 70)),
    },
  ];
}
