// RFC 7946 FeatureCollection with the credits as foreign members (RFC 7946 §6.1): readers that do
// not know them ignore them, and the file still says where its data come from. WGS 84 exports are
// RFC 7946 files; Lambert-93 and CC50 ones name their system the GeoJSON 2008 way, as GDAL writes them.
import type { GeoFeature } from '../../../layers/types';
import type { Credit } from '../types';
import { encodeUtf8, type ExportContext } from './context';

export interface ExportedFeatureCollection {
  type: 'FeatureCollection';
  name: string;
  attribution: string;
  credits: Credit[];
  generatedAt?: string;
  /** Only outside WGS 84: the GeoJSON 2008 `crs` member, which GDAL and QGIS still read (RFC 7946 has none). */
  crs?: { type: 'name'; properties: { name: string } };
  features: GeoFeature[];
}

export function toGeoJsonCollection(features: GeoFeature[], context: ExportContext): ExportedFeatureCollection {
  return {
    type: 'FeatureCollection',
    name: context.name,
    attribution: context.attribution,
    credits: context.credits,
    ...(context.generatedAt ? { generatedAt: context.generatedAt } : {}),
    ...(context.crs !== 'EPSG:4326' ? { crs: { type: 'name' as const, properties: { name: `urn:ogc:def:crs:EPSG::${context.crs.slice(5)}` } } } : {}),
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
