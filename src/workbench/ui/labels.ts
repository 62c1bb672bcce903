// French names of formats, coordinate systems and detection sources, for the workbench's panels.
import type { CrsSource, ExportFormat } from '../types';

// One wording for systems and formats: the importer's error messages use the same labels.
export { SUPPORTED_CRS as CRS_CODES, crsLabel } from '../../geo/crs';
export { FORMAT_LABELS } from '../import/errors';

export const CRS_SOURCE_LABELS: Record<CrsSource, string> = {
  prj: 'lu dans le fichier .prj',
  'membre-crs': 'déclaré dans le fichier',
  format: 'imposé par le format',
  etendue: "déduit de l'étendue des coordonnées",
  utilisateur: 'choisi par vous',
  inconnu: 'inconnu',
};

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  geojson: 'GeoJSON',
  flatgeobuf: 'FlatGeobuf (avec index spatial)',
  csv: 'CSV (tableur)',
  kml: 'KML (Google Earth)',
};

export const ACCEPTED_FILES = '.geojson,.json,.fgb,.kml,.kmz,.gpx,.zip,.shp,.shx,.dbf,.prj,.cpg,.csv,.txt';

const GEOMETRY_LABELS: Record<string, [string, string]> = {
  Point: ['point', 'points'],
  MultiPoint: ['multipoint', 'multipoints'],
  LineString: ['ligne', 'lignes'],
  MultiLineString: ['multiligne', 'multilignes'],
  Polygon: ['polygone', 'polygones'],
  MultiPolygon: ['multipolygone', 'multipolygones'],
  GeometryCollection: ['collection', 'collections'],
};

const int = new Intl.NumberFormat('fr-FR');
export const formatInt = (n: number): string => int.format(n);

/** "120 lignes, 3 polygones" */
export function geometrySummary(types: Record<string, number>): string {
  return Object.entries(types)
    .map(([type, n]) => `${formatInt(n)} ${(GEOMETRY_LABELS[type] ?? [type, type])[n > 1 ? 1 : 0]}`)
    .join(', ');
}
