// MapLibre layers for the workspace: one vector source per item, whose tiles the workbench worker cuts
// (core/codec/tiles.ts), and a fill, a line and a circle layer over it, drawn above the thematic
// layers in the items' order. The bench measured this against deck.gl binary layers for a 100,000-
// parcel import (docs/benchmarks.md): tiles never hold the main thread and draw only what is seen.
import type { LayerSpecification } from 'maplibre-gl';
import type { WorkspaceStyle } from '../../map/workspace-sync';
import { fillShare, kinds, RESULT_DASH } from '../../map/workspace-symbol';
import type { WorkspaceItem } from '../../../core/types';
import { TILE_LAYER, TILE_MAX_ZOOM, tileUrlTemplate } from '../../../core/codec/tile-url';
import { outlinesShown } from '../items';

export const WORKSPACE_LAYER_PREFIX = 'espace:';
const SOURCE_PREFIX = 'espace-';

/** Picking reads the layer id: `espace:<item id>:<kind>`. */
export function itemIdFromLayer(layerId: string): string | null {
  if (!layerId.startsWith(WORKSPACE_LAYER_PREFIX)) return null;
  const rest = layerId.slice(WORKSPACE_LAYER_PREFIX.length);
  const cut = rest.lastIndexOf(':');
  return cut > 0 ? rest.slice(0, cut) : null;
}

const rgba = ([r, g, b]: [number, number, number], alpha: number) => `rgba(${r}, ${g}, ${b}, ${Math.round(alpha * 1000) / 1000})`;

/**
 * `revisions` says which items the worker can draw (their tiles' revision: a reprojection or a
 * worker restart changes it, so MapLibre asks the tiles again).
 */
export function workspaceStyle(items: WorkspaceItem[], revisions: Record<string, number>): WorkspaceStyle {
  const sources: WorkspaceStyle['sources'] = {};
  const layers: LayerSpecification[] = [];
  for (const item of [...items].sort((a, b) => a.order - b.order)) {
    const revision = revisions[item.id];
    if (revision === undefined) continue;
    const source = `${SOURCE_PREFIX}${item.id}`;
    sources[source] = {
      type: 'vector',
      tiles: [tileUrlTemplate(item.id, revision)],
      maxzoom: TILE_MAX_ZOOM,
      // No request for tiles outside the layer (a file of a few parcels asks a handful of tiles).
      ...(item.bounds ? { bounds: item.bounds } : {}),
    };
    const visibility = item.visible ? 'visible' : 'none';
    // Result zones are outlined with dashes and a light fill: what lies under them stays readable.
    const isResult = item.kind === 'resultat';
    const base = { source, 'source-layer': TILE_LAYER, layout: { visibility } } as const;
    const id = (kind: string) => `${WORKSPACE_LAYER_PREFIX}${item.id}:${kind}`;
    const has = kinds(item);
    // Only the layers the item's geometry needs: each style layer walks every feature of every tile.
    if (has.polygons)
      layers.push({
        ...base,
        id: id('surface'),
        type: 'fill',
        filter: ['==', '$type', 'Polygon'],
        paint: { 'fill-color': rgba(item.colour, item.opacity * fillShare(item)) },
      });
    // Lines are always drawn; polygon outlines only when shown (a dense parcel layer reads as fills).
    const outlines = has.polygons && outlinesShown(item);
    if (has.lines || outlines)
      layers.push({
        ...base,
        id: id('contour'),
        type: 'line',
        filter: outlines ? ['!=', '$type', 'Point'] : ['==', '$type', 'LineString'],
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': rgba(item.colour, item.opacity),
          'line-width': isResult ? 2.5 : 2,
          ...(isResult ? { 'line-dasharray': RESULT_DASH } : {}),
        },
      });
    if (has.points)
      layers.push({
        ...base,
        id: id('point'),
        type: 'circle',
        filter: ['==', '$type', 'Point'],
        paint: {
          'circle-radius': 5,
          'circle-color': rgba(item.colour, item.opacity * 0.35),
          'circle-stroke-color': rgba(item.colour, item.opacity),
          'circle-stroke-width': 2,
        },
      });
  }
  return { sources, layers };
}
