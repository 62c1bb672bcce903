// Recognises our coordinate systems in a WKT text (a shapefile's .prj, a FlatGeobuf header):
// ESRI and OGC WKT 1, and WKT 2, by EPSG identifier, by projection parameters (so a Lambert-93
// named oddly is still Lambert-93), then by name. Isomorphic.
import type { CrsCode } from '../types';

interface WktNode {
  keyword: string;
  /** Quoted strings, numbers, bare words (EAST), nested nodes. */
  args: (string | number | WktNode)[];
}

export interface PrjDescription {
  code: CrsCode | null;
  /** Name the file gives its system ("RGF93_Lambert_93", "WGS_1984_UTM_Zone_31N"), if any. */
  name: string | null;
}

/** Deepest WKT nesting read (real ones stay under 10): a hostile .prj nested 100,000 deep must not overflow the stack. */
const MAX_WKT_DEPTH = 32;

function parseWkt(text: string): WktNode | null {
  let i = 0;
  let depth = 0;
  const skip = () => {
    while (i < text.length && /[\s,]/.test(text[i])) i++;
  };
  const node = (): WktNode | null => {
    skip();
    const start = i;
    while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
    const keyword = text.slice(start, i).toUpperCase();
    skip();
    if (!keyword || (text[i] !== '[' && text[i] !== '(')) return null;
    const close = text[i] === '[' ? ']' : ')';
    i++;
    const args: WktNode['args'] = [];
    for (;;) {
      skip();
      if (i >= text.length) return null;
      const c = text[i];
      if (c === close) {
        i++;
        return { keyword, args };
      }
      if (c === '"') {
        const end = text.indexOf('"', i + 1);
        if (end < 0) return null;
        args.push(text.slice(i + 1, end));
        i = end + 1;
      } else if (/[-+.\d]/.test(c)) {
        const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 40));
        if (!m) return null;
        args.push(Number(m[0]));
        i += m[0].length;
      } else {
        const save = i;
        if (++depth > MAX_WKT_DEPTH) return null;
        const child = node();
        depth--;
        if (child) args.push(child);
        else {
          // A bare word such as EAST in AXIS["X",EAST].
          i = save;
          const m = /^[A-Za-z_]\w*/.exec(text.slice(i));
          if (!m) return null;
          args.push(m[0]);
          i += m[0].length;
        }
      }
    }
  };
  return node();
}

const children = (n: WktNode, keywords: string[]) => n.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));
const child = (n: WktNode, keywords: string[]) => children(n, keywords)[0];
const firstString = (n: WktNode | undefined) => (n && typeof n.args[0] === 'string' ? n.args[0] : null);

/** EPSG code of the node's own AUTHORITY / ID, if any. */
function epsgOf(n: WktNode): number | null {
  const id = child(n, ['AUTHORITY', 'ID']);
  if (!id || String(id.args[0]).toUpperCase() !== 'EPSG') return null;
  const code = Number(id.args[1]);
  return Number.isFinite(code) ? code : null;
}

