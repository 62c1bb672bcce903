// The importer's one error type and its French sentences. Each message names the file, says what
// is wrong and what to do, so the UI and `npm run inspect` can show it as is.
import { supportedCrsList } from '../geo/crs';
import type { ImportFormat } from '../types';

export type ImportErrorCode =
  | 'vide'
  | 'trop-gros'
  | 'illisible'
  | 'tronque'
  | 'format-inconnu'
  | 'zip-sans-shp'
  | 'shp-incomplet'
  | 'crs-inconnu'
  | 'zip-bombe'
  | 'sans-geometrie'
  | 'annule';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    readonly fileName: string,
    message: string,
    /** Format the file was recognised as, when it got that far. */
    readonly format?: ImportFormat,
  ) {
    super(message);
  }
}

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  geojson: 'GeoJSON',
  flatgeobuf: 'FlatGeobuf',
  kml: 'KML',
  kmz: 'KMZ',
  gpx: 'GPX',
  shapefile: 'Shapefile',
  csv: 'CSV',
};

const ACCEPTED = 'GeoJSON, FlatGeobuf (.fgb), KML, KMZ, GPX, Shapefile zippé (.zip) ou ses fichiers .shp, .dbf, .prj, .cpg déposés ensemble, CSV';

const frNumber = (n: number) => n.toLocaleString('fr-FR');

/** "1 entité", "12 entités". */
export const plural = (n: number, one: string, many: string) => `${frNumber(n)} ${n > 1 ? many : one}`;

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${(mb / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Go`;
  return `${mb.toLocaleString('fr-FR', { maximumFractionDigits: mb < 10 ? 1 : 0 })} Mo`;
}

export const errors = {
  empty: (file: string) =>
    new ImportError('vide', file, `${file} : le fichier est vide. Vérifiez qu'il a été enregistré entièrement, puis déposez-le à nouveau.`),
  tooBig: (file: string, size: number, limit: number) =>
    new ImportError(
      'trop-gros',
      file,
      `${file} : le fichier pèse ${megabytes(size)}, au-delà de la limite de ${megabytes(limit)}. Découpez-le ou filtrez-le (par exemple sur le territoire de la CALL) avant de l'importer.`,
    ),
  unreadable: (file: string, format: ImportFormat, why: string) =>
    new ImportError(
      'illisible',
      file,
      `${file} : ${FORMAT_LABELS[format]} illisible (${why}). Vérifiez le fichier, ou exportez-le à nouveau depuis votre logiciel.`,
      format,
    ),
  truncated: (file: string, format: ImportFormat | 'zip') =>
    new ImportError(
      'tronque',
      file,
      `${file} : le fichier ${format === 'zip' ? 'ZIP' : FORMAT_LABELS[format]} s'arrête avant la fin (fichier tronqué ou endommagé). Téléchargez-le ou exportez-le à nouveau.`,
      format === 'zip' ? undefined : format,
    ),
  unknownFormat: (file: string, why = 'format non reconnu') =>
    new ImportError('format-inconnu', file, `${file} : ${why}. Formats acceptés : ${ACCEPTED}.`),
  zipWithoutShp: (file: string) =>
    new ImportError(
      'zip-sans-shp',
      file,
      `${file} : l'archive ne contient pas de fichier .shp (ni de .kml). Un Shapefile zippé doit contenir au moins les fichiers .shp, .shx et .dbf.`,
    ),
  shpMissing: (file: string, base: string) =>
    new ImportError(
      'shp-incomplet',
      file,
      `${file} : fichier d'un Shapefile déposé sans son fichier ${base}.shp. Déposez ensemble les fichiers .shp, .shx, .dbf (et .prj, .cpg), ou une archive .zip qui les contient.`,
      'shapefile',
    ),
  crsUnsupported: (file: string, format: ImportFormat, declared: string) =>
    new ImportError(
      'crs-inconnu',
      file,
      `${file} : système de coordonnées « ${declared} » non pris en charge. Systèmes pris en charge : ${supportedCrsList()}. Reprojetez le fichier dans l'un d'eux, ou choisissez le système à utiliser.`,
      format,
    ),
  crsUndetected: (file: string, format: ImportFormat, why: string) =>
    new ImportError(
      'crs-inconnu',
      file,
      `${file} : impossible de reconnaître le système de coordonnées : ${why}. Systèmes pris en charge : ${supportedCrsList()}. Choisissez le système du fichier, ou reprojetez-le dans l'un d'eux.`,
      format,
    ),
  zipBombTotal: (file: string, total: number, limit: number) =>
    new ImportError(
      'zip-bombe',
      file,
      `${file} : l'archive se décompresserait en ${megabytes(total)}, au-delà de la limite de ${megabytes(limit)} ; elle est refusée par précaution. Décompressez-la vous-même et déposez seulement les fichiers utiles.`,
    ),
  zipBombRatio: (file: string, entry: string, ratio: number, limit: number) =>
    new ImportError(
      'zip-bombe',
      file,
      `${file} : l'entrée « ${entry} » est compressée ${frNumber(Math.round(ratio))} fois (limite ${frNumber(limit)}) ; l'archive est refusée par précaution (« bombe zip »). Décompressez-la vous-même et déposez seulement les fichiers utiles.`,
    ),
  zipTooManyEntries: (file: string, count: number, limit: number) =>
    new ImportError(
      'zip-bombe',
      file,
      `${file} : l'archive contient ${frNumber(count)} fichiers, au-delà de la limite de ${frNumber(limit)} ; elle est refusée par précaution.`,
    ),
  noGeometry: (file: string, format: ImportFormat, why: string) =>
    new ImportError(
      'sans-geometrie',
      file,
      `${file} : aucune entité n'a de géométrie utilisable (${why}). Vérifiez la géométrie ou les colonnes de coordonnées du fichier.`,
      format,
    ),
  cancelled: (file: string) => new ImportError('annule', file, `${file} : import annulé.`),
};

/** Any thrown value as an ImportError of this file (unexpected failures become 'illisible'). */
export function asImportError(error: unknown, file: string, format: ImportFormat | undefined): ImportError {
  if (error instanceof ImportError) return error;
  const why = error instanceof Error ? error.message : String(error);
  if (format) return errors.unreadable(file, format, why);
  return new ImportError(
    'illisible',
    file,
    `${file} : fichier illisible (${why}). Vérifiez le fichier, ou exportez-le à nouveau depuis votre logiciel.`,
  );
}
