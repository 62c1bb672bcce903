// Puts the workspace's vector sources and layers on the map (just under the highlight layers) and
// finds the workspace feature under a point. The style itself is built by the workbench
// (workbench/map/workspace-layers.ts); this side only applies it, touching what changed.
import type { LayerSpecification, Map as MapLibreMap, VectorSourceSpecification } from 'maplibre-gl';
import { featureIndexOfTile } from '../../core/codec/tile-url';
import { HIGHLIGHT_FIRST } from './highlight';
import { syncLayers } from './style-sync';

export interface WorkspaceStyle {
  sources: Record<string, VectorSourceSpecification>;
  /** Bottom first. */
  layers: LayerSpecification[];
}

const GROUP = 'espace';
const appliedSources = new WeakMap<MapLibreMap, Map<string, string>>();

export function syncWorkspace(map: MapLibreMap, style: WorkspaceStyle | null): void {
  const applied = appliedSources.get(map) ?? new Map<string, string>();
  appliedSources.set(map, applied);
  const sources = style?.sources ?? {};
  // A source whose tiles changed (a new revision: reprojected, or a restarted worker) is added
  // again with its layers: MapLibre then asks every tile anew.
  const stale = new Set([...applied].filter(([id, spec]) => !sources[id] || JSON.stringify(sources[id]) !== spec).map(([id]) => id));
  if (stale.size) {
    // Behind syncLayers' back: it adds a listed layer again when the map no longer has it.
    for (const layer of map.getStyle().layers) if ('source' in layer && stale.has(layer.source)) map.removeLayer(layer.id);
    for (const id of stale) {
      if (map.getSource(id)) map.removeSource(id);
      applied.delete(id);
    }
  }
  for (const [id, spec] of Object.entries(sources)) {
    if (applied.has(id)) continue;
    map.addSource(id, spec);
    applied.set(id, JSON.stringify(spec));
  }
  syncLayers(map, GROUP, style?.layers ?? [], HIGHLIGHT_FIRST);
}

/** Topmost drawn workspace feature within `radius` CSS pixels of a point. */
export function workspaceFeatureAt(
  map: MapLibreMap,
  style: WorkspaceStyle,
  itemOf: (layerId: string) => string | null,
  x: number,
  y: number,
  radius: number,
): { itemId: string; index: number } | null {
  const layers = style.layers.filter((l) => l.layout?.visibility !== 'none' && map.getLayer(l.id)).map((l) => l.id);
  if (!layers.length) return null;
  // Features come top first, as drawn.
  for (const f of map.queryRenderedFeatures(
    [
      [x - radius, y - radius],
      [x + radius, y + radius],
    ],
    { layers },
  )) {
    const itemId = itemOf(f.layer.id);
    if (itemId && typeof f.id === 'number' && f.id > 0) return { itemId, index: featureIndexOfTile(f.id) };
  }
  return null;
}
