// Which map features a report card concerns, and which cards concern a feature. Same filter as the
// pipeline (matchesFilter), so the map shows exactly what the card's measures were taken on.
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { BuiltCard } from '../../../layers/cards';
import { matchesFilter } from '../../../layers/cards';
import type { Bounds, GeoFeature } from '../../../layers/types';
import type { LayerData } from '../data/useLayerData';

export interface LinkedFeatures {
  sublayerId: string;
  features: GeoFeature[];
}

/** Features of each linked sublayer that match the link's filter (sublayers not loaded are skipped). */
export function cardFeatures(card: BuiltCard | null, data: LayerData): LinkedFeatures[] {
  if (!card) return [];
  return card.links.flatMap((link) => {
    const d = data[link.sublayer];
    if (d?.state !== 'ok') return [];
    return [{ sublayerId: link.sublayer, features: d.features.filter((f) => matchesFilter(f.properties ?? {}, link.filter)) }];
  });
}

export function featuresBounds(linked: LinkedFeatures[]): Bounds | null {
  const features = linked.flatMap((l) => l.features).filter((f) => f.geometry);
  if (!features.length) return null;
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const [w, s, e, n] = bbox(collection);
  return [w, s, e, n];
}

/** Cards that link the given feature of a sublayer. */
export function cardsOfFeature(cards: BuiltCard[], sublayerId: string, feature: GeoFeature): BuiltCard[] {
  return cards.filter((card) => card.links.some((link) => link.sublayer === sublayerId && matchesFilter(feature.properties ?? {}, link.filter)));
}
