// Coordinate reference systems shared by the data pipeline (Node) and the planner workbench
// (browser worker and `npm run inspect`): proj4 definitions, names, reprojection to WGS84 and
// detection from coordinate ranges. Isomorphic: no DOM, no Node API.
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import type { CrsCode, CrsDetection } from '../types';

export { crsFromPrj, parsePrj, type PrjDescription } from './prj';

proj4.defs(
  'EPSG:2154',
  '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
);
proj4.defs(
  'EPSG:3950',
  '+proj=lcc +lat_0=50 +lon_0=3 +lat_1=49.25 +lat_2=50.75 +x_0=1700000 +y_0=9200000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs',
);
proj4.defs(
  'EPSG:27572',
  '+proj=lcc +lat_1=46.8 +lat_0=46.8 +lon_0=0 +k_0=0.99987742 +x_0=600000 +y_0=2200000 +a=6378249.2 +b=6356515 +towgs84=-168,-60,320,0,0,0,0 +pm=paris +units=m +no_defs +type=crs',
);
// proj4 ships EPSG:4326 and EPSG:3857.

/** The systems the workbench reads, in the order offered to the user. */
export const SUPPORTED_CRS: readonly CrsCode[] = ['EPSG:4326', 'EPSG:2154', 'EPSG:3950', 'EPSG:3857'];

/** French names shown to the user. */
export const CRS_LABELS: Record<CrsCode, string> = {
  'EPSG:4326': 'WGS 84 (longitude/latitude)',
  'EPSG:2154': 'RGF93 / Lambert-93',
  'EPSG:3950': 'RGF93 / CC50',
  'EPSG:3857': 'Web Mercator',
};

export const crsLabel = (code: CrsCode): string => `${CRS_LABELS[code]} (${code})`;

/** "WGS 84 (longitude/latitude) (EPSG:4326), RGF93 / Lambert-93 (EPSG:2154)…" for error messages. */
export const supportedCrsList = (): string => SUPPORTED_CRS.map(crsLabel).join(', ');

export function isCrsCode(value: string): value is CrsCode {
  return (SUPPORTED_CRS as readonly string[]).includes(value);
}

const WGS84_NAMES = /(CRS84|EPSG:?:?4326|WGS ?84)$/i;

/** EPSG code named by a GeoJSON `crs` member, e.g. "urn:ogc:def:crs:EPSG::2154" → "EPSG:2154". */
export function crsFromName(name: string | null): string | null {
  if (!name) return null;
  if (WGS84_NAMES.test(name)) return 'EPSG:4326';
  const match = /EPSG:{1,2}(\d+)/i.exec(name);
  return match ? `EPSG:${match[1]}` : name;
}

/** Old codes of Web Mercator that files still carry. */
const WEB_MERCATOR_ALIASES = new Set(['EPSG:900913', 'EPSG:3785', 'EPSG:102100', 'EPSG:102113']);

/** One of our systems from a name or code ("EPSG:2154", "urn:ogc:def:crs:EPSG::3857", "2154"), else null. */
export function crsCodeFromName(name: string | null): CrsCode | null {
  if (!name) return null;
  const trimmed = name.trim();
  const code = /^\d+$/.test(trimmed) ? `EPSG:${trimmed}` : crsFromName(trimmed);
  if (!code) return null;
  const upper = code.toUpperCase();
  if (WEB_MERCATOR_ALIASES.has(upper)) return 'EPSG:3857';
  return isCrsCode(upper) ? upper : null;
}

