// The GeoJSON handed to MapLibre's sources: each feature keeps its geometry, its index in the
// loaded data (`i`, what a pick returns as Selection.index) and the index of its style class (`c`),
// decided here in JS by the classes' `when` predicates so that layer.ts stays the one definition.
// Other properties stay out: MapLibre's worker would copy them for nothing.
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoFeature, SublayerDefinition, Theme } from '../../../../layers/types';

/** Index of the first class whose `when` matches (the last class catches the rest). */
export function classIndex(classes: ReturnType<SublayerDefinition['classes']>, properties: Record<string, unknown>): number {
  const k = classes.findIndex((c) => !c.when || c.when(properties));
  return k >= 0 ? k : classes.length - 1;
}

export function thematicCollection(sublayer: SublayerDefinition, features: GeoFeature[], theme: Theme): FeatureCollection {
  const classes = sublayer.classes(theme);
  const out: Feature[] = [];
  features.forEach((f, i) => {
    if (!f.geometry) return;
    out.push({ type: 'Feature', geometry: f.geometry, properties: { i, c: classIndex(classes, f.properties ?? {}) } });
  });
  return { type: 'FeatureCollection', features: out };
}

/**
 * Circles of uncertainty around approximate sites, as polygons of the radius in metres, so that the
 * ring can be dashed (MapLibre's circle strokes cannot).
 */
export function uncertaintyCollection(sublayer: SublayerDefinition, features: GeoFeature[], theme: Theme): FeatureCollection | null {
  const radiusOf = sublayer.uncertaintyMetres;
  if (!radiusOf) return null;
  const classes = sublayer.classes(theme);
  const out: Feature[] = [];
  features.forEach((f, i) => {
    if (f.geometry?.type !== 'Point') return;
    const metres = radiusOf(f.properties ?? {}) ?? 0;
    if (metres <= 0) return;
    const ring = circle((f.geometry as Point).coordinates, metres / 1000, { steps: 64, units: 'kilometers' });
    out.push({ type: 'Feature', geometry: ring.geometry, properties: { i, c: classIndex(classes, f.properties ?? {}) } });
  });
  return out.length ? { type: 'FeatureCollection', features: out } : null;
}
