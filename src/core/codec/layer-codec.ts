// A workspace layer's three forms: GeoJSON features (worker memory), FlatGeobuf bytes (IndexedDB,
// exports) and vector tiles (the map, tiles.ts). The FlatGeobuf keeps the features' order (no
// Hilbert sort: the workspace always reads the whole file), so an index survives a reload.
import proj4 from 'proj4';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { Position } from 'geojson';
import type { Bounds, GeoFeature } from '../../../layers/types';
import { writeFlatGeobuf, writeFlatGeobufAsync } from '../fgb/write';
import { mapPositions } from '../geo/crs';
import { yieldToEventLoop } from '../import/run';
import type { CrsCode } from '../types';

export async function decodeLayer(fgb: Uint8Array): Promise<GeoFeature[]> {
  const out: GeoFeature[] = [];
  try {
    // A stored file damaged to announce an index over zero features would hang flatgeobuf's calcTreeSize.
    const headerMetaFn = (h: { indexNodeSize: number; featuresCount: number }) => {
      if (h.indexNodeSize > 0 && h.featuresCount === 0) throw new Error('index sans entité');
    };
    for await (const f of deserialize(fgb, { headerMetaFn }))
      out.push({ type: 'Feature', geometry: f.geometry, properties: (f.properties ?? {}) as Record<string, unknown> });
  } catch {
    throw new Error('Les données enregistrées de cette couche sont illisibles (FlatGeobuf invalide).');
  }
  return out;
}

const FGB_OPTIONS = { name: 'atlas-lens-lievin', order: 'as-given' } as const;

/** The layer's FlatGeobuf, features in the list's order (with a spatial index all the same). */
export function encodeFgb(features: GeoFeature[]): Uint8Array {
  return writeFlatGeobuf(features, FGB_OPTIONS);
}

/** The same bytes, written in slices that let the worker answer tile requests meanwhile. */
export function encodeFgbAsync(features: GeoFeature[], onProgress: (done: number) => void = () => {}): Promise<Uint8Array> {
  return writeFlatGeobufAsync(
    features,
    (done) => {
      onProgress(done);
      return yieldToEventLoop();
    },
    FGB_OPTIONS,
  );
}

export function geometryTypesOf(features: GeoFeature[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of features) if (f.geometry) out[f.geometry.type] = (out[f.geometry.type] ?? 0) + 1;
  return out;
}

export function boundsOf(features: GeoFeature[]): Bounds | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const f of features) {
    if (!f.geometry) continue;
    mapPositions(f.geometry, (p) => {
      if (p[0] < w) w = p[0];
      if (p[0] > e) e = p[0];
      if (p[1] < s) s = p[1];
      if (p[1] > n) n = p[1];
      return p;
    });
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Loose box of metropolitan France and its seas: a reprojected position outside it is a wrong guess. */
const plausible = (p: Position): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]) && p[0] > -10 && p[0] < 15 && p[1] > 38 && p[1] < 55;

/**
 * Reads the layer again as if its source coordinates were in `to` rather than `from`: back to the
 * file's numbers with `from`, forward with `to`. Features that leave France are dropped and counted.
 */
export function reprojectFeatures(features: GeoFeature[], from: CrsCode, to: CrsCode): { features: GeoFeature[]; dropped: number } {
  const back = proj4('EPSG:4326', from);
  const forward = proj4(to, 'EPSG:4326');
  const out: GeoFeature[] = [];
  let dropped = 0;
  for (const f of features) {
    if (!f.geometry) continue;
    let ok = true;
    const geometry = mapPositions(f.geometry, (p) => {
      const q = forward.forward(back.forward([p[0], p[1]]));
      if (!plausible(q)) ok = false;
      return q;
    });
    if (ok) out.push({ type: 'Feature', geometry, properties: f.properties });
    else dropped++;
  }
  return { features: out, dropped };
}
