// Which coordinate systems each export format may be written in, its default first. Apart from the
// writers so the app's main chunk can offer the choice without loading them (they run in the worker).
import type { ExportCrs, ExportFormat } from '../types';

const ALL: readonly ExportCrs[] = ['EPSG:4326', 'EPSG:2154', 'EPSG:3950'];
// Planners' formats default to Lambert-93, the system French GIS projects use.
const LAMBERT_FIRST: readonly ExportCrs[] = ['EPSG:2154', 'EPSG:4326', 'EPSG:3950'];

const CHOICES: Record<ExportFormat, readonly ExportCrs[]> = {
  geojson: ALL,
  flatgeobuf: ALL,
  csv: ALL,
  // OGC KML 2.2 §6.2: coordinates are WGS 84 longitude/latitude, nothing else.
  kml: ['EPSG:4326'],
  shapefile: LAMBERT_FIRST,
  geopackage: LAMBERT_FIRST,
};

/** Systems offered for a format, its default first. */
export const exportCrsChoices = (format: ExportFormat): readonly ExportCrs[] => CHOICES[format] ?? ['EPSG:4326'];
export const defaultExportCrs = (format: ExportFormat): ExportCrs => exportCrsChoices(format)[0];
