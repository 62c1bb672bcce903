// GeoJSON → deck.gl binary attributes (positions, path/polygon indices, triangles), computed in
// the worker so the main thread never tessellates or walks an imported layer's features.
import { geojsonToBinary } from '@loaders.gl/gis';
import type { BinaryFeatureCollection, Feature as LoadersFeature } from '@loaders.gl/schema';
import type { Geometry } from 'geojson';
import type { GeoFeature } from '../../../layers/types';

/**
 * Binary collection whose `globalFeatureIds` are indices in `features` (deck.gl reports them as the
 * picked index). Geometry collections are drawn member by member under their feature's index.
 * Properties are left out: the panel asks the worker for one feature's properties when needed.
 */
export function toBinary(features: GeoFeature[]): BinaryFeatureCollection {
  const drawn: LoadersFeature[] = [];
  const origin: number[] = [];
  const push = (geometry: Geometry, index: number) => {
    if (geometry.type === 'GeometryCollection') {
      for (const member of geometry.geometries) push(member, index);
      return;
    }
    drawn.push({ type: 'Feature', geometry, properties: {} } as LoadersFeature);
    origin.push(index);
  };
  features.forEach((f, i) => f.geometry && push(f.geometry, i));
  const binary = geojsonToBinary(drawn, { fixRingWinding: true, triangulate: true, PositionDataType: Float64Array });
  const needsRemap = origin.some((o, i) => o !== i);
  for (const key of ['points', 'lines', 'polygons'] as const) {
    const part = binary[key];
    if (!part) continue;
    if (needsRemap) {
      const ids = part.globalFeatureIds.value;
      for (let k = 0; k < ids.length; k++) ids[k] = origin[ids[k]];
    }
  }
  return binary;
}

/** Every ArrayBuffer under a binary collection, to transfer rather than copy it. */
export function binaryBuffers(binary: BinaryFeatureCollection): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 4) return;
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
      return;
    }
    for (const v of Object.values(value)) visit(v, depth + 1);
  };
  visit(binary, 0);
  return [...out];
}
