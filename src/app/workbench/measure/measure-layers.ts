// The drawing of the measure in progress: dashed line or light polygon, and its vertices.
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { Position } from 'geojson';
import type { MeasureMode } from './measure';

const INK: [number, number, number, number] = [20, 20, 20, 255];
const HALO: [number, number, number, number] = [255, 255, 255, 255];

export function measureLayers(mode: MeasureMode | null, points: Position[]): Layer[] {
  if (!mode || points.length === 0) return [];
  const path = mode === 'surface' && points.length >= 3 ? [...points, points[0]] : points;
  const layers: Layer[] = [];
  if (mode === 'surface' && points.length >= 3) {
    layers.push(
      new PolygonLayer({
        id: 'mesure-surface',
        data: [{ polygon: points }],
        getPolygon: (d: { polygon: Position[] }) => d.polygon,
        getFillColor: [255, 200, 0, 70],
        stroked: false,
      }),
    );
  }
  layers.push(
    new PathLayer({
      id: 'mesure-halo',
      data: [{ path }],
      getPath: (d: { path: Position[] }) => d.path as [number, number][],
      getColor: HALO,
      getWidth: 6,
      widthUnits: 'pixels',
    }),
    new PathLayer({
      id: 'mesure-trait',
      data: [{ path }],
      getPath: (d: { path: Position[] }) => d.path as [number, number][],
      getColor: INK,
      getWidth: 2.5,
      widthUnits: 'pixels',
      getDashArray: [4, 3],
      extensions: [new PathStyleExtension({ dash: true })],
    }),
    new ScatterplotLayer({
      id: 'mesure-sommets',
      data: points,
      getPosition: (p: Position) => p as [number, number],
      getRadius: 5,
      radiusUnits: 'pixels',
      getFillColor: HALO,
      getLineColor: INK,
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  );
  return layers;
}