export function mapPositions(geometry: Geometry, fn: (p: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: fn(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: geometry.coordinates.map(fn) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map((l) => l.map(fn)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map((l) => l.map(fn))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
  }
}

/**
 * Projection of any proj4-registered system to WGS84 lon/lat, 2D (Z is dropped: the map is 2D
 * and FlatGeobuf exports drop it anyway). Null when the system is unknown to proj4.
 */
export function projectionTo4326(code: string): ((p: Position) => Position) | null {
  if (code === 'EPSG:4326') return (p) => [p[0], p[1]];
  // proj4.defs is a function: a name like "bind" or "call" finds Function.prototype's member, and
  // proj4 then throws a bare string. Only a registered definition (an object) is a system.
  const def: unknown = proj4.defs(code);
  if (!def || typeof def !== 'object') return null;
  let converter: proj4.Converter;
  try {
    converter = proj4(code, 'EPSG:4326');
  } catch {
    return null;
  }
  return (p) => {
    const out = converter.forward([p[0], p[1]]);
    return [out[0], out[1]];
  };
}

/** Position (in `code`) → WGS84 [lon, lat]; Z and M are dropped. */
export function reprojector(code: CrsCode): (p: Position) => Position {
  return projectionTo4326(code) as (p: Position) => Position;
}

/** Web Mercator's half extent, metres: beyond it latitudes pass ±85.05°. */
const MERCATOR_LIMIT = 20_037_508.35;

/**
 * Area where coordinates read in `code` are taken as valid, as a test on the projected raw
 * position (cheap) and on the WGS84 result. Generous around France for the Lambert systems.
 */
export function validityTest(code: CrsCode): (raw: Position, lonLat: Position) => boolean {
  switch (code) {
    case 'EPSG:4326':
      return (_raw, [lon, lat]) => lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    case 'EPSG:3857':
      return ([x, y], [lon, lat]) => Math.abs(x) <= MERCATOR_LIMIT && Math.abs(y) <= MERCATOR_LIMIT && Number.isFinite(lon + lat);
    case 'EPSG:2154':
    case 'EPSG:3950':
      return (_raw, [lon, lat]) => lon >= -12 && lon <= 16 && lat >= 36 && lat <= 56;
  }
}

/** Metropolitan France (with Corsica), loosely: the box ranges detection looks for. */
const inFrance = ([lon, lat]: Position) => lon >= -5.5 && lon <= 10 && lat >= 41 && lat <= 51.5;
/** Share of the sample that must land in France for a system to be a candidate (some outliers are bad rows, skipped later). */
const FIT_SHARE = 0.75;
const LENS: Position = [2.83, 50.43];

function distanceKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const km = (d: number) => (d < 10 ? `${d.toFixed(1).replace('.', ',')} km` : `${Math.round(d).toLocaleString('fr-FR')} km`);
const num = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('fr-FR') : String(Math.round(v * 1e4) / 1e4).replace('.', ','));

/** "x de 686 000 à 689 000, y de 7 030 000 à 7 035 000" for messages. */
export function describeRanges(positions: Position[]): string {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const [x, y] of positions) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX > maxX) return 'aucune coordonnée';
  return `x de ${num(minX)} à ${num(maxX)}, y de ${num(minY)} à ${num(maxY)}`;
}

export interface RangeFit {
  code: CrsCode;
  /** Distance from Lens to the centre of the sample read in that system, km. */
  distanceKm: number;
}

/** Our systems that put ≥ 75 % of the sample in metropolitan France, closest to Lens first. */
export function rankCrsByRanges(positions: Position[]): RangeFit[] {
  const sample = positions.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  const fits: RangeFit[] = [];
  if (sample.length === 0) return fits;
  for (const code of SUPPORTED_CRS) {
    const project = reprojector(code);
    let inside = 0,
      sumLon = 0,
      sumLat = 0;
    for (const p of sample) {
      // Web Mercator beyond its extent would wrap to absurd latitudes: not a fit.
      if (code === 'EPSG:3857' && (Math.abs(p[0]) > MERCATOR_LIMIT || Math.abs(p[1]) > MERCATOR_LIMIT)) continue;
      if (code === 'EPSG:4326' && (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) continue;
      const q = project(p);
      if (inFrance(q)) {
        inside++;
        sumLon += q[0];
        sumLat += q[1];
      }
    }
    if (inside > 0 && inside >= FIT_SHARE * sample.length) fits.push({ code, distanceKm: distanceKm([sumLon / inside, sumLat / inside], LENS) });
  }
  return fits.sort((a, b) => a.distanceKm - b.distanceKm);
}

/**
 * Which of our systems put the coordinates in metropolitan France, most plausible first (the
 * one whose result lies closest to Lens). `positions` is a sample of raw positions.
 */
export function detectCrsFromRanges(positions: Position[]): CrsDetection {
  const sample = positions.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (sample.length === 0) {
    return { code: null, source: 'inconnu', detail: 'aucune coordonnée exploitable pour reconnaître le système', candidates: [] };
  }
  const fits = rankCrsByRanges(sample);
  const candidates = fits.map((f) => f.code);
  if (fits.length === 0) {
    return {
      code: null,
      source: 'inconnu',
      detail: `les coordonnées (${describeRanges(sample)}) ne placent les données en France métropolitaine dans aucun des systèmes pris en charge`,
      candidates,
    };
  }
  const [best, ...others] = fits;
  let detail = `d'après l'étendue des coordonnées : ${crsLabel(best.code)}, données centrées à ${km(best.distanceKm)} de Lens`;
  if (others.length > 0) {
    detail += ` ; elles seraient aussi en France en ${others.map((o) => `${crsLabel(o.code)} (à ${km(o.distanceKm)} de Lens)`).join(', ')} : le système le plus proche de Lens est retenu, un autre peut être choisi`;
  }
  return { code: best.code, source: 'etendue', detail, candidates };
}

export const formatKm = km;
