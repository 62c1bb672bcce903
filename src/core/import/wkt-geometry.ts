// Well-Known Text geometries (a CSV's "wkt" column): POINT, LINESTRING, POLYGON, their MULTI
// forms and GEOMETRYCOLLECTION, with Z/M/ZM and EMPTY; an EWKT "SRID=…;" prefix is skipped.
// Returns null on anything malformed (the row is then counted as without coordinates).
import type { Geometry, Position } from 'geojson';
import { MAX_COLLECTION_DEPTH } from './geometry-check';

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  word(): string {
    this.space();
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i, this.i + 24));
    if (!m) return '';
    this.i += m[0].length;
    return m[0].toUpperCase();
  }

  take(c: string): boolean {
    this.space();
    if (this.s[this.i] !== c) return false;
    this.i++;
    return true;
  }

  number(): number | null {
    this.space();
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(this.s.slice(this.i, this.i + 40));
    if (!m) return null;
    this.i += m[0].length;
    return Number(m[0]);
  }
}

function position(r: Reader): Position | null {
  const out: number[] = [];
  for (let n = r.number(); n !== null; n = r.number()) out.push(n);
  return out.length >= 2 ? out : null;
}

/** "(x y, x y)" → positions; `wrapped` accepts MULTIPOINT's "((x y), (x y))" form. */
function positions(r: Reader, wrapped = false): Position[] | null {
  if (!r.take('(')) return null;
  const out: Position[] = [];
  do {
    const paren = wrapped && r.take('(');
    const p = position(r);
    if (!p || (paren && !r.take(')'))) return null;
    out.push(p);
  } while (r.take(','));
  return r.take(')') ? out : null;
}

function list<T>(r: Reader, item: (r: Reader) => T | null): T[] | null {
  if (!r.take('(')) return null;
  const out: T[] = [];
  do {
    const v = item(r);
    if (v === null) return null;
    out.push(v);
  } while (r.take(','));
  return r.take(')') ? out : null;
}

const rings = (r: Reader) => list(r, (x) => positions(x));

/** `depth`: GEOMETRYCOLLECTIONs around this one; past the walker's limit the text is refused before it can overflow the stack. */
function geometry(r: Reader, depth = 0): Geometry | null {
  const type = r.word();
  const save = r.i;
  const dims = r.word();
  if (dims !== 'Z' && dims !== 'M' && dims !== 'ZM') r.i = save;
  const before = r.i;
  if (r.word() === 'EMPTY') {
    if (type === 'GEOMETRYCOLLECTION') return { type: 'GeometryCollection', geometries: [] };
    const name = (
      {
        POINT: 'Point',
        LINESTRING: 'LineString',
        POLYGON: 'Polygon',
        MULTIPOINT: 'MultiPoint',
        MULTILINESTRING: 'MultiLineString',
        MULTIPOLYGON: 'MultiPolygon',
      } as const
    )[type];
    return name ? ({ type: name, coordinates: [] } as Geometry) : null;
  }
  r.i = before;
  switch (type) {
    case 'POINT': {
      const p = positions(r);
      return p && p.length === 1 ? { type: 'Point', coordinates: p[0] } : null;
    }
    case 'LINESTRING': {
      const p = positions(r);
      return p ? { type: 'LineString', coordinates: p } : null;
    }
    case 'POLYGON': {
      const p = rings(r);
      return p ? { type: 'Polygon', coordinates: p } : null;
    }
    case 'MULTIPOINT': {
      const p = positions(r, true);
      return p ? { type: 'MultiPoint', coordinates: p } : null;
    }
    case 'MULTILINESTRING': {
      const p = rings(r);
      return p ? { type: 'MultiLineString', coordinates: p } : null;
    }
    case 'MULTIPOLYGON': {
      const p = list(r, rings);
      return p ? { type: 'MultiPolygon', coordinates: p } : null;
    }
    case 'GEOMETRYCOLLECTION': {
      if (depth >= MAX_COLLECTION_DEPTH) return null;
      const members = list(r, (x) => geometry(x, depth + 1));
      return members ? { type: 'GeometryCollection', geometries: members } : null;
    }
    default:
      return null;
  }
}

export function parseWktGeometry(text: string): Geometry | null {
  const r = new Reader(text.replace(/^\s*SRID=\d+;/i, ''));
  const g = geometry(r);
  r.space();
  return g && r.i === r.s.length ? g : null;
}
