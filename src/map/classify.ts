// The first style class whose `when` matches a feature gives its symbol (shared by map and legend).
import type { GeoFeature, StyleClass, SymbolStyle } from '../../layers/types';

export function classOf(classes: StyleClass[], properties: Record<string, unknown>): StyleClass | undefined {
  return classes.find((c) => !c.when || c.when(properties));
}

/** Symbol of every feature, computed once per data and theme so accessors stay cheap. */
export function symbolsByFeature(features: GeoFeature[], classes: StyleClass[]): Map<GeoFeature, { cls: StyleClass; symbol: SymbolStyle }> {
  const fallback = classes[classes.length - 1];
  const out = new Map<GeoFeature, { cls: StyleClass; symbol: SymbolStyle }>();
  for (const feature of features) {
    const cls = classOf(classes, feature.properties ?? {}) ?? fallback;
    if (cls) out.set(feature, { cls, symbol: cls.symbol });
  }
  return out;
}
