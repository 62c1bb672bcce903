// What the page and the worker agree on about workspace tiles (tiles.ts cuts them; this module stays
// free of the tiling code so that the map can name tiles without loading it).
/** The one layer each tile carries; the app's style layers read it. */
export const TILE_LAYER = 'entites';
/** Deepest zoom cut: beyond it MapLibre over-zooms (4096 units a tile: ~10 cm on the ground at zoom 16 here). */
export const TILE_MAX_ZOOM = 16;
/** URL scheme MapLibre asks the tiles with: `atelier://<item id>/<revision>/<z>/<x>/<y>`. */
export const TILE_SCHEME = 'atelier';

/**
 * Tile feature ids are the feature's index + 1 (MapLibre treats a 0 id as no id in places): picking
 * a drawn feature gives back the index the worker keeps, and so the full geometry and properties.
 */
export const tileFeatureId = (index: number): number => index + 1;
export const featureIndexOfTile = (id: number): number => id - 1;

/** `atelier://<id>/<revision>/<z>/<x>/<y>` → its parts, or null for anything else. */
export function parseTileUrl(url: string): { id: string; z: number; x: number; y: number } | null {
  const match = /^atelier:\/\/([\w-]+)\/\d+\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (!match) return null;
  const [z, x, y] = match.slice(2).map(Number);
  return { id: match[1], z, x, y };
}

export const tileUrlTemplate = (id: string, revision: number): string => `${TILE_SCHEME}://${id}/${revision}/{z}/{x}/{y}`;
