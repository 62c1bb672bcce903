// Exports of workspace layers and analysis results. Isomorphic: runs in the workbench worker
// (no DOM, no Node API). Every format carries the credits of the data it holds.
import type { GeoFeature } from '../../../layers/types';
import { attributionSentence } from '../credits';
import type { Credit, ExportedFile, ExportFormat } from '../types';
import type { ExportContext } from './context';
import { writeCsv } from './csv';
import { exportFileName } from './filename';
import { writeFgb } from './flatgeobuf';
import { writeGeoJson } from './geojson';
import { writeKml } from './kml';

export interface ExportOptions {
  format: ExportFormat;
  /** Layer name: written in the file and, as a slug, in the file name. */
  name: string;
  credits: Credit[];
  /** ISO timestamp of the export, written where the format has room for it. */
  generatedAt?: string;
}

const FORMATS: Record<ExportFormat, { extension: string; mime: string; write: (f: GeoFeature[], c: ExportContext) => Uint8Array }> = {
  geojson: { extension: 'geojson', mime: 'application/geo+json', write: writeGeoJson },
  // No registered media type for FlatGeobuf; the preview server serves .fgb the same way.
  flatgeobuf: { extension: 'fgb', mime: 'application/octet-stream', write: writeFgb },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', write: writeCsv },
  kml: { extension: 'kml', mime: 'application/vnd.google-earth.kml+xml', write: writeKml },
};

/** Throws a French Error on an empty list (in every format: an empty file helps nobody). */
export function exportFeatures(features: GeoFeature[], options: ExportOptions): ExportedFile {
  if (features.length === 0) throw new Error('rien à exporter : la couche est vide');
  const format = FORMATS[options.format];
  if (!format) throw new Error(`format d'export inconnu : ${String(options.format)}`);
  const context: ExportContext = {
    name: options.name,
    credits: options.credits,
    attribution: attributionSentence(options.credits),
    generatedAt: options.generatedAt,
  };
  return {
    fileName: exportFileName(options.name, format.extension),
    mime: format.mime,
    bytes: format.write(features, context),
  };
}

export { slugify, exportFileName } from './filename';
export { toWkt } from './wkt';
