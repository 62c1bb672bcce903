// Hovered feature outlined, selected feature highlighted: drawn above the thematic layers.
// Features of an open report card get a halo drawn *under* the thematic layers, so that their own
// symbol (dashes, patterns, markers) stays readable and the halo's width, not only its colour, tells them apart.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { GeoFeature, Rgba, Theme } from '../../../layers/types';

const withAlpha = (c: Rgba, a: number): Rgba => [c[0], c[1], c[2], a];

export function hoverLayer(feature: GeoFeature | null, theme: Theme, pointSize: number): Layer | null {
  if (!feature) return null;
  return new GeoJsonLayer({
    id: 'survol',
    data: [feature],
    pickable: false,
    filled: false,
    stroked: true,
    pointType: 'circle',
    getLineColor: theme.label,
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    lineJointRounded: true,
    getPointRadius: pointSize,
    pointRadiusUnits: 'pixels',
  });
}

/** Dark casing under a wide highlight stroke, so the highlight reads on light and dark grounds. */
export function selectionLayers(feature: GeoFeature | null, theme: Theme, pointSize: number): Layer[] {
  if (!feature) return [];
  const base = {
    data: [feature],
    pickable: false,
    stroked: true,
    pointType: 'circle',
    lineWidthUnits: 'pixels' as const,
    lineJointRounded: true,
    pointRadiusUnits: 'pixels' as const,
    getPointRadius: pointSize,
  };
  return [
    new GeoJsonLayer({
      ...base,
      id: 'selection-contour',
      filled: false,
      getLineColor: withAlpha(theme.label, 230),
      getLineWidth: 7,
    }),
    new GeoJsonLayer({
      ...base,
      id: 'selection',
      filled: true,
      getFillColor: withAlpha(theme.highlight, 70),
      getLineColor: theme.highlight,
      getLineWidth: 4,
    }),
  ];
}

const isPoint = (f: GeoFeature): boolean => f.geometry?.type === 'Point' || f.geometry?.type === 'MultiPoint';

/** Halo (dark edge, highlight core) around every feature of the open card; goes under the thematic layers. */
export function cardHaloLayers(features: GeoFeature[], theme: Theme): Layer[] {
  if (!features.length) return [];
  const base = {
    data: features,
    pickable: false,
    stroked: true,
    filled: true,
    pointType: 'circle',
    lineWidthUnits: 'pixels' as const,
    lineJointRounded: true,
    lineCapRounded: true,
    pointRadiusUnits: 'pixels' as const,
  };
  return [
    new GeoJsonLayer({
      ...base,
      id: 'fiche-halo-contour',
      // Points get a filled disc; polygons only the wide stroke, so their own fill is not tinted.
      getFillColor: (f) => (isPoint(f as GeoFeature) ? withAlpha(theme.label, 200) : [0, 0, 0, 0]),
      getLineColor: withAlpha(theme.label, 200),
      getLineWidth: (f) => (isPoint(f as GeoFeature) ? 0 : 13),
      getPointRadius: 15,
    }),
    new GeoJsonLayer({
      ...base,
      id: 'fiche-halo',
      getFillColor: (f) => (isPoint(f as GeoFeature) ? theme.highlight : [0, 0, 0, 0]),
      getLineColor: theme.highlight,
      getLineWidth: (f) => (isPoint(f as GeoFeature) ? 0 : 9),
      getPointRadius: 12,
    }),
  ];
}
