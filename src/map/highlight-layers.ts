// Hovered feature outlined, selected feature highlighted: drawn above the thematic layers.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { GeoFeature, Rgba, Theme } from '../../layers/types';

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
