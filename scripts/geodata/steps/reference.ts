// A sublayer that shows another layer's sublayer (`from`): the catalog points at the same file and
// the layer's rule and metrics get the same validated features. Nothing is copied or written twice.
import type { CatalogLayer, CatalogSublayer, GeoFeature, SublayerDefinition } from '../../../layers/types';

export function referencedSublayer(
  sub: SublayerDefinition & { from: string },
  built: CatalogLayer[],
  features: Map<string, GeoFeature[]>,
): { entry: CatalogSublayer; features: GeoFeature[] } {
  const source = built.flatMap((l) => l.sublayers).find((s) => s.id === sub.from);
  const list = features.get(sub.from);
  if (!source || !list) throw new Error(`la sous-couche « ${sub.from} » reprise par « ${sub.id} » n'est pas construite avant elle`);
  return {
    entry: {
      id: sub.id,
      title: sub.title,
      file: source.file,
      featureCount: source.featureCount,
      bounds: source.bounds,
      geometry: sub.geometry,
      from: sub.from,
    },
    features: list,
  };
}
