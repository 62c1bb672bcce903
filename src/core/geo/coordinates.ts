// Coordinates as a planner reads them: WGS 84 in degrees (5 decimals, about a metre) with N/S and
// E/W, or Lambert-93 in whole metres (the national system of French GIS desks). The formatting is
// pure; Lambert-93 values come from the exporters' proj4 projection (export/crs.ts), so the readout,
// the measure's vertices and a Lambert-93 export agree to the centimetre. Isomorphic.
import type { Position } from 'geojson';

/** The two systems the coordinates readout offers. */
export type CoordinateSystem = 'EPSG:4326' | 'EPSG:2154';
export const COORDINATE_SYSTEMS: readonly CoordinateSystem[] = ['EPSG:4326', 'EPSG:2154'];
export const isCoordinateSystem = (value: unknown): value is CoordinateSystem => value === 'EPSG:4326' || value === 'EPSG:2154';

export type CoordinateLocale = 'fr' | 'en';

/** Narrow no-break space: French thousands separator (as Intl writes it), never split across lines. */
const THIN = '\u202f';

function grouped(n: number, locale: CoordinateLocale): string {
  const digits = String(Math.abs(Math.round(n)));
  const separator = locale === 'fr' ? THIN : ',';
  const out = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return Math.round(n) < 0 ? `-${out}` : out;
}

const degrees = (v: number, locale: CoordinateLocale): string => {
  const text = Math.abs(v).toFixed(5);
  return locale === 'fr' ? text.replace('.', ',') : text;
};

/** « 50,43210° N 2,83210° E » (latitude first, as maps and GPS say it); English: « 50.43210° N 2.83210° E ». */
export function formatWgs84([lon, lat]: Position, locale: CoordinateLocale = 'fr'): string {
  const ns = lat < 0 ? 'S' : 'N';
  const ew = lon < 0 ? (locale === 'fr' ? 'O' : 'W') : 'E';
  return `${degrees(lat, locale)}° ${ns} ${degrees(lon, locale)}° ${ew}`;
}

/** « X 688 053 m Y 7 037 188 m » from Lambert-93 metres (X easting, Y northing). */
export function formatLambert93([x, y]: Position, locale: CoordinateLocale = 'fr'): string {
  return `X ${grouped(x, locale)} m Y ${grouped(y, locale)} m`;
}

/**
 * A WGS 84 position written in `system`; `toLambert93` is the projection (loaded on demand by the
 * app: proj4 stays out of the first download).
 */
export function formatPosition(
  lonLat: Position,
  system: CoordinateSystem,
  locale: CoordinateLocale,
  toLambert93: ((p: Position) => Position) | null,
): string | null {
  if (system === 'EPSG:4326') return formatWgs84(lonLat, locale);
  return toLambert93 ? formatLambert93(toLambert93(lonLat), locale) : null;
}

/** Text for the clipboard: plain spaces (a narrow no-break space pasted into a spreadsheet or a GIS field reads as garbage). */
export const plainSpaces = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');
