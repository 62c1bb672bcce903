// What each format parser hands to the common finishing step: features with raw coordinates (in
// whatever system the file uses), what the file declares about its system, and warnings so far.
import type { Geometry } from 'geojson';
import type { CrsCode, CrsSource, ImportFormat } from '../types';

/** A parsed feature before validation: the geometry may be missing or malformed. */
export interface RawFeature {
  type: 'Feature';
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/** A system the file itself declares (.prj, GeoJSON `crs` member, FlatGeobuf header). */
export interface DeclaredCrs {
  /** Null when the declared system is not one of ours: the import stops, naming it. */
  code: CrsCode | null;
  source: Extract<CrsSource, 'prj' | 'membre-crs'>;
  /** What the file says, e.g. "RGF93_Lambert_93" or "urn:ogc:def:crs:EPSG::2154". */
  declared: string;
  /** Where it says it, in French: "fichier .prj", "membre « crs » du GeoJSON", "en-tête FlatGeobuf". */
  where: string;
}

export interface RawLayer {
  name: string;
  format: ImportFormat;
  features: RawFeature[];
  declared?: DeclaredCrs;
  /** The format fixes WGS84 (KML, GPX). */
  formatWgs84?: boolean;
  /**
   * Without declaration and outside metropolitan France, coordinates that are valid lon/lat are
   * read as WGS84 (GeoJSON: RFC 7946; CSV with longitude/latitude columns). French reason.
   */
  wgs84Fallback?: string;
  warnings: string[];
}
