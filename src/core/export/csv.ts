// CSV for French spreadsheets (Excel FR, LibreOffice Calc FR) — the choices, and why:
// - `;` separator: the list separator of the French locale, so a double-click opens columns right.
// - UTF-8 with a BOM: without it Excel decodes as Windows-1252 and accents break.
// - CRLF line ends (papaparse's default): what Excel writes and reads.
// - Numbers (property values, longitude, latitude) with a decimal comma: Excel FR reads "2.83" as
//   text or, worse, as a date ("12.5" becomes 12 May); "2,83" is a number in both spreadsheets.
//   Strings are written as they are (a code INSEE "62498" stays the text it was).
// - `geometrie_wkt` keeps the decimal point: WKT is a machine format (QGIS "texte délimité" reads it);
//   its commas do not clash with the `;` separator.
// - Cells that a spreadsheet would run as a formula (= + - @ tab CR first) get a leading `'`:
//   imported files may carry hostile values (OWASP "CSV injection").
// - A `sources` column repeats the attribution on every row, so credits survive a copy of rows.
import Papa from 'papaparse';
import type { Geometry } from 'geojson';
import type { GeoFeature } from '../../../layers/types';
import { encodeUtf8, type ExportContext } from './context';
import { formatCoordinate, toWkt } from './wkt';

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-12", "3,5") is no formula: leave it readable. */
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

export const GENERATED_COLUMNS = ['geometrie_type', 'longitude', 'latitude', 'geometrie_wkt', 'sources'] as const;
/** In Lambert-93 or CC50 the point columns hold metres: x and y, as planners' tools name them. */
export const PROJECTED_COLUMNS = ['geometrie_type', 'x', 'y', 'geometrie_wkt', 'sources'] as const;

/** Text a spreadsheet will not evaluate. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export const decimalComma = (text: string): string => text.replace('.', ',');

export function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? decimalComma(String(value)) : '';
  if (typeof value === 'string') return neutraliseFormula(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Objects and arrays: JSON, neutralised too (a JSON string may start with "-" or "=" only as
  // a bare scalar, but the rule is cheap and uniform).
  return neutraliseFormula(JSON.stringify(value) ?? '');
}

/** Property names in first-seen order; generated columns renamed if a property already uses them. */
export function csvColumns(features: GeoFeature[], projected = false): { properties: string[]; generated: string[] } {
  const properties = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) properties.add(key);
  const generated = (projected ? PROJECTED_COLUMNS : GENERATED_COLUMNS).map((base) => {
    let name = base as string;
    for (let n = 2; properties.has(name); n++) name = `${base}_${n}`;
    return name;
  });
  return { properties: [...properties], generated };
}

function geometryCells(geometry: Geometry | null): [type: string, lon: string, lat: string, wkt: string] {
  if (!geometry) return ['', '', '', ''];
  // Longitude/latitude only for a single point: a centroid would be a made-up position.
  const point = geometry.type === 'Point' && geometry.coordinates.length >= 2 ? geometry.coordinates : null;
  return [
    geometry.type,
    point ? decimalComma(formatCoordinate(point[0])) : '',
    point ? decimalComma(formatCoordinate(point[1])) : '',
    toWkt(geometry),
  ];
}

export function writeCsv(features: GeoFeature[], context: ExportContext): Uint8Array {
  const { properties, generated } = csvColumns(features, context.crs !== 'EPSG:4326');
  const rows = features.map((f) => [
    ...properties.map((key) => cellOf(f.properties?.[key])),
    ...geometryCells(f.geometry as Geometry | null),
    neutraliseFormula(context.attribution),
  ]);
  const text = Papa.unparse(
    { fields: [...properties, ...generated].map(neutraliseFormula), data: rows },
    { delimiter: ';', newline: '\r\n', header: true, quotes: false },
  );
  return encodeUtf8(BOM + text + '\r\n');
}
