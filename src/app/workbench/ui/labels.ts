// Names of formats, coordinate systems, detection sources and geometry types for the workbench's
// panels, in the UI's language.
import type { CrsSource, ExportCrs, ExportFormat } from '../../../core/types';
import { translate, translatePlural, type Locale, type MessageKey, type PluralBase } from '../../i18n';

// One wording for systems and formats: the importer's error messages use the same labels.
export { SUPPORTED_CRS as CRS_CODES, crsLabel } from '../../../core/geo/crs';
export { FORMAT_LABELS } from '../../../core/import/errors';

const CRS_SOURCE_KEYS: Record<CrsSource, MessageKey> = {
  prj: 'wb.crsSource.prj',
  'membre-crs': 'wb.crsSource.member',
  format: 'wb.crsSource.format',
  etendue: 'wb.crsSource.ranges',
  utilisateur: 'wb.crsSource.user',
  inconnu: 'wb.crsSource.unknown',
};
export const crsSourceLabel = (source: CrsSource, locale: Locale): string => translate(locale, CRS_SOURCE_KEYS[source]);

const EXPORT_KEYS: Record<ExportFormat, MessageKey> = {
  geojson: 'wb.export.geojson',
  flatgeobuf: 'wb.export.flatgeobuf',
  csv: 'wb.export.csv',
  kml: 'wb.export.kml',
  shapefile: 'gis.export.shapefile',
  geopackage: 'gis.export.geopackage',
};
export const EXPORT_FORMATS = Object.keys(EXPORT_KEYS) as ExportFormat[];
export const exportLabel = (format: ExportFormat, locale: Locale): string => translate(locale, EXPORT_KEYS[format]);

const EXPORT_CRS_KEYS: Record<ExportCrs, MessageKey> = {
  'EPSG:4326': 'gis.crs.EPSG:4326',
  'EPSG:2154': 'gis.crs.EPSG:2154',
  'EPSG:3950': 'gis.crs.EPSG:3950',
};
export const exportCrsName = (crs: ExportCrs, locale: Locale): string => translate(locale, EXPORT_CRS_KEYS[crs]);
// From the small table, not the export index: the writers stay in the worker's chunk.
export { defaultExportCrs, exportCrsChoices } from '../../../core/export/formats';

export const ACCEPTED_FILES = '.geojson,.json,.fgb,.kml,.kmz,.gpx,.zip,.shp,.shx,.dbf,.prj,.cpg,.csv,.txt';

const GEOMETRY_KEYS: Record<string, PluralBase> = {
  Point: 'wb.geometry.point',
  MultiPoint: 'wb.geometry.multipoint',
  LineString: 'wb.geometry.line',
  MultiLineString: 'wb.geometry.multiline',
  Polygon: 'wb.geometry.polygon',
  MultiPolygon: 'wb.geometry.multipolygon',
  GeometryCollection: 'wb.geometry.collection',
};

export const formatInt = (n: number, locale: Locale = 'fr'): string => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(n);

/** "120 lignes, 3 polygones" */
export function geometrySummary(types: Record<string, number>, locale: Locale = 'fr'): string {
  return Object.entries(types)
    .map(([type, n]) => (GEOMETRY_KEYS[type] ? translatePlural(locale, GEOMETRY_KEYS[type], n) : `${formatInt(n, locale)} ${type}`))
    .join(', ');
}
