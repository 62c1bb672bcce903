// The first style class whose `when` matches a feature gives its symbol (shared by map and legend).
import type { GeoFeature, StyleClass, SublayerDefinition, SymbolStyle, Theme } from '../../../layers/types';

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

/**
 * Polygons drawn as outlines only (transparent fill, no pattern), such as communes or the
 * territory: they are clicked through an invisible fill kept under every other thematic layer.
 */
export function isOutlineOnly(sublayer: SublayerDefinition, theme: Theme): boolean {
  return (
    sublayer.geometry === 'polygon' &&
    sublayer.classes(theme).every((c) => (!c.symbol.fill || c.symbol.fill[3] === 0) && (!c.symbol.pattern || c.symbol.pattern === 'plein'))
  );
}
