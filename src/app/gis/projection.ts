// Lambert-93 for the coordinates readout, loaded the first time it is wanted: proj4 and the
// system definitions come with the exporters' module (src/core/export/crs.ts), not with the map.
import type { Position } from 'geojson';

let loading: Promise<(p: Position) => Position> | null = null;

export function loadLambert93(): Promise<(p: Position) => Position> {
  loading ??= import('../../core/export/crs').then((m) => m.projectionFrom4326('EPSG:2154'));
  return loading;
}
