// Reads the data of the built app (dist/data), so that tests take their expectations from the
// same files the browser loads rather than from hard-coded values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { along, length, pointOnFeature } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import type { Catalog, GeoFeature, GeometryKind } from '../../layers/types';
import type { CardsFile } from '../../layers/cards';
import { DIST } from './harness';

export function builtCatalog(): Catalog {
  return JSON.parse(readFileSync(join(DIST, 'data', 'catalog.json'), 'utf8')) as Catalog;
}

export async function builtFeatures(file: string): Promise<GeoFeature[]> {
  const bytes = new Uint8Array(readFileSync(join(DIST, 'data', file)));
  const features: GeoFeature[] = [];
  for await (const f of deserialize(bytes)) {
    features.push({ type: 'Feature', geometry: f.geometry, properties: (f.properties ?? {}) as Record<string, unknown> });
  }
  return features;
}

/** A position that lies on the feature as drawn: inside a polygon, mid-way along a line, the point itself. */
export function pointOn(feature: GeoFeature, kind: GeometryKind): [number, number] {
  if (kind === 'point') return (feature.geometry as Point).coordinates.slice(0, 2) as [number, number];
  if (kind === 'line') {
    const g = feature.geometry as LineString | MultiLineString;
    const coords: Position[] = g.type === 'LineString' ? g.coordinates : g.coordinates.reduce((a, b) => (b.length > a.length ? b : a));
    const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
    return along(line, length(line) / 2).geometry.coordinates.slice(0, 2) as [number, number];
  }
  return pointOnFeature(feature).geometry.coordinates.slice(0, 2) as [number, number];
}

/** A few vertices spread along the outer ring: for outline-only polygons (communes, territory). */
export function boundaryVertices(feature: GeoFeature, count = 8): [number, number][] {
  const g = feature.geometry;
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0][0] : null;
  if (!ring) throw new Error(`no ring in ${g.type}`);
  const step = Math.max(1, Math.floor(ring.length / count));
  const out: [number, number][] = [];
  for (let i = 0; i < ring.length - 1; i += step) out.push(ring[i].slice(0, 2) as [number, number]);
  return out;
}

/** The report cards as the pipeline wrote them (dist/data/cards.json). */
export function builtCards(): CardsFile {
  return JSON.parse(readFileSync(join(DIST, 'data', 'cards.json'), 'utf8')) as CardsFile;
}