/** Lower case, letters and digits only: "Standard_Parallel_1" and "standard parallel 1" compare equal. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const PARAMETER_ALIASES: Record<string, string> = {
  standardparallel1: 'lat1',
  latitudeof1ststandardparallel: 'lat1',
  standardparallel2: 'lat2',
  latitudeof2ndstandardparallel: 'lat2',
  latitudeoforigin: 'lat0',
  latitudeofcenter: 'lat0',
  latitudeoffalseorigin: 'lat0',
  latitudeofnaturalorigin: 'lat0',
  centralmeridian: 'lon0',
  longitudeofcenter: 'lon0',
  longitudeoforigin: 'lon0',
  longitudeoffalseorigin: 'lon0',
  longitudeofnaturalorigin: 'lon0',
  falseeasting: 'x0',
  eastingatfalseorigin: 'x0',
  falsenorthing: 'y0',
  northingatfalseorigin: 'y0',
  scalefactor: 'k',
  scalefactoratnaturalorigin: 'k',
};

function parameters(n: WktNode): Record<string, number> {
  const out: Record<string, number> = {};
  const scopes = [n, ...children(n, ['CONVERSION'])];
  for (const scope of scopes) {
    for (const p of children(scope, ['PARAMETER'])) {
      const key = PARAMETER_ALIASES[squash(String(p.args[0]))];
      if (key && typeof p.args[1] === 'number') out[key] = p.args[1];
    }
  }
  return out;
}

function methodOf(n: WktNode): string {
  const conv = child(n, ['CONVERSION']);
  return squash(firstString(child(n, ['PROJECTION'])) ?? firstString(conv && child(conv, ['METHOD'])) ?? '');
}

const near = (a: number | undefined, b: number, tolerance = 1e-6) => a !== undefined && Math.abs(a - b) <= tolerance;
const parallels = (p: Record<string, number>, a: number, b: number) => (near(p.lat1, a) && near(p.lat2, b)) || (near(p.lat1, b) && near(p.lat2, a));

function fromProjected(n: WktNode, name: string): CrsCode | null {
  const epsg = epsgOf(n);
  if (epsg === 2154) return 'EPSG:2154';
  if (epsg === 3950) return 'EPSG:3950';
  if (epsg === 3857 || epsg === 900913 || epsg === 102100 || epsg === 3785) return 'EPSG:3857';
  const method = methodOf(n);
  const p = parameters(n);
  const hasParameters = Object.keys(p).length > 0;
  const isLcc = method.includes('lambert') && method.includes('conic');
  if (isLcc && hasParameters) {
    if (parallels(p, 49, 44) && near(p.y0, 6_600_000, 0.5) && (p.x0 === undefined || near(p.x0, 700_000, 0.5))) return 'EPSG:2154';
    if (parallels(p, 49.25, 50.75) && near(p.y0, 9_200_000, 0.5) && (p.lat0 === undefined || near(p.lat0, 50))) return 'EPSG:3950';
    // A conic with other parameters is another system, whatever its name says.
    return null;
  }
  const squashed = squash(name);
  if (method.includes('mercator')) {
    const webByName = /webmercator|pseudomercator|popularvisuali[sz]ation|auxiliarysphere/.test(squashed + method);
    const spheroid = findDeep(n, 'SPHEROID') ?? findDeep(n, 'ELLIPSOID');
    const onSphere = spheroid !== null && spheroid.args[1] === 6378137 && spheroid.args[2] === 0;
    const offsetsZero = (p.x0 ?? 0) === 0 && (p.y0 ?? 0) === 0 && (p.lon0 ?? 0) === 0;
    return (webByName || onSphere) && offsetsZero ? 'EPSG:3857' : null;
  }
  if (hasParameters && method) return null;
  // No usable parameters: fall back on the name.
  if (/lambert93|rgf93lambert|rgf1993lambert/.test(squashed)) return 'EPSG:2154';
  if (/cc50|conicconformzone9|rgf93cc50|rgf1993cc50/.test(squashed)) return 'EPSG:3950';
  if (/webmercator|pseudomercator|popularvisuali[sz]ation/.test(squashed)) return 'EPSG:3857';
  return null;
}

function findDeep(n: WktNode, keyword: string): WktNode | null {
  for (const a of n.args) {
    if (typeof a !== 'object') continue;
    if (a.keyword === keyword) return a;
    const found = findDeep(a, keyword);
    if (found) return found;
  }
  return null;
}

/** Geographic systems read as WGS84: WGS 84 itself, RGF93 and ETRS89 (same to within a metre). */
function fromGeographic(n: WktNode): CrsCode | null {
  const epsg = epsgOf(n);
  if (epsg === 4326 || epsg === 4171 || epsg === 4258) return 'EPSG:4326';
  const primem = child(n, ['PRIMEM']);
  if (primem && typeof primem.args[1] === 'number' && primem.args[1] !== 0) return null; // Paris meridian (NTF)
  const unit = firstString(child(n, ['UNIT', 'ANGLEUNIT']));
  if (unit && !/degree/i.test(unit)) return null; // grads (NTF)
  const datum = squash(firstString(child(n, ['DATUM', 'ENSEMBLE'])) ?? '') || squash(firstString(n) ?? '');
  if (
    /wgs1984|wgs84|worldgeodeticsystem1984|rgf1993|rgf93|reseaugeodesiquefrancais1993|etrs1989|etrs89|europeanterrestrialreferencesystem1989/.test(
      datum,
    )
  )
    return 'EPSG:4326';
  return null;
}

/** Which of our systems a WKT text describes, and the name it gives. */
export function parsePrj(wkt: string): PrjDescription {
  const root = parseWkt(wkt.replace(/^\uFEFF/, ''));
  if (!root) return { code: null, name: wkt.trim().slice(0, 80) || null };
  const name = firstString(root);
  switch (root.keyword) {
    case 'PROJCS':
    case 'PROJCRS':
    case 'PROJECTEDCRS':
      return { code: fromProjected(root, name ?? ''), name };
    case 'GEOGCS':
    case 'GEOGCRS':
    case 'GEOGRAPHICCRS':
    case 'GEODCRS':
    case 'GEODETICCRS':
      return { code: fromGeographic(root), name };
    default:
      return { code: null, name };
  }
}

/** Our system described by a WKT text (.prj), or null when it is none of them or unreadable. */
export function crsFromPrj(wkt: string): CrsCode | null {
  return parsePrj(wkt).code;
}
