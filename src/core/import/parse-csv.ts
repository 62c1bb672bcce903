// CSV with papaparse: separator (; , tab |) read from the header line, comment lines ('#') before
// the header skipped, coordinates from columns named like longitude/latitude or x/y (case and
// accents ignored, decimal commas accepted) or from a WKT column. Values stay strings: the
// file's text is data, never re-interpreted.
import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import { errors, plural } from './errors';
import type { RawFeature, RawLayer } from './raw-layer';
import type { ImportRun } from './run';
import { baseName, decodeText } from './text';
import { parseWktGeometry } from './wkt-geometry';

/** Lower case, no accents, letters and digits only: "Coord_X" → "coordx", "Longitude (°)" → "longitude". */
export const squashHeader = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Accepted names, most specific first (a file with both "longitude" and "x" uses longitude). */
const LON_NAMES = [
  'longitude',
  'lon',
  'lng',
  'long',
  'longwgs84',
  'lonwgs84',
  'longitudewgs84',
  'x',
  'coordx',
  'xcoord',
  'coordonneex',
  'xl93',
  'xlambert93',
  'xlamb93',
  'xcc50',
  'easting',
];
const LAT_NAMES = [
  'latitude',
  'lat',
  'latwgs84',
  'latitudewgs84',
  'y',
  'coordy',
  'ycoord',
  'coordonneey',
  'yl93',
  'ylambert93',
  'ylamb93',
  'ycc50',
  'northing',
];
const WKT_NAMES = ['wkt', 'geometry', 'geom', 'geometrie', 'thegeom', 'wktgeom', 'geometriewkt', 'geometrywkt'];
/** Longitude/latitude names (as opposed to x/y): such files may be read as WGS84 outside France. */
const LONLAT_NAMES = new Set(['longitude', 'lon', 'lng', 'long', 'longwgs84', 'lonwgs84', 'longitudewgs84']);

function findColumn(fields: string[], names: string[]): string | null {
  const squashed = fields.map(squashHeader);
  for (const name of names) {
    const i = squashed.indexOf(name);
    if (i >= 0) return fields[i];
  }
  return null;
}

/** "2,83" → 2.83, "686 123,5" → 686123.5, "1.234,5" and "1,234.5" → 1234.5; NaN when not a number. */
export function parseDecimal(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  let s = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return NaN;
  // The last of ',' and '.' is the decimal separator; the other groups thousands.
  if (s.includes(',')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A separator no text file holds (ASCII unit separator): a one-column table is then never split. */
const ONE_COLUMN = '\u001f';

/**
 * Separator of the header line: the most frequent of ; , tab | outside quotes. A header without
 * any names one column: its rows must not be cut at their commas (a lone WKT column is full of them).
 */
function detectDelimiter(header: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]++;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ONE_COLUMN;
}

export async function parseCsv(bytes: Uint8Array, fileName: string, run: ImportRun): Promise<RawLayer> {
  const warnings: string[] = [];
  let text = decodeText(bytes, fileName, warnings);
  // Comment lines before the header (some exports put metadata there).
  const comment = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)+/.exec(text);
  if (comment) text = text.slice(comment[0].length);
  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = detectDelimiter(headerLine);
  await run.step('analyse', 0);

  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter,
    skipEmptyLines: 'greedy',
    transformHeader: (h, i) => h.trim() || `colonne_${i + 1}`,
  });
  await run.step('analyse', 0.5);
  const fields = parsed.meta.fields ?? [];
  if (fields.length === 0 || parsed.data.length === 0) throw errors.noGeometry(fileName, 'csv', 'le fichier ne contient aucune ligne de données');

  const lonColumn = findColumn(fields, LON_NAMES);
  const latColumn = findColumn(fields, LAT_NAMES);
  const wktColumn = findColumn(fields, WKT_NAMES);
  const useXY = lonColumn !== null && latColumn !== null;
  if (!useXY && !wktColumn) {
    throw errors.noGeometry(
      fileName,
      'csv',
      `colonnes de coordonnées introuvables parmi « ${fields.slice(0, 12).join(' », « ')}${fields.length > 12 ? ' »…' : ' »'} ; attendues : longitude et latitude (ou lon/lat, x/y, coord_x/coord_y), ou une colonne wkt`,
    );
  }

  const rows = parsed.data;
  const features: RawFeature[] = [];
  let skipped = 0;
  for (let i = 0; i < rows.length; i++) {
    await run.chunk('analyse', i, rows.length);
    const row = rows[i];
    let geometry: Geometry | null = null;
    if (useXY) {
      const x = parseDecimal(row[lonColumn]);
      const y = parseDecimal(row[latColumn]);
      if (Number.isFinite(x) && Number.isFinite(y)) geometry = { type: 'Point', coordinates: [x, y] };
    } else if (wktColumn) {
      const wkt = row[wktColumn];
      geometry = typeof wkt === 'string' && wkt.trim() ? parseWktGeometry(wkt) : null;
    }
    if (!geometry) {
      skipped++;
      continue;
    }
    features.push({ type: 'Feature', properties: row, geometry });
  }
  if (features.length === 0) {
    const where = useXY ? `colonnes « ${lonColumn} » et « ${latColumn} »` : `colonne « ${wktColumn} »`;
    throw errors.noGeometry(fileName, 'csv', `aucune des ${plural(rows.length, 'ligne', 'lignes')} n'a de coordonnées valides dans les ${where}`);
  }
  if (skipped > 0) {
    const where = useXY ? `« ${lonColumn} » / « ${latColumn} »` : `« ${wktColumn} »`;
    warnings.push(`${fileName} : ${plural(skipped, 'ligne', 'lignes')} sans coordonnées valides (${where}) ${skipped > 1 ? 'ignorées' : 'ignorée'}.`);
  }
  const malformed = parsed.errors.filter((e) => e.type !== 'FieldMismatch').length;
  if (malformed > 0)
    warnings.push(
      `${fileName} : ${plural(malformed, 'ligne mal formée', 'lignes mal formées')} (guillemets non fermés…) lue${malformed > 1 ? 's' : ''} au mieux.`,
    );

  const lonLatNamed = useXY && LONLAT_NAMES.has(squashHeader(lonColumn));
  return {
    name: baseName(fileName),
    format: 'csv',
    features,
    wgs84Fallback: lonLatNamed ? `colonnes « ${lonColumn} » / « ${latColumn} » : WGS 84 par défaut` : undefined,
    warnings,
  };
}
