// GeoJSON geometry → OGC Well-Known Text (2D), for the CSV export: spreadsheets cannot hold a
// geometry, but QGIS and most GIS tools rebuild one from a WKT column.
import type { Geometry, Position } from 'geojson';

const MAX_DECIMALS = 7; // ~1 cm in longitude/latitude: more is noise from reprojection

/** Fixed notation (never "1e-7", which WKT readers reject), trailing zeros trimmed. */
export function formatCoordinate(value: number): string {
  const fixed = value.toFixed(MAX_DECIMALS).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

const position = (p: Position): string => `${formatCoordinate(p[0])} ${formatCoordinate(p[1])}`;
const sequence = (ps: Position[]): string => `(${ps.map(position).join(', ')})`;
const rings = (rs: Position[][]): string => `(${rs.map(sequence).join(', ')})`;

function tagged(tag: string, body: string | null): string {
  return body === null ? `${tag} EMPTY` : `${tag} ${body}`;
}

const nonEmpty = <T>(items: T[], write: (items: T[]) => string): string | null => (items.length > 0 ? write(items) : null);

/** Z and M values are dropped, as in the FlatGeobuf writer. */
export function toWkt(geometry: Geometry): string {
  switch (geometry.type) {
    case 'Point':
      return tagged('POINT', geometry.coordinates.length >= 2 ? `(${position(geometry.coordinates)})` : null);
    case 'MultiPoint':
      return tagged(
        'MULTIPOINT',
        nonEmpty(geometry.coordinates, (ps) => `(${ps.map((p) => `(${position(p)})`).join(', ')})`),
      );
    case 'LineString':
      return tagged('LINESTRING', nonEmpty(geometry.coordinates, sequence));
    case 'MultiLineString':
      return tagged('MULTILINESTRING', nonEmpty(geometry.coordinates, rings));
    case 'Polygon':
      return tagged('POLYGON', nonEmpty(geometry.coordinates, rings));
    case 'MultiPolygon':
      return tagged(
        'MULTIPOLYGON',
        nonEmpty(geometry.coordinates, (ps) => `(${ps.map(rings).join(', ')})`),
      );
    case 'GeometryCollection':
      return tagged(
        'GEOMETRYCOLLECTION',
        nonEmpty(geometry.geometries, (gs) => `(${gs.map(toWkt).join(', ')})`),
      );
  }
}
