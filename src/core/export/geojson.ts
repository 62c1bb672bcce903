// RFC 7946 FeatureCollection with the credits as foreign members (RFC 7946 §6.1): readers that do
// not know them ignore them, and the file still says where its data come from.
import type { GeoFeature } from '../../../layers/types';
import type { Credit } from '../types';
import { encodeUtf8, type ExportContext } from './context';

export interface ExportedFeatureCollection {
  type: 'FeatureCollection';
  name: string;
  attribution: string;
  credits: Credit[];
  generatedAt?: string;
  features: GeoFeature[];
}

export function toGeoJsonCollection(features: GeoFeature[], context: ExportContext): ExportedFeatureCollection {
  return {
    type: 'FeatureCollection',
    name: context.name,
    attribution: context.attribution,
    credits: context.credits,
    ...(context.generatedAt ? { generatedAt: context.generatedAt } : {}),
    // Only the members RFC 7946 defines: no stray `crs` or app-internal fields leak out.
    features: features.map((f) => ({
      type: 'Feature',
      ...(f.id !== undefined ? { id: f.id } : {}),
      geometry: f.geometry,
      properties: f.properties ?? {},
    })),
  };
}

export function writeGeoJson(features: GeoFeature[], context: ExportContext): Uint8Array {
  return encodeUtf8(JSON.stringify(toGeoJsonCollection(features, context)));
}
