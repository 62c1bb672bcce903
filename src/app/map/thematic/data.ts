// The GeoJSON handed to MapLibre's sources: each feature keeps its geometry, its index in the
// loaded data (`i`, what a pick returns as Selection.index) and the index of its style class (`c`),
// decided here in JS by the classes' `when` predicates so that layer.ts stays the one definition.
// Other properties stay out: MapLibre's worker would copy them for nothing.
import { circle, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoFeature, SublayerDefinition, SymbolStyle, Theme } from '../../../../layers/types';

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

/** Polygon sublayers with a class mark: the marks are drawn at label points, not over the area. */
export const hasMarks = (sublayer: SublayerDefinition, theme: Theme): boolean =>
  sublayer.geometry === 'polygon' && sublayer.classes(theme).some((c) => !!c.symbol.marker);

/** The icon of a polygon class's mark: the class colour inside a light ring, readable on any ground. */
export function markSymbol(s: SymbolStyle, theme: Theme): SymbolStyle {
  return { fill: s.line, line: theme.labelHalo, lineWidth: 1.5, marker: s.marker, markerSize: s.markerSize ?? 11 };
}

/**
 * One point per polygon of a marked class, on its surface (the label point), carrying the text the
 * sublayer writes beside the mark (`t`). Not a centroid: a centroid may fall outside the polygon.
 */
export function markCollection(sublayer: SublayerDefinition, features: GeoFeature[], theme: Theme): FeatureCollection | null {
  if (!hasMarks(sublayer, theme)) return null;
  const classes = sublayer.classes(theme);
  const out: Feature[] = [];
  features.forEach((f, i) => {
    if (!f.geometry) return;
    const c = classIndex(classes, f.properties ?? {});
    if (!classes[c]?.symbol.marker) return;
    const text = sublayer.markText ? f.properties?.[sublayer.markText] : undefined;
    out.push({ type: 'Feature', geometry: pointOnFeature(f).geometry, properties: { i, c, t: typeof text === 'string' ? text : '' } });
  });
  return { type: 'FeatureCollection', features: out };
}
