// Exports of workspace layers, analysis results and thematic layers. Isomorphic: runs in the
// workbench worker and in `npm run convert` (no DOM, no Node API). Every format carries the
// credits of the data it holds, and every format but KML can be written in WGS 84, Lambert-93 or
// CC50 (KML is WGS 84 by definition: OGC KML 2.2 §6.2).
import type { GeoFeature } from '../../../layers/types';
import { attributionSentence } from '../credits';
import type { Credit, ExportCrs, ExportedFile, ExportFormat } from '../types';
import type { ExportContext } from './context';
import { CRS_FILE_TAGS, exportCrsLabel, reprojectForExport } from './crs';
import { writeCsv } from './csv';
import { exportFileName, slugify } from './filename';
import { writeFgb } from './flatgeobuf';
import { writeGeoJson } from './geojson';
import { writeKml } from './kml';
import { exportCrsChoices } from './formats';
import { writeShapefileZip } from './shapefile';
import { gpkgTableName, writeGeoPackage } from './geopackage';
import { loadSqlite } from './geopackage/sqlite';
import type { SqlJsStatic } from 'sql.js';

export interface ExportOptions {
  format: ExportFormat;
  /** Layer name: written in the file and, as a slug, in the file name. */
  name: string;
  credits: Credit[];
  /** ISO timestamp of the export, written where the format has room for it. */
  generatedAt?: string;
  /** Default: the format's (`defaultExportCrs`). */
  crs?: ExportCrs;
  onProgress?: (fraction: number) => void;
}

interface FormatWriter {
  extension: string;
  mime: string;
  /** `sqlite` only for GeoPackage, loaded by exportFeaturesAsync. */
  write: (features: GeoFeature[], context: ExportContext, baseName: string, sqlite?: SqlJsStatic) => Uint8Array;
}

const FORMATS: Record<ExportFormat, FormatWriter> = {
  geojson: { extension: 'geojson', mime: 'application/geo+json', write: writeGeoJson },
  // No registered media type for FlatGeobuf; the preview server serves .fgb the same way.
  flatgeobuf: { extension: 'fgb', mime: 'application/octet-stream', write: writeFgb },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', write: writeCsv },
  kml: { extension: 'kml', mime: 'application/vnd.google-earth.kml+xml', write: writeKml },
  shapefile: { extension: 'shp.zip', mime: 'application/zip', write: (f, c, baseName) => writeShapefileZip(f, c, { baseName }) },
  geopackage: {
    extension: 'gpkg',
    mime: 'application/geopackage+sqlite3',
    write: (f, c, baseName, sqlite) => {
      if (!sqlite) throw new Error('export GeoPackage : le moteur SQLite doit être chargé (exportFeaturesAsync)');
      return writeGeoPackage(sqlite, f, c, gpkgTableName(baseName.replace(/-/g, '_')));
    },
  },
};

export const exportExtension = (format: ExportFormat): string => FORMATS[format].extension;

/** Every format, GeoPackage included (its SQLite engine is loaded on first use). */
export async function exportFeaturesAsync(features: GeoFeature[], options: ExportOptions): Promise<ExportedFile> {
  const sqlite = options.format === 'geopackage' && features.length > 0 ? await loadSqlite() : undefined;
  return exportWith(features, options, sqlite);
}

/** Every format but GeoPackage, synchronously. Throws a French Error on an empty list (an empty file helps nobody). */
export function exportFeatures(features: GeoFeature[], options: ExportOptions): ExportedFile {
  return exportWith(features, options);
}

function exportWith(features: GeoFeature[], options: ExportOptions, sqlite?: SqlJsStatic): ExportedFile {
  if (features.length === 0) throw new Error('rien à exporter : la couche est vide');
  const format = FORMATS[options.format];
  if (!format) throw new Error(`format d'export inconnu : ${String(options.format)}`);
  const choices = exportCrsChoices(options.format);
  const crs = options.crs ?? choices[0];
  if (!choices.includes(crs))
    throw new Error(
      `le format ${format.extension.toUpperCase()} ne s'écrit qu'en ${choices.map(exportCrsLabel).join(', ')} (demandé : ${String(crs)})`,
    );
  const progress = options.onProgress;
  const context: ExportContext = {
    name: options.name,
    credits: options.credits,
    attribution: attributionSentence(options.credits),
    generatedAt: options.generatedAt,
    crs,
    onProgress: progress,
  };
  const tag = CRS_FILE_TAGS[crs];
  const slug = slugify(options.name);
  const baseName = tag && !slug.endsWith(`-${tag}`) ? `${slug}-${tag}` : slug;
  let bytes: Uint8Array;
  try {
    // Reprojection takes the first half of the progress bar, writing the second. Both allocate a copy
    // of the layer: either may run out of memory on a large one.
    const projected = reprojectForExport(features, crs, progress && ((f) => progress(f * 0.5)));
    progress?.(0.5);
    bytes = format.write(projected, context, baseName, sqlite);
  } catch (error) {
    // "Array buffer allocation failed", "Invalid array length", SQLite's "out of memory": say it in French.
    if (error instanceof RangeError || (error instanceof Error && /out of memory/i.test(error.message)))
      throw new Error(
        `export impossible : mémoire insuffisante pour écrire ${features.length.toLocaleString('fr-FR')} entités en ${format.extension.toUpperCase()} ; ` +
          'fermez d’autres onglets, exportez une partie de la couche ou choisissez FlatGeobuf (plus compact)',
        { cause: error },
      );
    throw error;
  }
  progress?.(1);
  return { fileName: exportFileName(baseName, format.extension), mime: format.mime, bytes };
}

export { slugify, exportFileName } from './filename';
export { toWkt } from './wkt';
export { EXPORT_CRS, exportCrsLabel, isExportCrs } from './crs';
export { defaultExportCrs, exportCrsChoices } from './formats';
